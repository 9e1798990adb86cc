import { readdir } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/check/checker.js';
import type { CheckRequest, ItemResult, MediaRef, TriggerKind } from '../../src/domain/types.js';
import { MemoryBudget } from '../../src/media/memory-budget.js';
import type { Permission } from '../../src/simulator/index.js';
import { startCore, type TestCore } from '../helpers/core.js';
import { mp4, padded, plainText, png } from '../helpers/media-samples.js';
import { waitFor } from '../helpers/wait.js';

let core: TestCore;
beforeAll(async () => {
  core = await startCore({ env: { CHECK_MAX_MEDIA: '100' } });
});
afterAll(async () => {
  await core.close();
});
afterEach(() => {
  core.sim.clearLog();
});

let counter = 0;
function memoryRef(
  name: string,
  bytes: Buffer,
  extra: Partial<MediaRef> = {},
): MediaRef & { opened: number } {
  const ref = {
    name,
    opened: 0,
    open: () => {
      ref.opened++;
      return Promise.resolve(Readable.from([bytes]));
    },
    ...extra,
  };
  return ref;
}
/** A distinct, real PNG per call, so no two share a hash (and so a cache entry). */
const uniqueImage = () => png(1 + (counter++ % 500), 1 + Math.floor(counter / 500));
const uniqueVideo = () => padded(mp4(), 2048 + counter++);

function request(media: MediaRef[], trigger: TriggerKind = 'command', userId = 'U1'): CheckRequest {
  return { id: `r${counter++}`, trigger, requester: { platform: 'test', userId, channelId: 'C1' }, media };
}
const apiCalls = (path: string) => core.sim.requests.filter((r) => r.path === path);
const verdicts = (items: readonly ItemResult[]) => items.filter((i) => !('error' in i));

