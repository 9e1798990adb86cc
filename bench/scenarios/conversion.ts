import { execFile } from 'node:child_process';
import { access, copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { findFfmpeg } from '../../src/convert/ffmpeg.js';
import { formatSize } from '../../src/media/limits.js';
import { toMp4 } from '../../src/convert/to-mp4.js';
import { toPng } from '../../src/convert/to-png.js';
import { mediaTypeOfMime } from '../../src/domain/media-types.js';
import { runMeasured, type MeasuredRun } from '../lib/peak-rss.js';
import { ms, type Row, type Scale, type ScenarioResult } from '../lib/result.js';
import { botEnvFor, startSimProcess } from '../lib/sim-process.js';

const run = promisify(execFile);

interface Medium {
  readonly what: string;
  /** The file people post. */
  readonly original: string;
  /** The same, already converted the way the bot converts it: what BitMind is sent. */
  readonly converted: string;
}

/**
 * Scenario 7: what conversion costs, beside the BitMind call it precedes. Each medium is checked by
 * the shipped CLI in a process of its own, with the simulator in another: once as posted (HEIC, GIF,
 * WebM: conversion, then the call) and once already converted (PNG or MP4: the call alone). The
 * difference is the conversion. The 12-megapixel HEIC (4032 × 3024, an iPhone's size) is committed
 * in bench/fixtures, made with libheif's heif-enc 1.15.1 at -q 40 from a noisy gradient; the GIF
 * and the WebM are made here by ffmpeg from its test pattern.
 */
export async function conversion(scale: Scale): Promise<ScenarioResult> {
  const cli = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
  await access(cli).catch(() => {
    throw new Error('dist/src/cli.js is missing: run `npm run build` first (`npm run bench` does)');
  });
  const ffmpeg = await findFfmpeg(process.env.FFMPEG_PATH);
  if (!ffmpeg.usable) throw new Error(`the conversion bench needs ffmpeg: ${ffmpeg.problem}`);
  const dir = await mkdtemp(join(tmpdir(), 'bench-conversion-'));
  const sim = await startSimProcess();
  const env = {
    ...botEnvFor(sim, dir),
    ...(process.env.FFMPEG_PATH && { FFMPEG_PATH: process.env.FFMPEG_PATH }),
  };
  const ff = (args: string[]) => run(ffmpeg.path, ['-hide_banner', '-loglevel', 'error', ...args, '-y']);
  try {
    const media: Medium[] = [];
    const heic = join(dir, 'photo.heic');
    await copyFile(fileURLToPath(new URL('../fixtures/12mp.heic', import.meta.url)), heic);
    media.push({
      what: '12-megapixel HEIC',
      original: heic,
      converted: await converted(ffmpeg.path, heic, 'image/heic', dir),
    });

    // A noisy pattern GIF of about 10 MB (a few hundred KB with --quick).
    const gif = join(dir, 'loop.gif');
    const gifSeconds = scale.quick ? 1 : 9;
    await ff([
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=480x360:rate=10:duration=${gifSeconds}`,
      '-vf',
      'noise=alls=30:allf=t',
      gif,
    ]);
    media.push({
      what: `animated GIF, 480 × 360, ${gifSeconds} s`,
      original: gif,
      converted: await converted(ffmpeg.path, gif, 'image/gif', dir),
    });

    // A WebM of about 50 MB (a few MB with --quick): 3.5 s of 720p noise at a high quality, since
    // x264 takes longer per frame than the clip lasts, a long clip would take minutes to bench.
    const webm = join(dir, 'clip.webm');
    const webmSeconds = scale.quick ? 0.5 : 3.5;
    await ff([
      ...['-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${webmSeconds}`],
      ...['-vf', 'noise=alls=20:allf=t', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8'],
      ...['-b:v', '40M', '-minrate', '40M', '-maxrate', '40M', '-qmin', '0', '-qmax', '8'],
      webm,
    ]);
    media.push({
      what: `WebM, 720p, ${webmSeconds} s`,
      original: webm,
      converted: await converted(ffmpeg.path, webm, 'video/webm', dir),
    });

    const measured: Record<string, { bytes: number; original: MeasuredRun; converted: MeasuredRun }> = {};
    const rows: Row[] = [];
    for (const m of media) {
      const bytes = (await stat(m.original)).size;
      const original = await succeeded(
        `${m.what} as posted`,
        runMeasured(cli, ['check', '--json', m.original], env),
      );
      const converted = await succeeded(
        `${m.what} converted`,
        runMeasured(cli, ['check', '--json', m.converted], env),
      );
      measured[m.what] = { bytes, original, converted };
      rows.push({
        measure: `${m.what} (${formatSize(bytes)}): check as posted vs already converted (the call alone); time, peak RSS of the bot`,
        bot: `${ms(original.ms)}, ${original.peakMb.toFixed(0)} MB`,
        baseline: `${ms(converted.ms)}, ${converted.peakMb.toFixed(0)} MB`,
        ratio: `conversion ≈ ${ms(original.ms - converted.ms)}`,
        target: '',
        met: null,
      });
    }
    return {
      id: 'conversion',
      title: '7. Conversion',
      settings: {
        quick: scale.quick,
        bot: 'node dist/src/cli.js check --json <file as posted>',
        baseline: 'the same CLI on the file already converted (PNG or MP4): the BitMind call alone',
        ffmpeg: `${ffmpeg.version} (${ffmpeg.path})`,
        process:
          'one child per run; the simulator in another process; times include process start; peak RSS is the bot process (ffmpeg, a child of its own, not included)',
      },
      measured,
      rows,
    };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function succeeded(what: string, pending: Promise<MeasuredRun>): Promise<MeasuredRun> {
  const result = await pending;
  if (result.exitCode !== 0) throw new Error(`${what} exited with ${result.exitCode}`);
  return result;
}

/** The file as the bot sends it, made by the bot's own conversion code. */
async function converted(ffmpeg: string, input: string, mime: string, dir: string): Promise<string> {
  const type = mediaTypeOfMime(mime)!;
  const common = { input, type, maxPixels: 1e8, timeoutMs: 600_000 };
  if (type.convertTo === 'png' && type.id !== 'gif') {
    const output = join(dir, `${type.id}.png`);
    await toPng({ ...common, output });
    return output;
  }
  const output = join(dir, `${type.id}.mp4`);
  await toMp4({ ...common, ffmpeg, output, maxOutputBytes: 500 * 1024 * 1024, what: type.label });
  return output;
}
