import { MAX_BYTES } from '../bitmind/contract.js';
import { CheckError, type MediaKind, type MediaRef } from '../domain/types.js';

/** Downloads stop at BitMind's own upload limits: nothing larger could be checked anyway. */
export const LIMITS: Readonly<Record<MediaKind, number>> = MAX_BYTES;

export type Limits = Readonly<Record<MediaKind, number>>;

/** Until the first bytes tell the kind, only the largest limit can be applied. */
export function largestLimit(limits: Limits = LIMITS): number {
  return Math.max(limits.image, limits.video);
}

/** "100 MB", "1.5 MB", "512 KB": limits as people read them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${Number((bytes / 1024 ** 2).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

export function tooLargeForAnyKind(size: number, limits: Limits = LIMITS): CheckError {
  return new CheckError(
    'too_large',
    `That file is ${formatSize(size)}; the limit is ${formatSize(limits.image)} for images and ${formatSize(limits.video)} for videos.`,
  );
}

/**
 * Refuses, before any download, a medium whose claimed size already exceeds its limit. The claimed
 * type only picks which limit (an image claimed at 200 MB is not worth fetching); acceptance is
 * still decided by the bytes.
 */
export function checkSizeHint(ref: Pick<MediaRef, 'sizeHint' | 'mimeHint'>, limits: Limits = LIMITS): void {
  if (ref.sizeHint === undefined) return;
  if (ref.sizeHint > largestLimit(limits)) throw tooLargeForAnyKind(ref.sizeHint, limits);
  if (ref.mimeHint?.startsWith('image/') && ref.sizeHint > limits.image) {
    throw new CheckError(
      'too_large',
      `That image is ${formatSize(ref.sizeHint)}; the limit for images is ${formatSize(limits.image)}.`,
    );
  }
}
