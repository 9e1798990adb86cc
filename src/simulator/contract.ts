/** The numbers and names bitmind-api.md documents; the undocumented ones live in guesses.ts. */
import { MEGABYTE } from './guesses.js';

export const PERMISSIONS = ['image_inference', 'video_inference', 'batch_processing'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type MediaKind = 'image' | 'video';

export interface Limits {
  /** Per image, /image and each file of /batch_image. */
  readonly imageBytes: number;
  /** Per video, /video and each file of /batch_video. */
  readonly videoBytes: number;
  readonly batchImages: number;
  readonly batchVideos: number;
  /**
   * Whole request body of a batch, as a proxy in front of the API would cap it (413 mid-stream).
   * The documentation names no such cap, so by default there is none; tests set one.
   */
  readonly requestBytes?: number;
}

export const DOCUMENTED_LIMITS: Limits = {
  imageBytes: 100 * MEGABYTE,
  videoBytes: 500 * MEGABYTE,
  batchImages: 50,
  batchVideos: 20,
};

/** "Tokens are RS256 JWTs that live one hour." */
export const TOKEN_TTL_SECONDS = 3600;

/** The prefix of an organization API key, as sent in `Authorization: Bearer enterprise-<key>`. */
export const API_KEY_PREFIX = 'enterprise-';
