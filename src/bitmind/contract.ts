/**
 * What the BitMind Enterprise API documentation says, and what it leaves to us, in one place.
 * Every value marked GUESS is a decision taken where the vendor's pages are silent
 * (see /work/shared/bitmind-api.md, "Not documented").
 */
import { bitmindMimes } from '../domain/media-types.js';

export const PATHS = {
  token: '/v1/oauth/token',
  health: '/health',
  status: '/status',
  image: '/image',
  video: '/video',
  batchImage: '/batch_image',
  batchVideo: '/batch_video',
} as const;

export type Endpoint = keyof typeof PATHS;

/** Multipart field names, as documented. */
export const FIELDS = { video: 'video', batchImage: 'images', batchVideo: 'videos' } as const;

/**
 * Per-file limits. GUESS: in a batch they apply to each file, not to the whole request, so each file
 * is checked before sending and a batch is never split by total size.
 */
export const MAX_BYTES = { image: 100 * 1024 * 1024, video: 500 * 1024 * 1024 } as const;

/**
 * The types each endpoint accepts, as the documentation lists them (JPEG, PNG, WebP; MP4, AVI, MOV),
 * read from the one table of media types; `video/avi` is the documentation's other name for AVI.
 */
export const ACCEPTED_TYPES: Readonly<Record<'image' | 'video', readonly string[]>> = {
  image: bitmindMimes('image'),
  video: [...bitmindMimes('video'), 'video/avi'],
};

export const MAX_BATCH = { image: 50, video: 20 } as const;

/** Permission names in `/status` → `client.permissions`. */
export const PERMISSIONS = {
  image: 'image_inference',
  video: 'video_inference',
  batch: 'batch_processing',
} as const;

/** The permission each endpoint needs, to name it when a 403 arrives. */
export const PERMISSION_OF: Partial<Record<Endpoint, string>> = {
  image: PERMISSIONS.image,
  video: PERMISSIONS.video,
  batchImage: PERMISSIONS.batch,
  batchVideo: PERMISSIONS.batch,
};

/** The vendor's sample client refreshes a token this long before `expires_in` runs out. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/** The vendor's guide: "wait 60 s" after a 429. */
export const RATE_LIMIT_WAIT_MS = 60_000;

/** Organization API keys start with this; other keys are sent as configured, with a warning. */
export const API_KEY_PREFIX = 'enterprise-';

/** GUESS: the request id of an error comes in `request_id` (as in batch results) or `X-Request-Id`. */
export const REQUEST_ID_HEADER = 'x-request-id';