describe('the Checker against the simulator', () => {
  it('reports one result per medium, in order, and one bad file never spoils the others', async () => {
    const report = await core.checker.check(
      request([
        memoryRef('a.png', uniqueImage()),
        memoryRef('notes.jpg', plainText()),
        memoryRef('b.png', uniqueImage()),
      ]),
    );
    expect(report.items.map((i) => i.ref.name)).toEqual(['a.png', 'notes.jpg', 'b.png']);
    expect(report.items[0]).toMatchObject({ kind: 'image', cached: false, simulated: true });
    expect(report.items[1]).toMatchObject({ error: { code: 'unsupported_type' } });
    expect(report.items[2]).toMatchObject({ kind: 'image', cached: false });
    expect(report.skipped).toBe(0);
  });

  it('sends a lone image to /image and a lone video to /video', async () => {
    await core.checker.check(request([memoryRef('a.png', uniqueImage())]));
    await core.checker.check(request([memoryRef('v.mp4', uniqueVideo())]));
    expect(core.sim.requests.map((r) => r.path)).toEqual(['/image', '/video']);
  });

  it('batches 60 images as 50 + 10 and 25 videos as 20 + 5', async () => {
    const images = Array.from({ length: 60 }, (_, i) => memoryRef(`i${i}.png`, uniqueImage()));
    const videos = Array.from({ length: 25 }, (_, i) => memoryRef(`v${i}.mp4`, uniqueVideo()));
    const report = await core.checker.check(request([...images, ...videos]));
    expect(verdicts(report.items)).toHaveLength(85);
    expect(
      apiCalls('/batch_image')
        .map((r) => r.fileCount)
        .sort((a, b) => b - a),
    ).toEqual([50, 10]);
    expect(
      apiCalls('/batch_video')
        .map((r) => r.fileCount)
        .sort((a, b) => b - a),
    ).toEqual([20, 5]);
    expect(apiCalls('/image')).toHaveLength(0);
  });

  it('isolates a batch refused as a whole by checking its files one by one', async () => {
    core.sim.next({
      kind: 'status',
      status: 400,
      detail: 'Invalid image data in batch',
      path: '/batch_image',
    });
    const report = await core.checker.check(
      request([
        memoryRef('a.png', uniqueImage()),
        memoryRef('b.png', uniqueImage()),
        memoryRef('c.png', uniqueImage()),
      ]),
    );
    expect(apiCalls('/batch_image')).toHaveLength(1);
    expect(apiCalls('/image')).toHaveLength(3);
    expect(verdicts(report.items)).toHaveLength(3);
  });

  it('pins the blame on the one file BitMind refuses when the batch is retried alone', async () => {
    core.sim.next(
      { kind: 'status', status: 400, path: '/batch_image' },
      { kind: 'status', status: 400, detail: 'Corrupt image', path: '/image' },
    );
    const report = await core.checker.check(
      request([memoryRef('a.png', uniqueImage()), memoryRef('b.png', uniqueImage())]),
    );
    const failed = report.items.filter((i) => 'error' in i);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ error: { code: 'bad_request' } });
    expect(verdicts(report.items)).toHaveLength(1);
  });

  it('uses single calls when the account may not batch', async () => {
    await withPermissions(['image_inference', 'video_inference'], async (limited) => {
      const report = await limited.checker.check(
        request([memoryRef('a.png', uniqueImage()), memoryRef('b.png', uniqueImage())]),
      );
      expect(verdicts(report.items)).toHaveLength(2);
      const paths = limited.sim.requests
        .map((r) => r.path)
        .filter((p) => p !== '/status' && p !== '/v1/oauth/token');
      expect(paths).toEqual(['/image', '/image']);
    });
  });

  it('explains that videos are not permitted when the account lacks video inference', async () => {
    await withPermissions(['image_inference', 'batch_processing'], async (limited) => {
      const report = await limited.checker.check(
        request([memoryRef('v.mp4', uniqueVideo()), memoryRef('a.png', uniqueImage())]),
      );
      expect(report.items[0]).toMatchObject({
        kind: 'video',
        error: { code: 'forbidden', message: expect.stringMatching(/not permitted to check videos/) },
      });
      expect(report.items[1]).toMatchObject({ kind: 'image' });
      expect(limited.sim.requests.filter((r) => r.path === '/video')).toHaveLength(0);
    });
  });

  it('checks the same bytes once: twice in one request, then again from the cache', async () => {
    const bytes = uniqueImage();
    const first = await core.checker.check(
      request([memoryRef('a.png', bytes), memoryRef('copy-of-a.png', bytes)]),
    );
    expect(apiCalls('/image').length + apiCalls('/batch_image').length).toBe(1);
    expect(first.items.map((i) => 'cached' in i && i.cached).sort()).toEqual([false, true]);

    const again = await core.checker.check(request([memoryRef('a-again.png', bytes)]));
    expect(again.items[0]).toMatchObject({ cached: true });
    expect(apiCalls('/image').length + apiCalls('/batch_image').length).toBe(1);
  });

  it('makes one API call for ten concurrent checks of the same bytes from different channels', async () => {
    core.sim.setFaults({ latencyMs: 100 });
    try {
      const bytes = uniqueImage();
      const reports = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          core.checker.check(request([memoryRef(`same-${i}.png`, bytes)])),
        ),
      );
      expect(reports.every((r) => !('error' in r.items[0]!))).toBe(true);
      expect(new Set(reports.map((r) => (r.items[0] as { confidence: number }).confidence)).size).toBe(1);
      expect(apiCalls('/image').length + apiCalls('/batch_image').length).toBe(1);
    } finally {
      core.sim.setFaults({ latencyMs: 0 });
    }
  });

  it('refuses a medium by its declared size before opening it', async () => {
    const ref = memoryRef('huge.mp4', uniqueVideo(), { sizeHint: 600 * 1024 * 1024 });
    const report = await core.checker.check(request([ref]));
    expect(report.items[0]).toMatchObject({
      error: { code: 'too_large', message: expect.stringMatching(/500 MB/) },
    });
    expect(ref.opened).toBe(0);
    expect(core.sim.requests).toHaveLength(0);
  });

  it('refuses an image claimed over the image limit without downloading it', async () => {
    const ref = memoryRef('poster.png', uniqueImage(), {
      sizeHint: 200 * 1024 * 1024,
      mimeHint: 'image/png',
    });
    const report = await core.checker.check(request([ref]));
    expect(report.items[0]).toMatchObject({
      error: { code: 'too_large', message: expect.stringMatching(/limit for images is 100 MB/) },
    });
    expect(ref.opened).toBe(0);
  });

  it('reports progress once per medium', async () => {
    const seen: string[] = [];
    await core.checker.check(request([memoryRef('a.png', uniqueImage()), memoryRef('b.txt', plainText())]), {
      onProgress: (p) => seen.push(`${p.done}/${p.total}`),
    });
    expect(seen.sort()).toEqual(['1/2', '2/2']);
  });

  it('leaves no temporary file behind after success, failure and abort', async () => {
    await core.checker.check(request([memoryRef('a.png', uniqueImage()), memoryRef('b.txt', plainText())]));
    expect(await readdir(core.checker.tempDir)).toEqual([]);

    const controller = new AbortController();
    const endless = new Readable({ read() {} });
    endless.push(padded(mp4(), 64 * 1024));
    const pending = core.checker.check(
      request([{ name: 'slow.mp4', open: () => Promise.resolve(endless) }]),
      { signal: controller.signal },
    );
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(new Error('shutting down'));
    await expect(pending).rejects.toThrow('shutting down');
    expect(await readdir(core.checker.tempDir)).toEqual([]);
  });
});

