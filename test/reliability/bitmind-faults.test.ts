import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemResult } from '../../src/domain/types.js';
import { PERMISSIONS } from '../../src/simulator/index.js';
import { startCore, type TestCore } from '../helpers/core.js';
import { mp4, padded } from '../helpers/media-samples.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { waitFor } from '../helpers/wait.js';
import {
  checkRequest,
  expectTrueOrClear,
  isClearError,
  isTrueVerdict,
  memoryRef,
  scoreFor,
  uniqueScoredPng,
} from './support.js';

failOnStrayErrors();

/** Quick retries, and a 1 s response timeout so a stalled BitMind costs a test seconds, not minutes. */
const FAULT_ENV = {
  BITMIND_RETRY_ATTEMPTS: '4',
  BITMIND_RETRY_MAX_SECONDS: '15',
  BITMIND_RETRY_AFTER_DEFAULT_SECONDS: '1',
  BITMIND_TIMEOUT_SECONDS: '1',
  LOG_LEVEL: 'info',
};

let core: TestCore;
beforeAll(async () => {
  core = await startCore({ env: FAULT_ENV });
  // Read /status now, so a scripted fault meets the call it is meant for, not the first /status.
  await core.bitmind.permissions();
});
afterAll(() => core?.close());

/** One check of one new image scored `score`, as its own request (a chat trigger's worth). */
async function checkOne(score: number, on: TestCore = core, padTo = 0): Promise<ItemResult> {
  const report = await on.checker.check(
    checkRequest([memoryRef('photo.png', uniqueScoredPng(score, padTo))]),
  );
  expect(report.items).toHaveLength(1);
  return report.items[0]!;
}

/** Checks `count` images side by side, each as its own request; every one must end true or clear. */
async function checkMany(count: number, on: TestCore = core): Promise<ItemResult[]> {
  const scores = Array.from({ length: count }, (_, i) => scoreFor(i * 7));
  const items = await Promise.all(scores.map((score) => checkOne(score, on)));
  items.forEach((item, i) => expectTrueOrClear(item, scores[i]!));
  return items;
}

/** After a fault: the same core still gives a true verdict. */
async function expectStillAnswers(on: TestCore = core): Promise<void> {
  expect(isTrueVerdict(await checkOne(0.64, on), 0.64)).toBe(true);
}

const answered = (on: TestCore, status: number) => on.sim.requests.filter((r) => r.status === status);

/**
 * A core whose account may not batch, so each check is its own /image call: checks side by side
 * that finish downloading in the same tick would otherwise leave together as one batch.
 */
async function singleCallCore(env: Record<string, string> = FAULT_ENV): Promise<TestCore> {
  const single = await startCore({ env });
  single.sim.setPermissions(single.sim.credentials.clientId, [PERMISSIONS[0], PERMISSIONS[1]]);
  return single;
}

