/**
 * Everything bitmind-api.md says is undocumented, decided once, here. When BitMind documents one of
 * these, change it here and nowhere else.
 *
 * Decided here without a value of their own:
 * - The token endpoint answers like the API (`{"detail"}` bodies), not with OAuth's
 *   `{"error": "invalid_client"}`: 400 for a malformed request, 401 for unknown or wrong
 *   credentials, 403 when an mTLS client sends no certificate.
 * - A video gets one result for the whole file, shaped like an image's; no per-frame results.
 * - The Content-Type of a multipart file part is not checked; its magic bytes are.
 */
import { bitmindMimes } from '../domain/media-types.js';

/** Guess: the documented "100 MB" and "500 MB" are binary megabytes (MiB), the looser reading. */
export const MEGABYTE = 1024 * 1024;

/**
 * Guess: in a batch, the 413 caps apply to each file on its own (each image ≤ 100 MB, each video
 * ≤ 500 MB); there is no cap on the whole request beyond the file counts.
 */
export function batchFileCap(
  limits: { imageBytes: number; videoBytes: number },
  kind: 'image' | 'video',
): number {
  return kind === 'image' ? limits.imageBytes : limits.videoBytes;
}

/**
 * Guess: `/image` takes raw bytes only. A JSON body (for instance `{"image": "<base64>"}` or a URL)
 * is refused with 400, as is any Content-Type other than these three. When the declared type and the
 * magic bytes disagree among these three, the magic bytes win (the model decodes whatever it gets).
 */
export const IMAGE_CONTENT_TYPES: readonly string[] = bitmindMimes('image');

/** Guess: error bodies are FastAPI's `{"detail": "..."}`, as BitMind's other public services answer. */
export function errorBody(detail: string): { detail: string } {
  return { detail };
}

/**
 * Guess: a 429 carries `Retry-After` in whole seconds and no other rate-limit headers (none are
 * documented; clients must survive their absence, which scripted faults can also produce).
 */
export function rateLimitHeaders(retryAfterSeconds: number): Record<string, string> {
  return { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) };
}

/**
 * Guess: a valid token presented with a different certificate than the one it was bound to
 * (RFC 8705 `cnf.x5t#S256`) is a 401, as RFC 8705 §3 answers `invalid_token`; a missing
 * certificate is the documented 403.
 */
export const CERTIFICATE_MISMATCH_STATUS = 401;