describe('where media wait while they are checked', () => {
  const MiB = 1024 * 1024;
  const uploading = () =>
    waitFor(() => core.bitmind.queueStats().running === 1, { what: 'the upload to be in flight' });

  it('keeps a small image in memory and a large one in a temporary file while it is uploaded', async () => {
    core.sim.setFaults({ latencyMs: 300 });
    try {
      for (const [size, files] of [
        [MiB, 0],
        [9 * MiB, 1],
      ] as const) {
        const checking = core.checker.check(request([memoryRef('a.png', padded(uniqueImage(), size))]));
        await uploading();
        expect(await readdir(core.checker.tempDir)).toHaveLength(files);
        expect(verdicts((await checking).items)).toHaveLength(1);
        expect(apiCalls('/image').at(-1)).toMatchObject({ status: 200, bytesReceived: size });
        expect(await readdir(core.checker.tempDir)).toEqual([]);
      }
    } finally {
      core.sim.setFaults({ latencyMs: 0 });
    }
  });

  it('sends the whole image again from memory when BitMind fails the first attempt', async () => {
    core.sim.next({ kind: 'status', status: 503, path: '/image' });
    const report = await core.checker.check(request([memoryRef('a.png', padded(uniqueImage(), 200_000))]));
    expect(verdicts(report.items)).toHaveLength(1);
    expect(apiCalls('/image').map((r) => [r.status, r.bytesReceived])).toEqual([
      [503, 200_000],
      [200, 200_000],
    ]);
  });

  it('spools to disk once the memory budget is spent, and has all of it back after the check', async () => {
    const memory = new MemoryBudget(7_000, MiB);
    const checker = await createChecker({
      bitmind: core.bitmind,
      simulated: true,
      ...core.config.check,
      maxDownloadMs: core.config.media.maxDownloadMs,
      concurrency: core.config.bitmind.concurrency,
      logger: core.logger,
      memory,
    });
    core.sim.setFaults({ latencyMs: 300 });
    try {
      // Five images of 3,000 bytes (one chunk each): two fit the budget, three go to disk.
      const media = Array.from({ length: 5 }, (_, i) => memoryRef(`${i}.png`, padded(uniqueImage(), 3_000)));
      const checking = checker.check(request(media));
      await uploading();
      expect(await readdir(checker.tempDir)).toHaveLength(3);
      expect(memory.usedBytes).toBe(6_000);
      expect(verdicts((await checking).items)).toHaveLength(5);
      expect(memory.usedBytes).toBe(0);
      expect(await readdir(checker.tempDir)).toEqual([]);
    } finally {
      core.sim.setFaults({ latencyMs: 0 });
      await checker.close();
    }
  });
});

describe('caps against abuse and cost', () => {
  let capped: TestCore;
  beforeAll(async () => {
    capped = await startCore({
      env: { CHECK_MAX_MEDIA: '3', CHECK_MAX_REQUEST_MB: '1' },
    });
  });
  afterAll(async () => {
    await capped.close();
  });

  it('checks at most N media per request and says how many were skipped', async () => {
    const report = await capped.checker.check(
      request(
        Array.from({ length: 5 }, (_, i) => memoryRef(`${i}.png`, uniqueImage())),
        'command',
        'U-cap',
      ),
    );
    expect(report.items).toHaveLength(3);
    expect(report.skipped).toBe(2);
  });

  it('refuses the media past the budget the pipeline granted, saying when more are available, and checks the rest', async () => {
    const media = [
      memoryRef('a.png', uniqueImage()),
      memoryRef('b.png', uniqueImage()),
      memoryRef('c.png', uniqueImage()),
    ];
    const resetsAt = Math.floor(Date.now() / 3_600_000 + 1) * 3_600_000;
    const report = await capped.checker.check({
      ...request(media, 'reaction', 'U-budget'),
      budget: { granted: 1, perHour: 4, resetsAt },
    });
    expect(verdicts(report.items)).toHaveLength(1);
    const at = new Date(resetsAt).toISOString().slice(11, 16);
    const refused = {
      code: 'rate_limited',
      message: expect.stringMatching(
        new RegExp(
          `^You have used your 4 checks for this hour\\. More are available at ${at} UTC \\(in \\d+ min\\)\\.$`,
        ),
      ),
      budget: { perHour: 4, resetsAt },
    };
    expect(report.items[1]).toMatchObject({ error: refused });
    expect(report.items[2]).toMatchObject({ error: refused });
  });

  it('stops downloading once a request has used its total byte allowance', async () => {
    const big = () => padded(mp4(), 700 * 1024 + counter++);
    const report = await capped.checker.check(
      request([memoryRef('one.mp4', big()), memoryRef('two.mp4', big())], 'command', 'U-bytes'),
    );
    expect(report.items.filter((i) => 'error' in i && i.error.code === 'too_large')).toHaveLength(1);
  });
});

/** A fresh core whose account has only `permissions` from the start (the client reads /status once). */
async function withPermissions(
  permissions: Permission[],
  fn: (limited: TestCore) => Promise<void>,
): Promise<void> {
  const limited = await startCore();
  try {
    limited.sim.setPermissions(limited.sim.credentials.clientId, permissions);
    await fn(limited);
  } finally {
    await limited.close();
  }
}
