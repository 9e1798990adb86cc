import type { FileTypeResult } from 'file-type';
import { CheckError, type MediaKind } from '../domain/types.js';

export interface MediaType {
  readonly kind: MediaKind;
  /** The content type BitMind is sent. */
  readonly mime: string;
}

const image = (mime: string): MediaType => ({ kind: 'image', mime });
const video = (mime: string): MediaType => ({ kind: 'video', mime });

/**
 * What file-type 21 reports for the formats BitMind takes, mapped to the type BitMind is sent.
 * M4V is MP4 under Apple's brand; file-type names AVI video/vnd.avi, BitMind's docs x-msvideo.
 * An animated PNG is still a PNG, whose first frame is what an image check sees.
 */
const ACCEPTED: Readonly<Record<string, MediaType>> = {
  'image/jpeg': image('image/jpeg'),
  'image/png': image('image/png'),
  'image/apng': image('image/png'),
  'image/webp': image('image/webp'),
  'video/mp4': video('video/mp4'),
  'video/x-m4v': video('video/mp4'),
  'video/quicktime': video('video/quicktime'),
  'video/vnd.avi': video('video/x-msvideo'),
  'video/x-msvideo': video('video/x-msvideo'),
};

export const SUPPORTED_TYPES = 'JPEG, PNG and WebP images; MP4, MOV, AVI and M4V videos';

/** The kind and upload type of a file, from what its first bytes say (never its name or a claim). */
export function classify(detected: FileTypeResult | undefined): MediaType {
  const accepted = detected && ACCEPTED[detected.mime];
  if (accepted) return accepted;
  const found = detected ? ` (it looks like ${detected.ext.toUpperCase()})` : '';
  throw new CheckError(
    'unsupported_type',
    `That file is not a supported type${found}. Supported: ${SUPPORTED_TYPES}.`,
  );
}
