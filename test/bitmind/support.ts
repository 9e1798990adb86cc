import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  createBitmindClient,
  type BitmindApi,
  type BitmindClientOptions,
  type Upload,
} from '../../src/bitmind/index.js';
import { createLogger, type Logger } from '../../src/log.js';
import { Secret } from '../../src/secret.js';
import type { Simulator } from '../../src/simulator/index.js';
import { jpeg, mp4, png } from '../helpers/media-samples.js';

/** An upload read from a file on disk. */
export type FileUpload = Upload & { readonly path: string };

/** A temp folder of small media files for one test file, removed by `cleanup`. */
export interface MediaFiles {
  readonly jpeg: FileUpload;
  readonly png: FileUpload;
  readonly mp4: FileUpload;
  readonly dir: string;
  cleanup(): Promise<void>;
}

export async function mediaFiles(): Promise<MediaFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'bitmind-client-'));
  const write = async (name: string, bytes: Buffer, contentType: string): Promise<FileUpload> => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return { path, size: bytes.length, contentType, filename: name };
  };
  return {
    dir,
    jpeg: await write('photo.jpg', jpeg(), 'image/jpeg'),
    png: await write('drawing.png', png(4, 4), 'image/png'),
    mp4: await write('clip.mp4', mp4(), 'video/mp4'),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Fast retries and a roomy limiter, so tests of other things are not slowed by them. */
export const FAST: Pick<BitmindClientOptions, 'retry' | 'rateLimit' | 'concurrency'> = {
  retry: { baseDelayMs: 20, maxDelayMs: 100, retryAfterDefaultMs: 300, maxElapsedMs: 10_000 },
  rateLimit: { limit: 10_000, windowMs: 60_000 },
  concurrency: 8,
};

export function oauthClient(sim: Simulator, extra: Partial<BitmindClientOptions> = {}): BitmindApi {
  return createBitmindClient({
    baseUrl: sim.url,
    auth: {
      method: 'oauth',
      clientId: sim.credentials.clientId,
      clientSecret: new Secret(sim.credentials.clientSecret),
    },
    ...FAST,
    ...extra,
  });
}

/** A logger whose lines a test can read. */
export function capturedLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination, pretty: false }), lines };
}

/** Requests the simulator logged for one path. */
export function requestsTo(sim: Simulator, path: string) {
  return sim.requests.filter((r) => r.path === path);
}
