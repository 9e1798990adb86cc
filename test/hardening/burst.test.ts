import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../../src/check/checker.js';
import type { ItemResult, TriggerKind } from '../../src/domain/types.js';
import { DiskBudget } from '../../src/media/disk-budget.js';
import { DownloadGate } from '../../src/media/download-gate.js';
import { MemoryBudget } from '../../src/media/memory-budget.js';
import { urlMediaRef } from '../../src/media/refs.js';
import { startCore, type TestCore } from '../helpers/core.js';
import { padded, png } from '../helpers/media-samples.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { startLoopback, type Loopback } from '../media/loopback.js';

/**
 * Class 2 of issue 13: a burst of triggers must not open a download each, nor spool without bound.
 * 200 checks at once, each on its own 200 KB image, against bounds shrunk so they are hit: 3
 * downloads at once, 1 MB of temporary files, 256 KB of memory. The fake file server counts the
 * downloads open at once; the spool directory is measured on disk all through the burst.
 */
failOnStrayErrors();

const CHECKS = 200;
const FILE_BYTES = 200 * 1024;
const DOWNLOADS = 3;
const SPOOL_BYTES = 1024 * 1024;
const MEMORY_BYTES = 256 * 1024;

let core: TestCore;
let server: Loopback;
let open = 0;
let peakOpen = 0;

beforeAll(async () => {
  core = await startCore({ env: { ALLOW_PRIVATE_URLS: 'true', BITMIND_CONCURRENCY: '4' } });
  // Each response is held after its first half until DOWNLOADS are open at once (or the burst has
  // no more to send): the bound is then reached by construction, not by the luck of timing.
  let served = 0;
  const held: (() => void)[] = [];
  server = await startLoopback((req, res) => {
    open++;
    peakOpen = Math.max(peakOpen, open);
    res.on('close', () => open--);
    // Each path its own bytes, so no verdict comes from the cache and every file is spooled.
    const n = Number(/\d+/.exec(req.url ?? '')?.[0] ?? 0);
    const body = padded(png(1 + (n % 97), 1 + Math.floor(n / 97)), FILE_BYTES);
    res.writeHead(200, { 'content-type': 'image/png' });
    res.write(body.subarray(0, FILE_BYTES / 2));
    held.push(() => res.end(body.subarray(FILE_BYTES / 2)));
    served++;
    if (held.length >= DOWNLOADS || served === CHECKS) held.splice(0).forEach((finish) => finish());
  });
});

afterAll(async () => {
  await server?.close();
  await core?.close();
});

/**
 * The bytes of the files in `dir`. Not an atomic snapshot: a file stat'ed just before its removal and
 * another that grows in the room it left can both be counted, so it may read up to a file too high.
 */
