import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { addAbortSignal, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeStream } from 'file-type';
import { CheckError, type MediaKind } from '../check/types.js';
import { abortReason, DownloadError } from './errors.js';
import { formatSize, LIMITS, type Limits } from './limits.js';
import { classify } from './sniff.js';

export interface SpooledMedia {
  readonly path: string;
  readonly size: number;
  /** Hex SHA-256 of the bytes: the verdict cache's key. */
  readonly sha256: string;
  readonly kind: MediaKind;
  /** The content type to send BitMind, from the bytes. */
  readonly mime: string;
  /** Removes the file; safe to call more than once. */
  dispose(): Promise<void>;
}

export interface SpoolOptions {
  readonly signal: AbortSignal;
  /** A private directory (mkdtemp) the caller owns and removes at shutdown. */
  readonly tempDir: string;
  /** A ceiling beside the per-kind limits, such as what is left of a request's download budget. */
  readonly maxBytes?: number;
  /** Per-kind limits; BitMind's by default (tests pass small ones). */
  readonly limits?: Limits;
}

/** file-type's own default sample: enough for every accepted format's signature. */
const SAMPLE_BYTES = 4100;

/**
 * Reads a medium once, doing four things on the way: learns its type from the first bytes, hashes it,
 * counts it against the limit of that type, and writes it to a temporary file with a random name.
 * Throws a `CheckError` (or the abort reason when the caller aborts), and leaves no file behind when
 * it throws; on success the caller disposes of the file.
 */
export async function spool(source: Readable, options: SpoolOptions): Promise<SpooledMedia> {
  const { signal } = options;
  const path = join(options.tempDir, randomBytes(16).toString('hex'));
  let file: WriteStream | undefined;
  try {
    signal.throwIfAborted();
    addAbortSignal(signal, source);
    // The sample is at most 4 KB, far below any limit, so no cap is needed until the kind is known.
    const typed = await fileTypeStream(source, { sampleSize: SAMPLE_BYTES });
    const { kind, mime } = classify(typed.fileType);
    const meter = new ByteMeter(capFor(kind, options));
    file = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    await pipeline(typed, meter, file, { signal });
    return {
      path,
      size: meter.size,
      sha256: meter.digest(),
      kind,
      mime,
      dispose: () => rm(path, { force: true }),
    };
  } catch (err) {
    source.destroy();
    // The write stream may still be opening the file; wait for it to let go before removing it.
    if (file && !file.closed) await new Promise<void>((resolve) => file!.once('close', () => resolve()));
    await rm(path, { force: true });
    throw spoolError(err, signal);
  }
}

interface Cap {
  readonly bytes: number;
  readonly error: () => CheckError;
}

function capFor(kind: MediaKind, options: SpoolOptions): Cap {
  const kindLimit = (options.limits ?? LIMITS)[kind];
  if (options.maxBytes !== undefined && options.maxBytes < kindLimit) {
    const budget = Math.max(0, options.maxBytes);
    return {
      bytes: budget,
      error: () =>
        new CheckError(
          'too_large',
          `That file goes over what this request may still download (${formatSize(budget)}).`,
        ),
    };
  }
  return {
    bytes: kindLimit,
    error: () =>
      new CheckError('too_large', `That ${kind} is over the ${formatSize(kindLimit)} limit for ${kind}s.`),
  };
}

/** Counts and hashes the bytes passing through, and stops them the moment they pass the cap. */
class ByteMeter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly cap: Cap) {
    super();
  }

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (err?: Error | null, data?: Buffer) => void,
  ) {
    this.size += chunk.length;
    if (this.size > this.cap.bytes) {
      callback(this.cap.error());
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

function spoolError(err: unknown, signal: AbortSignal): Error {
  if (err instanceof CheckError) return err;
  if (signal.aborted) return abortReason(signal);
  return new DownloadError('The download failed before it finished.', { cause: err });
}
