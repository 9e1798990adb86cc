import { CheckError, type MediaKind, type MediaRef } from '../check/types.js';

/** BitMind's own upload limits (bitmind-api.md), in bytes: the one place they are written down. */
export const LIMITS: Readonly<Record<MediaKind, number>> = {
  image: 100 * 1024 ** 2,
  video: 500 * 1024 ** 2,
};

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

/** Refuses, before any download, a medium whose claimed size already exceeds every limit. */
export function checkSizeHint(ref: Pick<MediaRef, 'sizeHint'>, limits: Limits = LIMITS): void {
  if (ref.sizeHint !== undefined && ref.sizeHint > largestLimit(limits)) {
    throw tooLargeForAnyKind(ref.sizeHint, limits);
  }
}
