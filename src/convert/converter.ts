import { randomBytes } from 'node:crypto';
import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { convertible, type Acceptance, type MediaType } from '../domain/media-types.js';
import { CheckError, type MediaKind, type MediaSource } from '../domain/types.js';
import type { Logger } from '../log.js';
import { formatSize, LIMITS, type Limits } from '../media/limits.js';
import type { StoredBytes } from '../media/spool.js';
import type { FfmpegStatus } from './ffmpeg.js';
import { probe, type Input, type Shape } from './probe.js';
import { toMp4 } from './to-mp4.js';
import { toPng } from './to-png.js';

export interface ConverterOptions {
  /** MEDIA_MAX_PIXELS: images whose header announces more are refused before decoding. */
  readonly maxPixels: number;
  /** MEDIA_CONVERT_MAX_SECONDS, in ms: the wall-clock limit of one conversion. */
  readonly timeoutMs: number;
  readonly ffmpeg: FfmpegStatus;
  /** Where inputs and outputs of conversions are written: the Checker's private directory. */
  readonly tempDir: string;
  /** Conversions at once, each on libvips' threads, a worker or an ffmpeg process; 2 by default. */
  readonly concurrency?: number;
  readonly limits?: Limits;
  readonly logger?: Logger;
}

/** A medium as it was downloaded. */
export type Original = StoredBytes & {
  readonly type: MediaType;
  readonly kind: MediaKind;
  readonly mime: string;
};

/** What BitMind will be sent: the original as is, or a PNG or MP4 made from it. */
export interface Plan {
  readonly kind: MediaKind;
  readonly source?: MediaSource;
  /** Makes the file to send; absent when the original goes as is. */
  readonly convert?: (signal?: AbortSignal) => Promise<Converted>;
}

export type Converted = {
  readonly path: string;
  readonly size: number;
  readonly mime: string;
  dispose(): Promise<void>;
};

export interface Converter {
  /** The types this bot can check: with a usable ffmpeg, videos too. */
  readonly accepts: Acceptance;
  readonly ffmpeg: FfmpegStatus;
  /** Decides, from the header alone, what is sent; refuses a decompression bomb here. */
  plan(original: Original): Promise<Plan>;
}

/**
 * Turns what BitMind does not read into what it does: still images into lossless PNGs, videos and
 * animations into MP4s. The verdict cache keys on the original's bytes, so the caller plans first
 * and converts only when no verdict is known.
 */
export function createConverter(options: ConverterOptions): Converter {
  const queue = new PQueue({ concurrency: options.concurrency ?? 2 });
  const limits = options.limits ?? LIMITS;
  const ffmpeg = options.ffmpeg.usable ? options.ffmpeg.path : undefined;
  const fresh = (ext: string) => join(options.tempDir, `${randomBytes(16).toString('hex')}.${ext}`);

  /** Runs `make` into a fresh file, checks the size BitMind allows, and cleans up on any failure. */
  async function produce(
    ext: 'png' | 'mp4',
    make: (output: string) => Promise<void>,
    signal: AbortSignal | undefined,
  ): Promise<Converted> {
    const output = fresh(ext);
    const dispose = () => rm(output, { force: true });
    try {
      await queue.add(() => make(output), { signal });
      const { size } = await stat(output);
      const kind = ext === 'png' ? 'image' : 'video';
      if (size >= limits[kind]) {
        throw new CheckError(
          'too_large',
          `Converted for checking, it is over the ${formatSize(limits[kind])} limit for ${kind}s.`,
        );
      }
      return { path: output, size, mime: ext === 'png' ? 'image/png' : 'video/mp4', dispose };
    } catch (err) {
      await dispose();
      throw err;
    }
  }

  /** ffmpeg reads a file: a medium held in memory is written out for it first. */
  async function withPath<T>(input: Input, use: (path: string) => Promise<T>): Promise<T> {
    if (typeof input === 'string') return use(input);
    const path = fresh('in');
    try {
      await writeFile(path, input, { mode: 0o600 });
      return await use(path);
    } finally {
      await rm(path, { force: true });
    }
  }

  return {
    accepts: ffmpeg ? convertible(true) : convertible(false),
    ffmpeg: options.ffmpeg,

    async plan(original) {
      const { type } = original;
      // A video BitMind reads goes as is; there is no header worth reading first.
      if (type.sendAs && type.kind === 'video') return { kind: 'video' };
      const input: Input = 'bytes' in original ? original.bytes : original.path;
      const common = { timeoutMs: options.timeoutMs, maxPixels: options.maxPixels, logger: options.logger };

      const asVideo = (convertedFrom: string, shape?: Shape): Plan => {
        if (!ffmpeg)
          throw new CheckError('unsupported_type', `That ${convertedFrom} cannot be converted here.`);
        const what = `that ${convertedFrom}`;
        const make = (output: string, signal?: AbortSignal) =>
          withPath(input, (path) =>
            toMp4({
              ...common,
              ffmpeg,
              input: path,
              type,
              shape,
              output,
              signal,
              maxOutputBytes: limits.video,
              what,
            }),
          );
        return {
          kind: 'video',
          source: { convertedFrom },
          convert: (signal) => produce('mp4', (output) => make(output, signal), signal),
        };
      };
      if (type.convertTo === 'mp4') return asVideo(type.label);

      // A JPEG, PNG or WebP whose header cannot be read still goes as is: BitMind is the judge of it.
      const shape = await probe(input, type, options.maxPixels).catch((err: unknown) => {
        if (type.sendAs && !(err instanceof CheckError && err.code === 'too_large')) return undefined;
        throw err;
      });
      const animated = type.animatedTo !== undefined && shape !== undefined && shape.pages > 1;
      const name = animated ? `animated ${type.label.split(' ')[0]!}` : type.label;
      if (animated && ffmpeg) return asVideo(name, shape);
      // Without ffmpeg an animation is checked by its first frame, and the reply says so.
      const source: MediaSource | undefined = animated
        ? { firstFrameOf: name }
        : type.sendAs
          ? undefined
          : { convertedFrom: name };
      if (type.sendAs) return { kind: 'image', source };
      return {
        kind: 'image',
        source,
        convert: (signal) =>
          produce('png', (output) => toPng({ ...common, input, type, output, signal }), signal),
      };
    },
  };
}
