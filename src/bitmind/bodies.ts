import { openAsBlob } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { FormData } from 'undici';
import { BitmindError } from './errors.js';
import type { Upload } from './types.js';

/**
 * Request bodies for one attempt. A file is read from disk as it is sent (a file-backed Blob streams
 * its bytes, so a 500 MB video never sits in memory) and opened anew each attempt, since a sent
 * stream cannot be rewound; bytes in memory are sent as they are, again on every attempt.
 */
export interface OpenedBody {
  readonly body: string | Uint8Array | Readable | FormData;
  readonly headers: Readonly<Record<string, string>>;
}

async function blobOf(upload: Upload): Promise<Blob> {
  if ('bytes' in upload) return new Blob([upload.bytes], { type: upload.contentType });
  try {
    return await openAsBlob(upload.path, { type: upload.contentType });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new BitmindError(
      'bad_request',
      `Could not read "${upload.filename}" to send it to BitMind (${code}).`,
    );
  }
}

/** The medium's bytes as the whole body, typed by the caller (`/image`). */
export async function rawBody(upload: Upload): Promise<OpenedBody> {
  const headers = { 'content-type': upload.contentType };
  if ('bytes' in upload) {
    return { body: upload.bytes, headers: { ...headers, 'content-length': String(upload.bytes.length) } };
  }
  const blob = await blobOf(upload);
  return {
    body: Readable.fromWeb(blob.stream() as ReadableStream<Uint8Array>),
    headers: { ...headers, 'content-length': String(blob.size) },
  };
}

/** multipart/form-data with one part per medium in `field`; undici sets the boundary and the length. */
export async function multipartBody(field: string, uploads: readonly Upload[]): Promise<OpenedBody> {
  const form = new FormData();
  for (const upload of uploads) form.append(field, await blobOf(upload), upload.filename);
  return { body: form, headers: {} };
}
