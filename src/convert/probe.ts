import { open } from 'node:fs/promises';
import sharp from 'sharp';
import type { MediaType } from '../domain/media-types.js';
import { CheckError } from '../domain/types.js';
import { tooManyPixels } from './decode-worker.js';

/** A medium's bytes: in memory, or in a temporary file. */
export type Input = Buffer | string;

export interface Shape {
  readonly width: number;
  /** Of one frame. */
  readonly height: number;
  /** Frames: more than one for an animated GIF or WebP. */
  readonly pages: number;
  /** Milliseconds each frame shows, when animated. */
  readonly delays: readonly number[];
}

/**
 * An image's size and frame count, read from its header without decoding a pixel (sharp reads HEIC's
 * container too, though it cannot decode HEVC), and refused here when the pixels to be decoded pass
 * `maxPixels`: a decompression bomb never reaches a decoder.
 */
export async function probe(input: Input, type: MediaType, maxPixels: number): Promise<Shape> {
  const shape = type.id === 'bmp' ? bmpShape(await head(input, 26)) : await sharpShape(input, type);
  const frames = type.animatedTo && shape.pages > 1 ? shape.pages : 1;
  if (shape.width * shape.height * frames > maxPixels) {
    throw tooManyPixels(shape.width, shape.height * frames, maxPixels);
  }
  return shape;
}

async function sharpShape(input: Input, type: MediaType): Promise<Shape> {
  try {
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    const pages = meta.pages ?? 1;
    return {
      width: meta.width,
      height: meta.pageHeight ?? meta.height,
      pages,
      delays: meta.delay ?? [],
    };
  } catch (err) {
    throw unreadable(type, err);
  }
}

/** BMP's header: width and height (negative when stored top-down) at bytes 18 and 22. */
function bmpShape(header: Buffer): Shape {
  if (header.length < 26) throw unreadable({ label: 'BMP image' });
  return {
    width: Math.abs(header.readInt32LE(18)),
    height: Math.abs(header.readInt32LE(22)),
    pages: 1,
    delays: [],
  };
}

async function head(input: Input, bytes: number): Promise<Buffer> {
  if (typeof input !== 'string') return input.subarray(0, bytes);
  const file = await open(input, 'r');
  try {
    const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(bytes), position: 0 });
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

export function unreadable(type: Pick<MediaType, 'label'>, cause?: unknown): CheckError {
  return new CheckError('unsupported_type', `That ${type.label} could not be read for checking.`, { cause });
}