async function bytesIn(dir: string): Promise<number> {
  const sizes = await Promise.all(
    (await readdir(dir)).map((name) =>
      stat(join(dir, name)).then(
        (s) => s.size,
        () => 0, // removed between the listing and the stat
      ),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

describe('a burst of 200 checks', () => {
  let checker: Checker;
  const disk = new DiskBudget(SPOOL_BYTES, 30_000);
  const memory = new MemoryBudget(MEMORY_BYTES, 64 * 1024);

  beforeAll(async () => {
    checker = await createChecker({
      bitmind: core.bitmind,
      simulated: true,
      ...core.config.check,
      maxDownloadMs: 30_000,
      concurrency: core.config.bitmind.concurrency,
      logger: core.logger,
      memory,
      disk,
      downloads: new DownloadGate(DOWNLOADS, 30_000),
    });
  });
  afterAll(() => checker?.close());

  it('stays within the download, disk and memory bounds, and answers every check once', async () => {
    let peakDisk = 0;
    let peakMemory = 0;
    let measuring = true;
    const measure = (async () => {
      while (measuring) {
        peakDisk = Math.max(peakDisk, await bytesIn(checker.tempDir));
        peakMemory = Math.max(peakMemory, memory.usedBytes);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const triggers: TriggerKind[] = ['autoscan', 'command'];
    const reports = await Promise.all(
      Array.from({ length: CHECKS }, (_, i) =>
        checker.check({
          id: `burst-${i}`,
          trigger: triggers[i % 2]!,
          requester: { platform: 'test', userId: `U${i}`, channelId: 'C1' },
          media: [urlMediaRef(`${server.origin}/file/${i}.png`, core.fetcher)],
        }),
      ),
    ).finally(() => (measuring = false));
    await measure;

    expect(reports.map((r) => r.items.length)).toEqual(Array(CHECKS).fill(1));
    const items: ItemResult[] = reports.map((r) => r.items[0]!);
    const failures = items.filter((i) => 'error' in i);
    expect(failures).toEqual([]);
    // The bounds held, and were reached: otherwise this test would prove nothing.
    expect(peakOpen).toBe(DOWNLOADS);
    expect(disk.peakBytes).toBeLessThanOrEqual(SPOOL_BYTES);
    // The budget's own count is exact; the files on disk agree with it to within the one file the
    // polling can count twice (see bytesIn). Without the budget, they held 200 files at once.
    expect(peakDisk).toBeLessThanOrEqual(SPOOL_BYTES + FILE_BYTES);
    expect(disk.peakBytes).toBeGreaterThan(SPOOL_BYTES - FILE_BYTES);
    expect(peakMemory).toBeLessThanOrEqual(MEMORY_BYTES);
    expect(disk.usedBytes).toBe(0);
    expect(await readdir(checker.tempDir)).toEqual([]);
  });
});

describe('the download gate', () => {
  const hold = () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    return { held, release };
  };

  it('lets people go ahead of auto-scans waiting for a slot', async () => {
    const gate = new DownloadGate(1, 30_000);
    const first = hold();
    const order: string[] = [];
    const signal = new AbortController().signal;
    const running = gate.run('background', signal, () => first.held);
    const waiting = [
      gate.run('background', signal, () => Promise.resolve(void order.push('auto-scan 1'))),
      gate.run('background', signal, () => Promise.resolve(void order.push('auto-scan 2'))),
      gate.run('interactive', signal, () => Promise.resolve(void order.push('person'))),
    ];
    first.release();
    await Promise.all([running, ...waiting]);
    expect(order).toEqual(['person', 'auto-scan 1', 'auto-scan 2']);
  });

  it('answers busy past the longest wait, and never runs what it gave up', async () => {
    const gate = new DownloadGate(1, 100);
    const first = hold();
    const signal = new AbortController().signal;
    const running = gate.run('interactive', signal, () => first.held);
    let ran = false;
    await expect(
      gate.run('interactive', signal, () => Promise.resolve(void (ran = true))),
    ).rejects.toMatchObject({
      code: 'busy',
      message: 'The bot is busy, try again in a moment.',
    });
    first.release();
    await running;
    await gate.run('interactive', signal, () => Promise.resolve());
    expect(ran).toBe(false);
  });

  it('leaves the queue when the check is cancelled', async () => {
    const gate = new DownloadGate(1, 30_000);
    const first = hold();
    const running = gate.run('interactive', new AbortController().signal, () => first.held);
    const cancel = new AbortController();
    const waiting = gate.run('interactive', cancel.signal, () => Promise.resolve('ran'));
    cancel.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    first.release();
    await running;
  });
});

describe('the disk budget', () => {
  it('makes a reservation wait for room, and answers busy when none comes in time', async () => {
    const budget = new DiskBudget(1000, 100);
    const signal = new AbortController().signal;
    const a = budget.claim();
    await a.cover(800, signal);
    const b = budget.claim();
    const waiting = b.cover(400, signal);
    a.release();
    await waiting;
    expect(budget.usedBytes).toBe(400);
    await expect(budget.claim().cover(700, signal)).rejects.toMatchObject({ code: 'busy' });
    await expect(budget.claim().cover(2000, signal)).rejects.toMatchObject({
      code: 'too_large',
      message:
        'That file needs more temporary space than this bot has (1000 bytes); its operator can raise SPOOL_MAX_MB.',
    });
    b.release();
    expect(budget.usedBytes).toBe(0);
    expect(budget.peakBytes).toBe(800);
  });
});
