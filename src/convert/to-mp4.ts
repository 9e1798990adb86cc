import type { Readable } from 'node:stream';
import sharp from 'sharp';
import type { MediaType } from '../domain/media-types.js';
import type { Logger } from '../log.js';
import { runFfmpeg } from './ffmpeg.js';
import type { Input, Shape } from './probe.js';

export interface Mp4Job {
  readonly ffmpeg: string;
  /** A path: ffmpeg reads files, never memory we would have to pipe twice. */
  readonly input: string;
  readonly type: MediaType;
  /** The frames of an animated WebP, which ffmpeg's WebP decoder cannot read. */
  readonly shape?: Shape;
  readonly output: string;
  readonly maxPixels: number;
  /** ffmpeg stops writing here (`-fs`); the caller refuses an output that reached it. */
  readonly maxOutputBytes: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
  /** "that WebM video", "that animated GIF". */
  readonly what: string;
}

/**
 * Input settings per type. The demuxer is named, never guessed, so bytes that sniffed as a GIF or a
 * Matroska file cannot be read as a playlist that opens other files; and no network protocol is
 * allowed at all.
 */
const DEMUXER: Readonly<Record<string, string>> = { gif: 'gif', webm: 'matroska', mkv: 'matroska' };

/**
 * Converts a video BitMind does not read (WebM, MKV, an animated GIF or WebP) to an H.264 MP4 at
 * its own size, video only, in a child process.
 */
export async function toMp4(job: Mp4Job): Promise<void> {
  const safety = ['-hide_banner', '-loglevel', 'error', '-protocol_whitelist', 'file,pipe'];
  const output = [
    ...['-map', '0:v:0', '-an', '-sn', '-dn'],
    // H.264 in 4:2:0 needs even sides; a GIF's may be odd.
    ...['-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-movflags', '+faststart'],
    ...['-fs', String(job.maxOutputBytes), '-f', 'mp4', '-y', job.output],
  ];
  const run = { timeoutMs: job.timeoutMs, signal: job.signal, logger: job.logger, what: job.what };
  if (job.type.id === 'webp' && job.shape) {
    const { width, height, delays } = job.shape;
    const input = ['-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${width}x${height}`];
    const rate = ['-framerate', frameRate(delays), '-i', 'pipe:0'];
    await runFfmpeg(job.ffmpeg, [...safety, ...input, ...rate, ...output], {
      ...run,
      stdin: webpFrames(job.input, job.maxPixels),
    });
    return;
  }
  const demuxer = DEMUXER[job.type.id];
  if (!demuxer) throw new Error(`no demuxer for ${job.type.id}`);
  const input = ['-nostdin', '-max_pixels', String(job.maxPixels), '-f', demuxer, '-i', job.input];
  await runFfmpeg(job.ffmpeg, [...safety, ...input, ...output], run);
}

/** The mean frame rate of an animation (ffmpeg's raw input has one rate), within 1 to 60 fps. */
function frameRate(delays: readonly number[]): string {
  const mean = delays.length > 0 ? delays.reduce((a, b) => a + b, 0) / delays.length : 100;
  return String(Math.min(60, Math.max(1, Math.round(1000 / Math.max(mean, 1)))));
}

/** Every frame of an animated WebP as raw RGBA, decoded by libvips (the probe bounded their pixels). */
function webpFrames(input: Input, maxPixels: number): Readable {
  return sharp(input, { animated: true, limitInputPixels: maxPixels }).ensureAlpha().raw();
}
