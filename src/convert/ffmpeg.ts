import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { CheckError } from '../domain/types.js';
import type { Logger } from '../log.js';

/** A usable ffmpeg, or why there is none (said by `doctor`, and why WebM and MKV are refused). */
export type FfmpegStatus =
  | { readonly usable: true; readonly path: string; readonly version: string }
  | { readonly usable: false; readonly problem: string };

/** How to enable video conversion, for `doctor` and the README. */
export const FFMPEG_FIX =
  'Set FFMPEG_PATH to an ffmpeg binary (for example /usr/bin/ffmpeg from the ffmpeg package), or install the optional npm package @ffmpeg-installer/ffmpeg.';

/**
 * `FFMPEG_PATH` when set, else the binary inside `@ffmpeg-installer/ffmpeg`'s per-platform package
 * (shipped in the npm tarball, so it installs without a download); then runs `-version` to be sure.
 */
export async function findFfmpeg(configured: string | undefined): Promise<FfmpegStatus> {
  let path = configured;
  if (path === undefined) {
    try {
      const require = createRequire(import.meta.url);
      path = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    } catch {
      return { usable: false, problem: 'FFMPEG_PATH is not set and no ffmpeg package is installed' };
    }
  }
  try {
    const { stdout } = await runFfmpeg(path, ['-hide_banner', '-version'], { timeoutMs: 10_000 });
    const version = /ffmpeg version (\S+)/.exec(stdout)?.[1] ?? 'unknown';
    return { usable: true, path, version };
  } catch {
    return { usable: false, problem: `${path} does not run as ffmpeg` };
  }
}

export interface FfmpegRun {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Fed to ffmpeg's standard input (`-i pipe:0`); without it, stdin is closed. */
  readonly stdin?: Readable;
  readonly logger?: Logger;
  /** Names the medium in the timeout message: "that WebM video". */
  readonly what?: string;
}

/** Kept of stderr, for the log only: it may name temporary paths and is never shown to anyone. */
const STDERR_KEEP = 4096;

/**
 * Runs ffmpeg on input we do not trust: killed at the wall-clock limit or on abort, its exit status
 * checked. Failures are `CheckError`s fit to show; ffmpeg's own words go to the log, never to a user.
 */
export function runFfmpeg(
  path: string,
  args: readonly string[],
  run: FfmpegRun,
): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { stdio: [run.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let why: CheckError | undefined;
    const stop = (reason: CheckError) => {
      why ??= reason;
      child.kill('SIGKILL');
    };
    const what = run.what ?? 'that file';
    const timer = setTimeout(
      () =>
        stop(
          new CheckError(
            'timeout',
            `Converting ${what} took longer than ${Math.round(run.timeoutMs / 1000)} s.`,
          ),
        ),
      run.timeoutMs,
    );
    const onAbort = () => stop(new CheckError('timeout', 'The check was cancelled.'));
    run.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout = (stdout + s).slice(-STDERR_KEEP)));
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-STDERR_KEEP)));
    if (run.stdin && child.stdin) {
      // ffmpeg may stop reading early (an error, the size cap): that is its exit's to report.
      child.stdin.on('error', () => {});
      run.stdin.on('error', (err) =>
        stop(new CheckError('unsupported_type', `Could not read ${what}.`, { cause: err })),
      );
      run.stdin.pipe(child.stdin);
    }
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(
        new CheckError('unsupported_type', `Could not start the converter for ${what}.`, { cause: err }),
      );
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      run.stdin?.unpipe();
      if (why) return reject(why);
      if (code === 0) return resolve({ stdout });
      run.logger?.warn({ code, signal, stderr }, 'ffmpeg failed');
      reject(new CheckError('unsupported_type', `${capitalise(what)} could not be converted for checking.`));
    });
  });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
