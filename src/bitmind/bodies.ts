import { openAsBlob } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { FormData } from 'undici';
import { BitmindError } from './errors.js';
import type { Upload } from './types.js';

/**
 * Request bodies read from disk as they are sent: a file-backed Blob streams its bytes, so a 500 MB
 * video never sits in memory. Each attempt opens its body anew, since a sent stream cannot be rewound.
 */
export interface OpenedBody {
  readonly body: string | Readable | FormData;
  readonly headers: Readonly<Record<string, string>>;
}

async function openFile(upload: Upload): Promise<Blob> {
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

/** The file's bytes as the whole body, typed by the caller (`/image`). */
export async function rawBody(upload: Upload): Promise<OpenedBody> {
  const blob = await openFile(upload);
  return {
    body: Readable.fromWeb(blob.stream() as ReadableStream<Uint8Array>),
    headers: { 'content-type': upload.contentType, 'content-length': String(blob.size) },
  };
}

/** multipart/form-data with one part per file in `field`; undici sets the boundary and the length. */
export async function multipartBody(field: string, uploads: readonly Upload[]): Promise<OpenedBody> {
  const form = new FormData();
  for (const upload of uploads) form.append(field, await openFile(upload), upload.filename);
  return { body: form, headers: {} };
}
