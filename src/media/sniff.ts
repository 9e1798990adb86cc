import { fileTypeFromBuffer, type FileTypeResult } from 'file-type';
import {
  mediaTypeOfMime,
  READ_AS_IS,
  supportedTypesText,
  type Acceptance,
  type MediaType,
} from '../domain/media-types.js';
import { CheckError, type MediaKind } from '../domain/types.js';

export interface Classified {
  readonly kind: MediaKind;
  /** The content type BitMind is sent when it reads the file as is; else the type's usual MIME. */
  readonly mime: string;
  readonly type: MediaType;
}

/**
 * The kind, type and upload type of a file, from what its first bytes say (never its name or a
 * claim). `accepts` says which known types this bot can check: those BitMind reads by default.
 */
export function classify(detected: FileTypeResult | undefined, accepts: Acceptance = READ_AS_IS): Classified {
  const type = mediaTypeOfMime(detected?.mime);
  if (type && accepts(type)) return { kind: type.kind, mime: type.sendAs ?? type.mimes[0]!, type };
  const found = detected ? ` (it looks like ${detected.ext.toUpperCase()})` : '';
  throw new CheckError(
    'unsupported_type',
    `That file is not a supported type${found}. Supported: ${supportedTypesText(accepts)}.`,
  );
}

/** file-type's own default sample: enough for every accepted format's signature. */
const SAMPLE_BYTES = 4100;

/** What file-type makes of a medium's first bytes (none when the medium is empty). */
export async function sniff(first: Buffer | undefined): Promise<FileTypeResult | undefined> {
  return first && fileTypeFromBuffer(first.subarray(0, SAMPLE_BYTES));
}