describe('BitMind faults, through the real core', () => {
  it('5xx: a burst shorter than the retry budget costs no check; a longer outage gives clear errors', async () => {
    core.sim.clearLog();
    core.sim.next(
      { kind: 'status', status: 503 },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 502 },
    );
    const items = await checkMany(8);
    expect(items.every((item, i) => isTrueVerdict(item, scoreFor(i * 7)))).toBe(true);
    expect(answered(core, 503).length + answered(core, 500).length + answered(core, 502).length).toBe(3);

    core.sim.setFaults({ errorRate: 1 });
    try {
      const down = await checkMany(4);
      expect(down.map((item) => ('error' in item ? item.error.code : 'verdict'))).toEqual(
        Array(4).fill('unavailable'),
      );
    } finally {
      core.sim.setFaults({ errorRate: 0 });
    }
    await expectStillAnswers();
  });

  it('429 storm with Retry-After: checks wait their turn and end true, or say BitMind is busy', async () => {
    const single = await singleCallCore();
    try {
      single.sim.setFaults({ rateLimit: { limit: 2, windowMs: 1000 } });
      const items = await checkMany(12, single);
      for (const item of items) if ('error' in item) expect(item.error.code).toBe('rate_limited');
      expect(items.some((item) => !('error' in item))).toBe(true);
      const refused = answered(single, 429);
      expect(refused.length).toBeGreaterThan(0);
      single.sim.setFaults({ rateLimit: null });
      await expectStillAnswers(single);
    } finally {
      await single.close();
    }
  });

  it('429 without Retry-After: waits the configured default, then answers true', async () => {
    core.sim.clearLog();
    core.sim.next({ kind: 'status', status: 429 }, { kind: 'status', status: 429 });
    expect(isTrueVerdict(await checkOne(0.27), 0.27)).toBe(true);
    const calls = core.sim.requests.filter((r) => r.path === '/image');
    expect(calls.map((c) => c.status)).toEqual([429, 429, 200]);
    // BITMIND_RETRY_AFTER_DEFAULT_SECONDS=1: no retry before the second is up.
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]!.at.getTime() - calls[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(950);
    }
  });

  it('a connection reset mid-upload: the upload is sent again; resets on every try give a clear error', async () => {
    core.sim.clearLog();
    core.sim.next({ kind: 'reset' });
    const size = 512 * 1024;
    expect(isTrueVerdict(await checkOne(0.81, core, size), 0.81)).toBe(true);
    const [cut, whole] = core.sim.requests.filter((r) => r.path === '/image');
    expect(cut).toMatchObject({ fault: 'reset', status: 0 });
    expect(cut!.bytesReceived).toBeLessThan(size);
    expect(whole).toMatchObject({ status: 200, bytesReceived: size });

    core.sim.next(...Array.from({ length: 4 }, () => ({ kind: 'reset' as const })));
    const failed = await checkOne(0.82, core, size);
    expect(isClearError(failed), JSON.stringify(failed)).toBe(true);
    expect(failed).toMatchObject({ error: { code: 'unavailable' } });
    await expectStillAnswers();
  });

  it('a response slower than BITMIND_TIMEOUT_SECONDS is abandoned and retried; one that never comes is a clear error', async () => {
    core.sim.clearLog();
    core.sim.next({ kind: 'stall', ms: 3000 });
    expect(isTrueVerdict(await checkOne(0.12), 0.12)).toBe(true);
    expect(core.sim.requests.filter((r) => r.path === '/image').map((r) => r.fault)).toEqual([
      'stall',
      undefined,
    ]);

    core.sim.next(...Array.from({ length: 4 }, () => ({ kind: 'stall' as const })));
    const failed = await checkOne(0.13);
    expect(isClearError(failed), JSON.stringify(failed)).toBe(true);
    expect(failed).toMatchObject({ error: { code: 'timeout' } });
    await expectStillAnswers();
  });

  it('/status withdrawing batch: the refused batch is retried one by one at once, and later checks never batch', async () => {
    const { sim } = core;
    const three = () =>
      [0.21, 0.52, 0.93].map((score, i) => ({ score, ref: memoryRef(`b${i}.png`, uniqueScoredPng(score)) }));
    try {
      await core.bitmind.permissions(); // read /status while batches are still allowed
      sim.setPermissions(sim.credentials.clientId, [PERMISSIONS[0], PERMISSIONS[1]]);
      sim.clearLog();
      const first = three();
      const refused = await core.checker.check(checkRequest(first.map((f) => f.ref)));
      expect(refused.items.every((item, i) => isTrueVerdict(item, first[i]!.score))).toBe(true);
      const firstPaths = sim.requests.map((r) => `${r.path} ${r.status}`);
      expect(firstPaths).toEqual([
        '/batch_image 403',
        '/status 200',
        '/image 200',
        '/image 200',
        '/image 200',
      ]);

      sim.clearLog();
      const next = three();
      const report = await core.checker.check(checkRequest(next.map((f) => f.ref)));
      expect(report.items.every((item, i) => isTrueVerdict(item, next[i]!.score))).toBe(true);
      const paths = sim.requests.map((r) => r.path);
      expect(paths.filter((p) => p === '/image')).toHaveLength(3);
      expect(paths).not.toContain('/batch_image');
    } finally {
      sim.setPermissions(sim.credentials.clientId, PERMISSIONS);
    }
  });

  it('/status withdrawing video: checks say videos are not permitted, and images still work', async () => {
    const { sim } = core;
    const video = () => memoryRef('clip.mp4', padded(mp4(), 4096 + Math.floor(Math.random() * 4096)));
    try {
      await core.bitmind.permissions();
      sim.setPermissions(sim.credentials.clientId, [PERMISSIONS[0], PERMISSIONS[2]]);
      const refused = (await core.checker.check(checkRequest([video()]))).items[0]!;
      expect(isClearError(refused)).toBe(true);
      expect(refused).toMatchObject({ error: { code: 'forbidden' } });

      sim.clearLog();
      const explained = (await core.checker.check(checkRequest([video()]))).items[0]!;
      expect(explained).toMatchObject({ error: { code: 'forbidden' } });
      expect('error' in explained && explained.error.message).toMatch(/not permitted to check videos/);
      expect(sim.requests.map((r) => r.path)).not.toContain('/video');
      await expectStillAnswers();
    } finally {
      sim.setPermissions(sim.credentials.clientId, PERMISSIONS);
    }
  });
});

describe('the token revoked while 50 checks are in flight', () => {
  let wide: TestCore;
  beforeAll(async () => {
    // Fifty slots: each check is its own /image call, all in flight together.
    wide = await singleCallCore({ ...FAULT_ENV, BITMIND_CONCURRENCY: '50' });
  });
  afterAll(() => wide?.close());

  it('gets exactly one new token, and every check ends with a true verdict', async () => {
    const { sim } = wide;
    await expectStillAnswers(wide);
    const issuedBefore = sim.tokensIssued;
    sim.clearLog();
    // Held at the door, before authentication: the revocation lands while all 50 are in flight.
    sim.next(...Array.from({ length: 50 }, () => ({ kind: 'stall' as const, ms: 400 })));
    const scores = Array.from({ length: 50 }, (_, i) => scoreFor(i * 3));
    const checks = Promise.all(scores.map((score) => checkOne(score, wide)));
    await waitFor(() => sim.requests.filter((r) => r.path === '/image').length === 50, {
      what: '50 calls in flight',
    });
    sim.revokeTokens();
    const items = await checks;

    expect(items.every((item, i) => isTrueVerdict(item, scores[i]!))).toBe(true);
    expect(sim.tokensIssued).toBe(issuedBefore + 1);
    const images = sim.requests.filter((r) => r.path === '/image');
    expect(images.filter((r) => r.status === 401)).toHaveLength(50);
    expect(images.filter((r) => r.status === 200)).toHaveLength(50);
  });
});
