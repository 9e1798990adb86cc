import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectVerdicts, fileRequest, startWindowedChecker } from '../lib/bot.js';
import { groupsOf, imageSizes, seeded, writeImages } from '../lib/media.js';
import { type Scale, type ScenarioResult } from '../lib/result.js';
import { round } from '../lib/stats.js';
import { apiCalls, startSimProcess, type SimProcess } from '../lib/sim-process.js';
import type { SimRequestSummary } from '../lib/sim-child.js';

/** 600 a minute, as 100 per 10 s: the same rate and share, measured in seconds instead of minutes. */
const LIMIT = { limit: 100, windowMs: 10_000 };
const LATENCY_MS = 40;

/**
 * Scenario 4: the simulator limits the client to 100 API calls per 10 s (600 a minute) and the bot's
 * limiter is set to the same. A burst of 1,000 images in 100 messages of 10, first with batching
 * (the account may batch: few requests, far from the limit), then without (an account lacking
 * batch permission: one request per image, so the limiter is the bottleneck and what it achieves
 * is the share of the limit). The second run uses 250 images (2.5 windows' worth), enough for two
 * full windows of steady state; more windows would repeat the same cycle.
 */
export async function rateLimit(scale: Scale): Promise<ScenarioResult> {
  const batchedImages = scale.quick ? 200 : 1000;
  const singleImages = scale.quick ? 150 : 250;
  const rng = seeded(4);
  const dir = await mkdtemp(join(tmpdir(), 'bench-ratelimit-'));
  const sim = await startSimProcess({ latencyMs: LATENCY_MS, rateLimit: LIMIT });
  try {
    const sizes = imageSizes(batchedImages + singleImages, 20 * 1024, 200 * 1024, rng);
    const paths = await writeImages(dir, sizes);
    const batched = await burst(
      sim,
      groupsOf(paths.slice(0, batchedImages), 10, () => 0.99),
    );
    await sim.setPermissions(sim.credentials.clientId, ['image_inference', 'video_inference']);
    await sim.setFaults({ rateLimit: LIMIT }); // a fresh window for the second run
    const single = await burst(
      sim,
      groupsOf(paths.slice(batchedImages), 10, () => 0.99),
    );
    const share = steadyShare(single.calls);
    return {
      id: 'rate-limit',
      title: '4. Rate limit',
      settings: {
        simulatorLimit: LIMIT,
        botLimit: LIMIT,
        latencyMs: LATENCY_MS,
        batched: `${batchedImages} images in ${batchedImages / 10} messages, all at once`,
        single: `${singleImages} images in ${singleImages / 10} messages, all at once, batch permission withdrawn`,
      },
      measured: {
        batched: {
          seconds: batched.seconds,
          calls: batched.calls.length,
          status429: count429(batched.calls),
        },
        single: {
          seconds: single.seconds,
          calls: single.calls.length,
          status429: count429(single.calls),
          share,
        },
      },
      rows: [
        {
          measure: `batching: ${batchedImages} images, API calls and 429s (wall time)`,
          bot: `${batched.calls.length} calls, ${count429(batched.calls)} × 429 (${batched.seconds.toFixed(1)} s)`,
          baseline: '',
          ratio: '',
          target: 'zero 429s',
          met: count429(batched.calls) === 0,
        },
        {
          measure: `no batching: ${singleImages} images, steady rate as a share of the limit`,
          bot: `${(share * 100).toFixed(1)}%, ${count429(single.calls)} × 429`,
          baseline: '',
          ratio: '',
          target: '≥ 95%, zero 429s',
          met: share >= 0.95 && count429(single.calls) === 0,
        },
      ],
    };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function burst(
  sim: SimProcess,
  messages: string[][],
): Promise<{ seconds: number; calls: SimRequestSummary[] }> {
  const bot = await startWindowedChecker(sim, LIMIT);
  try {
    await sim.clearLog();
    const started = performance.now();
    const reports = await Promise.all(messages.map((paths) => bot.checker.check(fileRequest(paths))));
    const seconds = (performance.now() - started) / 1000;
    reports.forEach(expectVerdicts);
    return { seconds, calls: apiCalls(await sim.requests()) };
  } finally {
    await bot.close();
  }
}

const count429 = (calls: readonly SimRequestSummary[]): number =>
  calls.filter((c) => c.status === 429).length;

/**
 * The share of the limit achieved in steady state, counted in the server's own fixed windows (each
 * opens at the first call after the previous one closed): the calls of every window but the last,
 * over the time from the first window's opening to the last one's. A burst-then-wait limiter is
 * judged over whole cycles, not over a stretch that happens to end mid-burst.
 */
export function steadyShare(calls: readonly SimRequestSummary[]): number {
  const windows: { start: number; count: number }[] = [];
  for (const { at } of [...calls].sort((a, b) => a.at - b.at)) {
    const last = windows.at(-1);
    if (last && at - last.start < LIMIT.windowMs) last.count++;
    else windows.push({ start: at, count: 1 });
  }
  if (windows.length < 2) return Number.NaN;
  const counted = windows.slice(0, -1).reduce((sum, w) => sum + w.count, 0);
  const span = windows.at(-1)!.start - windows[0]!.start;
  return round(counted / span / (LIMIT.limit / LIMIT.windowMs), 4);
}
