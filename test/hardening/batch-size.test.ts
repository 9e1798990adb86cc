import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { MediaRef } from '../../src/domain/types.js';
import { startCore, type TestCore } from '../helpers/core.js';
import { padded, png } from '../helpers/media-samples.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';

/**
 * Class 7 of issue 13: two files each under the per-file cap but over the request cap together
 * were sent as one batch, got 413, and both were answered "too large". Batches are now packed under
 * BITMIND_MAX_REQUEST_MB, and a batch refused 413 is split and retried before any file is blamed.
 * The simulator caps the whole batch body here (`limits.requestBytes`), as a proxy would.
 */
failOnStrayErrors();

const KB = 1024;
let core: TestCore | undefined;
let counter = 1;

afterEach(async () => {
  await core?.close();
  core = undefined;
});

function image(bytes: number): MediaRef {
  const n = counter++;
  const body = padded(png(1 + n, 1 + n), bytes);
  return { name: `${n}.png`, open: () => Promise.resolve(Readable.from([body])) };
}

async function checkAll(media: MediaRef[]) {
  const report = await core!.checker.check({
    id: `batch-${counter++}`,
    trigger: 'command',
    requester: { platform: 'test', userId: 'U1', channelId: 'C1' },
    media,
  });
  return report.items.map((i) => ('error' in i ? i.error.code : 'verdict'));
}

const calls = (path: string) => core!.sim.requests.filter((r) => r.path === path);

describe('batches and the request-size cap', () => {
  it('packs a batch by bytes: two files over BITMIND_MAX_REQUEST_MB together leave apart', async () => {
    core = await startCore({
      env: { BITMIND_MAX_REQUEST_MB: '1' },
      simulator: { limits: { requestBytes: 1024 * KB } },
    });
    expect(await checkAll([image(600 * KB), image(600 * KB), image(100 * KB), image(100 * KB)])).toEqual([
      'verdict',
      'verdict',
      'verdict',
      'verdict',
    ]);
    expect(calls('/batch_image').filter((c) => c.status === 413)).toEqual([]);
    expect(core.sim.requests.filter((c) => c.status === 413)).toEqual([]);
  });

  it('splits a batch refused 413 and checks its halves, when the server caps lower than we pack', async () => {
    core = await startCore({ simulator: { limits: { requestBytes: 1500 * KB } } });
    expect(await checkAll([image(1000 * KB), image(1000 * KB)])).toEqual(['verdict', 'verdict']);
    expect(calls('/batch_image').map((c) => c.status)).toEqual([413]);
    expect(calls('/image').map((c) => c.status)).toEqual([200, 200]);
  });

  it('blames only the one file that is too large alone', async () => {
    core = await startCore({
      simulator: { limits: { requestBytes: 1500 * KB, imageBytes: 1200 * KB } },
    });
    const results = await checkAll([image(700 * KB), image(700 * KB), image(1300 * KB), image(100 * KB)]);
    expect(results).toEqual(['verdict', 'verdict', 'too_large', 'verdict']);
  });
});
