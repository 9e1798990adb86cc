import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { addAbortSignal, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CheckError, type MediaKind } from '../domain/types.js';
import { abortReason, DownloadError } from './errors.js';
import { formatSize, LIMITS, type Limits } from './limits.js';
import type { DiskClaim } from './disk-budget.js';
import type { MemoryBudget, MemoryClaim } from './memory-budget.js';
import type { Acceptance, MediaType } from '../domain/media-types.js';
import { classify, sniff } from './sniff.js';

/** Where a medium's bytes wait while it is checked: in memory when small, else in a temporary file. */
export type StoredBytes = { readonly bytes: Buffer } | { readonly path: string };

export type SpooledMedia = StoredBytes & {
  readonly size: number;
  /** Hex SHA-256 of the bytes: the verdict cache's key. */
  readonly sha256: string;
  readonly kind: MediaKind;
  /** The content type to send BitMind, from the bytes (the type's own MIME when it needs converting). */
  readonly mime: string;
  /** The type the bytes announce, from the one table of media types. */
  readonly type: MediaType;
  /** Removes the file or gives the memory back; safe to call more than once. */
  dispose(): Promise<void>;
};

export interface SpoolOptions {
  readonly signal: AbortSignal;
  /** A private directory (mkdtemp) the caller owns and removes at shutdown. */
  readonly tempDir: string;
  /** A ceiling beside the per-kind limits, such as what is left of a request's download budget. */
  readonly maxBytes?: number;
  /** Per-kind limits; BitMind's by default (tests pass small ones). */
  readonly limits?: Limits;
  /** Lets small media stay in memory within this budget; without it, every medium goes to disk. */
  readonly memory?: MemoryBudget;
  /** The size the source announced, if any: a medium announced too large for memory skips it. */
  readonly sizeHint?: number;
  /**
   * The process's temporary-disk reservation for this medium: every byte is covered by it before it
   * is written. The spool owns it: released on failure or when a medium in memory is returned, and
   * by `dispose` once the file is removed.
   */
  readonly disk?: DiskClaim;
  /** Which known types to take; those BitMind reads as they are by default. */
  readonly accepts?: Acceptance;
  /**
   * Shown every chunk's size as it arrives, before anything else is done with it; throwing refuses
   * the medium with that error (a request's download allowance, shared by media read side by side).
   */
  readonly count?: (bytes: number) => void;
}

/**
 * Reads a medium once, doing four things on the way: learns its type from the first bytes, hashes it,
 * counts it against the limit of that type, and keeps it: in memory while it fits the memory budget,
 * else in a temporary file with a random name. Throws a `CheckError` (or the abort reason when the
 * caller aborts), and leaves no file behind and no memory claimed when it throws; on success the
 * caller disposes of the medium.
 *
 * One loop over the source's chunks does all four, with no stream stage of its own: a 1 MB image
 * arrives in a few chunks, and each Transform, PassThrough and pipeline between them cost more than
 * the work they carried.
 */
export async function spool(source: Readable, options: SpoolOptions): Promise<SpooledMedia> {
  const { signal } = options;
  const path = join(options.tempDir, randomBytes(16).toString('hex'));
  const claim = options.memory?.claim(options.sizeHint);
  let file: WriteStream | undefined;
  const openFile = () => (file = createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  try {
    signal.throwIfAborted();
    addAbortSignal(signal, source);
    const chunks = counted(source, options.count);
    // The type is read from the first chunk as soon as it arrives, as file-type's own stream did;
    // that chunk is then measured like the rest, against the cap its kind sets.
    const first = await chunks.next();
    const { kind, mime, type } = classify(await sniff(first.value), options.accepts);
    const meter = new ByteMeter(capFor(kind, options));
    const metered = first.done ? meter.pass([]) : meter.pass([first.value], chunks);
    const bytes = await keep(metered, claim, openFile, (written) => options.disk?.cover(written, signal));
    const common = { size: meter.size, sha256: meter.digest(), kind, mime, type };
    if (bytes && claim) {
      options.disk?.release();
      const dispose = () => {
        claim.release();
        return Promise.resolve();
      };
      return { ...common, bytes, dispose };
    }
    const dispose = async () => {
      await rm(path, { force: true });
      options.disk?.release();
    };
    return { ...common, path, dispose };
  } catch (err) {
    source.destroy();
    claim?.release();
    // The write stream may still be opening the file; wait for it to let go before removing it.
    if (file && !file.closed) await new Promise<void>((resolve) => file!.once('close', () => resolve()));
    await rm(path, { force: true });
    options.disk?.release();
    throw spoolError(err, signal);
  }
}

/**
 * Holds the chunks in memory while the claim can grow, and returns them as one buffer. Once it
 * cannot (or without a claim), the file takes the chunks held so far and the rest of the stream,
 * the claim is given back, and nothing is returned.
 */
async function keep(
  chunks: AsyncIterable<Buffer>,
  claim: MemoryClaim | undefined,
  openFile: () => WriteStream,
  reserve: (written: number) => Promise<void> | undefined,
): Promise<Buffer | undefined> {
  const held: Buffer[] = [];
  const rest = chunks[Symbol.asyncIterator]();
  let next = await rest.next();
  while (claim && !next.done && claim.grow(next.value.length)) {
    held.push(next.value);
    next = await rest.next();
  }
  if (claim && next.done) return Buffer.concat(held);
  // Too large for memory, memory spent, or no budget at all: the file takes it from here.
  if (!next.done) held.push(next.value);
  await pipeline(reserved(drain(held, rest), reserve), openFile());
  claim?.release();
  return undefined;
}

/** The held chunks, let go of one by one as they are written, then the rest of the stream. */
async function* drain(held: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  for (let chunk = held.shift(); chunk; chunk = held.shift()) yield chunk;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Each chunk once the disk budget covers it: the file never holds a byte the budget has not granted. */
async function* reserved(
  chunks: AsyncIterable<Buffer>,
  reserve: (written: number) => Promise<void> | undefined,
): AsyncGenerator<Buffer> {
  let written = 0;
  for await (const chunk of chunks) {
    written += chunk.length;
    await reserve(written);
    yield chunk;
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

/** Counts and hashes the bytes passing by, and stops them the moment they pass the cap. */
class ByteMeter {
  size = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly cap: Cap) {}

  /** The chunks already read, then the rest of the stream, each once it is counted and hashed. */
  async *pass(first: readonly Buffer[], rest?: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for (const chunk of first) yield this.#measured(chunk);
    if (rest) for await (const chunk of rest) yield this.#measured(chunk);
  }

  #measured(chunk: Buffer): Buffer {
    this.size += chunk.length;
    if (this.size > this.cap.bytes) throw this.cap.error();
    this.hash.update(chunk);
    return chunk;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** The source's chunks, each first shown to `count` (which may refuse it by throwing). */
async function* counted(
  source: Readable,
  count?: (bytes: number) => void,
): AsyncGenerator<Buffer, undefined> {
  for await (const chunk of source as AsyncIterable<Buffer>) {
    count?.(chunk.length);
    yield chunk;
  }
}

function spoolError(err: unknown, signal: AbortSignal): Error {
  if (err instanceof CheckError) return err;
  if (signal.aborted) return abortReason(signal);
  return new DownloadError('The download failed before it finished.', { cause: err });
}
