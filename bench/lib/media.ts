import { randomFillSync } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jpeg, mp4, png } from '../../test/helpers/media-samples.js';

/** A small deterministic PRNG (mulberry32), so every run draws the same sizes. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` sizes between `min` and `max` bytes, log-uniform (many small photos, a few large ones). */
export function imageSizes(count: number, min: number, max: number, rng: () => number): number[] {
  return Array.from({ length: count }, () =>
    Math.round(Math.exp(Math.log(min) + rng() * Math.log(max / min))),
  );
}

/**
 * Writes one image per size into `dir` (see `image`): distinct content, so no cache can answer for
 * another. Returns the paths.
 */
export async function writeImages(dir: string, sizes: readonly number[], prefix = 'img'): Promise<string[]> {
  const paths: string[] = [];
  for (const [i, size] of sizes.entries()) {
    const path = join(dir, `${prefix}-${i}.${i % 2 === 0 ? 'png' : 'jpg'}`);
    await writeFile(path, image(i, size));
    paths.push(path);
  }
  return paths;
}

/** The `i`th image of `size` bytes: a PNG header when `i` is even, a JPEG one when odd, then noise. */
export function image(i: number, size: number): Buffer {
  const head = i % 2 === 0 ? png() : jpeg();
  const bytes = Buffer.allocUnsafe(Math.max(size, head.length));
  head.copy(bytes);
  randomFillSync(bytes, head.length);
  return bytes;
}

/** A sparse MP4 of `size` bytes: a valid ftyp/mdat header, then a hole that reads as zeros. */
export async function writeSparseMp4(path: string, size: number): Promise<string> {
  const handle = await open(path, 'w');
  try {
    await handle.write(mp4(), 0, undefined, 0);
    await handle.truncate(size);
  } finally {
    await handle.close();
  }
  return path;
}

/** Splits `items` into consecutive groups whose sizes are drawn from 1..`most`. */
export function groupsOf<T>(items: readonly T[], most: number, rng: () => number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length;) {
    const size = 1 + Math.floor(rng() * most);
    groups.push(items.slice(i, i + size));
    i += size;
  }
  return groups;
}
