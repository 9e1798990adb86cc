import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { MediaType } from '../domain/media-types.js';
import { CheckError } from '../domain/types.js';
import { decodeInWorker } from './decode-worker.js';
import { unreadable, type Input } from './probe.js';

export interface PngJob {
  readonly input: Input;
  readonly type: MediaType;
  /** Where the PNG goes: a fresh name in the Checker's temporary directory. */
  readonly output: string;
  readonly maxPixels: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/**
 * Writes the image (the first frame of an animated one) as a lossless PNG at its own size: BitMind's
 * scores shift with size, so never a thumbnail. sharp decodes on libvips' threads; HEIC and BMP,
 * which its prebuilt libvips cannot read, decode in a worker thread and reach sharp as raw pixels.
 */
export async function toPng(job: PngJob): Promise<void> {
  const decoder = job.type.id === 'heic' || job.type.id === 'bmp' ? job.type.id : undefined;
  try {
    const image = decoder
      ? await decodeInWorker(decoder, await bytesOf(job.input), { ...job, label: job.type.label }).then(
          (pixels) =>
            sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: 4 } }),
        )
      : sharp(job.input, { limitInputPixels: job.maxPixels, pages: 1 });
    await image.png().toFile(job.output);
  } catch (err) {
    job.signal?.throwIfAborted();
    if (err instanceof CheckError) throw err;
    throw unreadable(job.type, err);
  }
}

async function bytesOf(input: Input): Promise<Buffer> {
  return typeof input === 'string' ? readFile(input) : input;
}
