import type { ServerResponse } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlMediaRef } from '../../src/media/refs.js';
import { startCore, type TestCore } from '../helpers/core.js';
import { png, padded } from '../helpers/media-samples.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { runInProcess } from '../helpers/run-cli.js';
import { startLoopback, type Loopback } from '../media/loopback.js';

/**
 * Class 3 of issue 13: a server that sends its headers and then a byte now and then, always inside
 * the idle timeout, must not outlive DOWNLOAD_MAX_SECONDS. The deadline used to be an
 * `AbortSignal.timeout` inside `AbortSignal.any`, which a garbage collection could take away, so
 * collections are forced all through each download here.
 */
failOnStrayErrors();

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const DRIP_EVERY_MS = 40;
/** Far beyond the 1 s deadline: a download still running then has escaped it. */
const ESCAPED_MS = 8_000;

let server: Loopback;
let core: TestCore;
const drips = new Set<NodeJS.Timeout>();

function drip(res: ServerResponse, first: Buffer): void {
  res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(50 * 1024 * 1024) });
  res.write(first);
  const timer = setInterval(() => res.write(Buffer.alloc(1)), DRIP_EVERY_MS);
  drips.add(timer);
  res.on('close', () => {
    clearInterval(timer);
    drips.delete(timer);
  });
}

beforeAll(async () => {
  server = await startLoopback((req, res) => {
    const hops = /^\/hop\/(\d+)$/.exec(req.url ?? '');
    if (hops) {
      const left = Number(hops[1]);
      res.writeHead(302, { location: left > 1 ? `/hop/${left - 1}` : '/drip' }).end();
    } else if (req.url === '/large-then-drip') drip(res, padded(png(), 4 * 1024 * 1024));
    else drip(res, png());
  });
  core = await startCore({
    env: { DOWNLOAD_MAX_SECONDS: '1', DOWNLOAD_IDLE_TIMEOUT_SECONDS: '30', ALLOW_PRIVATE_URLS: 'true' },
  });
});

afterAll(async () => {
  for (const timer of drips) clearInterval(timer);
  await core?.close();
  await server?.close();
});

/** `work` under a collection every 10 ms; fails if it is still running after ESCAPED_MS. */
async function underGcPressure<T>(work: Promise<T>): Promise<T> {
  const pressure = setInterval(gc, 10);
  let escaped: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        escaped = setTimeout(() => reject(new Error('the download outlived its deadline')), ESCAPED_MS);
      }),
    ]);
  } finally {
    clearInterval(pressure);
    clearTimeout(escaped);
  }
}

describe('a slow drip against DOWNLOAD_MAX_SECONDS', () => {
  it.each([
    ['headers, then a byte every 40 ms', '/drip'],
    ['the drip behind a chain of three redirects', '/hop/3'],
    ['a 4 MB first chunk, then the drip', '/large-then-drip'],
  ])('%s ends as a timeout at the deadline', async (_, path) => {
    const report = await underGcPressure(
      core.checker.check({
        id: path,
        trigger: 'command',
        requester: { platform: 'test', userId: 'u', channelId: 'c' },
        media: [urlMediaRef(`${server.origin}${path}`, core.fetcher)],
      }),
    );
    expect(report.items).toHaveLength(1);
    expect(report.items[0]).toMatchObject({
      error: { code: 'timeout', message: 'The download took too long.' },
    });
  });

  it('ends `bitmind-bot check` on a drip with exit status 1 and a timeout', async () => {
    const run = await underGcPressure(
      runInProcess(['check', '--json', `${server.origin}/drip`], {
        DOWNLOAD_MAX_SECONDS: '1',
        ALLOW_PRIVATE_URLS: 'true',
        LOG_LEVEL: 'silent',
      }),
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ results: [{ error: { code: 'timeout' } }] });
  });
});
