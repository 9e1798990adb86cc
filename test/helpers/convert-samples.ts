import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { encode as encodeBmp } from 'bmp-ts';
import sharp from 'sharp';
import { findFfmpeg } from '../../src/convert/ffmpeg.js';

/**
 * Real media of every converted type, made at test time by the tools themselves (sharp, ffmpeg,
 * bmp-ts), except HEIC: no encoder ships on npm, so test/fixtures/sample.heic (64 × 48) was made once
 * with libheif's heif-enc 1.15.1 (x265), from a PNG gradient: `heif-enc -q 50 -o sample.heic in.png`.
 */
export interface ConvertCorpus {
  readonly stillGif: Buffer;
  readonly animatedGif: Buffer;
  readonly heic: Buffer;
  readonly avif: Buffer;
  readonly tiff: Buffer;
  readonly bmp: Buffer;
  readonly webm: Buffer;
  readonly mkv: Buffer;
  readonly animatedWebp: Buffer;
}

const run = promisify(execFile);

/** A gradient of the given size, tinted by `seed` so two calls give different bytes (and hashes). */
export function gradient(width: number, height: number, seed = 0): ReturnType<typeof sharp> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 4 + seed) & 255;
      raw[i + 1] = (y * 5) & 255;
      raw[i + 2] = (seed * 37) & 255;
    }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

/** The ffmpeg the bot itself would use; tests of video conversion need one. */
export async function ffmpegPath(): Promise<string> {
  const found = await findFfmpeg(process.env.FFMPEG_PATH);
  if (!found.usable) throw new Error(`tests need ffmpeg: ${found.problem}`);
  return found.path;
}

/** An ffmpeg test pattern, `seconds` long, encoded with `codec` into `format`. */
export async function ffmpegClip(dir: string, name: string, args: string[], seconds = 1): Promise<Buffer> {
  const out = join(dir, name);
  const source = ['-f', 'lavfi', '-i', `testsrc=size=64x48:rate=10:duration=${seconds}`];
  await run(await ffmpegPath(), ['-hide_banner', '-loglevel', 'error', ...source, ...args, '-y', out]);
  return readFile(out);
}

/** Three gradient frames, 40 × 30, as an animated GIF or WebP. */
export async function animation(format: 'gif' | 'webp', seed = 0): Promise<Buffer> {
  const frames = await Promise.all(
    [0, 1, 2].map((i) =>
      gradient(40, 30, seed + i * 50)
        .png()
        .toBuffer(),
    ),
  );
  const joined = sharp(frames, { join: { animated: true } });
  return (
    format === 'gif' ? joined.gif({ delay: [100, 100, 100] }) : joined.webp({ delay: [100, 100, 100] })
  ).toBuffer();
}

export async function makeCorpus(dir: string, seed = 0): Promise<ConvertCorpus> {
  const bmpPixels = Buffer.alloc(32 * 24 * 4, 0x80 + seed);
  return {
    stillGif: await gradient(40, 30, seed).gif().toBuffer(),
    animatedGif: await animation('gif', seed),
    heic: await readFile(join(import.meta.dirname, '../fixtures/sample.heic')),
    avif: await gradient(40, 30, seed).avif({ lossless: true }).toBuffer(),
    tiff: await gradient(40, 30, seed).tiff().toBuffer(),
    bmp: encodeBmp({ data: bmpPixels, width: 32, height: 24, bitPP: 24 }).data,
    webm: await ffmpegClip(dir, `s${seed}.webm`, ['-c:v', 'libvpx', '-b:v', '200k']),
    mkv: await ffmpegClip(dir, `s${seed}.mkv`, ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']),
    animatedWebp: await animation('webp', seed),
  };
}
