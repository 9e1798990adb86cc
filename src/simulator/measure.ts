import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { MediaKind } from './contract.js';
import { MEGABYTE } from './guesses.js';
import { HttpError } from './http.js';
import { MARKER_WINDOW_BYTES } from './score.js';
import { SNIFF_BYTES, sniff } from './sniff.js';

/** What the simulator keeps of an upload: never the bytes, only their count, hash, type and first 64 KiB. */
export interface MeasuredFile {
  readonly bytes: number;
  readonly sha256: string;
  readonly contentType: string;
  /** The first bytes (up to 64 KiB), where a score marker may be. */
  readonly head: Buffer;
}

const ACCEPTED: Record<MediaKind, string> = { image: 'JPEG, PNG or WebP', video: 'MP4, MOV or AVI' };

/**
 * Reads a file as it streams past: sniffs its first bytes, counts and hashes the rest, and fails as
 * soon as the type is wrong (400) or the count passes `maxBytes` (413). On failure it stops listening
 * and lets the stream flow on, so whoever answers the request can drain it.
 */
export function measure(
  stream: Readable,
  kind: MediaKind,
  maxBytes: number,
  name: string,
): Promise<MeasuredFile> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headBytes = 0;
    let bytes = 0;
    let contentType: string | undefined;

    let failed = false;

    const fail = (err: HttpError) => {
      if (failed) return;
      failed = true;
      stream.off('data', onData);
      stream.off('end', onEnd);
      // The 'error' listener stays: a stream erroring later with none would crash the process.
      stream.resume();
      reject(err);
    };
    const typeOrFail = (): string | undefined => {
      const type = sniff(Buffer.concat(head), kind);
      if (type === undefined)
        fail(new HttpError(400, `${name} is not a supported ${kind} (${ACCEPTED[kind]})`));
      return type;
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        fail(new HttpError(413, `${name} is too large: the ${kind} limit is ${describeBytes(maxBytes)}`));
        return;
      }
      hash.update(chunk);
      if (headBytes < MARKER_WINDOW_BYTES) {
        const part = chunk.subarray(0, MARKER_WINDOW_BYTES - headBytes);
        head.push(Buffer.from(part)); // a copy: the chunk itself is not kept
        headBytes += part.length;
      }
      if (contentType === undefined && headBytes >= SNIFF_BYTES) contentType = typeOrFail();
    };
    const onEnd = () => {
      const type = contentType ?? typeOrFail();
      if (type === undefined) return;
      resolve({ bytes, sha256: hash.digest('hex'), contentType: type, head: Buffer.concat(head) });
    };
    const onError = () => fail(new HttpError(400, `${name} ended before it was complete`));

    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.on('error', onError);
  });
}

function describeBytes(n: number): string {
  return n % MEGABYTE === 0 ? `${n / MEGABYTE} MB` : `${n} bytes`;
}
