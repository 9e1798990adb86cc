import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOwnRedis } from '../../test/helpers/redis.js';
import { startCheckerProcess, type CheckerProcess } from '../lib/checker-process.js';
import { groupsOf, imageSizes, seeded, writeImages } from '../lib/media.js';
import { type Scale, type ScenarioResult } from '../lib/result.js';
import { apiCalls, startSimProcess } from '../lib/sim-process.js';
import { steadyShare } from './rate-limit.js';

/** 600 a minute as 100 per 10 s, at the simulator and in the bot, as in scenario 4. */
const LIMIT = { limit: 100, windowMs: 10_000 };
const LATENCY_MS = 40;
const PROCESSES = 3;

/**
 * Scenario 11 (issue 20's second): three processes of the bot's Checker and BitMind client, their
 * rate limit shared through one Redis (a redis-server of the bench's own) as instances of the bot
 * share it, against the simulator in its own process limiting the account to 100 calls per 10 s.
 * The bot's limiter is set to the same: `BITMIND_RATE_LIMIT` speaks only per minute, so each process
 * wires the client as `buildCore` does with the window shortened (`startWindowedChecker`), as
 * scenario 4 does. No batching (the account's batch permission is withdrawn): one call per image.
 * A burst of images in messages of 1 to 10, each message to the next process in turn, all at once.
 */
export async function sharedRateLimit(scale: Scale): Promise<ScenarioResult> {
  const images = scale.quick ? 150 : 600;
  const rng = seeded(11);
  const dir = await mkdtemp(join(tmpdir(), 'bench-shared-limit-'));
  const sim = await startSimProcess({ latencyMs: LATENCY_MS, rateLimit: LIMIT });
  const redis = await startOwnRedis();
  const checkers: CheckerProcess[] = [];
  try {
    await sim.setPermissions(sim.credentials.clientId, ['image_inference', 'video_inference']);
    const paths = await writeImages(dir, imageSizes(images, 20 * 1024, 200 * 1024, rng));
    const messages = groupsOf(paths, 10, rng);
    for (let k = 0; k < PROCESSES; k++) {
      checkers.push(
        await startCheckerProcess({
          sim: { url: sim.url, credentials: sim.credentials },
          rateLimit: LIMIT,
          redis: { REDIS_URL: redis.url, REDIS_PREFIX: 'shared-limit:' },
        }),
      );
    }
    await sim.clearLog();
    const started = performance.now();
    await Promise.all(messages.map((group, m) => checkers[m % PROCESSES]!.check(group)));
    const seconds = (performance.now() - started) / 1000;
    const calls = apiCalls(await sim.requests());
    const worst = worstWindow(calls.map((c) => c.at));
    const status429 = calls.filter((c) => c.status === 429).length;
    const share = steadyShare(calls);
    return {
      id: 'shared-rate-limit',
      title: '11. Shared rate limit',
      settings: {
        processes: PROCESSES,
        simulatorLimit: LIMIT,
        botLimit: { ...LIMIT, shared: 'through Redis (SharedLimiter)' },
        latencyMs: LATENCY_MS,
        images,
        messages: messages.length,
        arrival: 'burst: every message at once, round-robin over the processes; batch permission withdrawn',
        trigger: 'autoscan (the shared limiter keeps 5% of each window for people)',
      },
      measured: { seconds, calls: calls.length, status429, worstWindow: worst, share },
      rows: [
        {
          measure: `${PROCESSES} processes, ${images} images, no batching: most calls in any 10 s at the simulator`,
          bot: String(worst),
          baseline: `limit: ${LIMIT.limit}`,
          ratio: '',
          target: `≤ ${LIMIT.limit}`,
          met: worst <= LIMIT.limit,
        },
        {
          measure: `${PROCESSES} processes: steady rate as a share of the limit, 429s (wall time)`,
          bot: `${(share * 100).toFixed(1)}%, ${status429} × 429 (${seconds.toFixed(1)} s)`,
          baseline: '',
          ratio: '',
          target: '≥ 90%, zero 429s',
          met: share >= 0.9 && status429 === 0,
        },
      ],
    };
  } finally {
    for (const checker of checkers) await checker.close();
    await redis.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The most arrivals within any `LIMIT.windowMs` (a sliding window: what a strict server could count). */
function worstWindow(arrivals: readonly number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let worst = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= LIMIT.windowMs) i++;
    worst = Math.max(worst, j - i + 1);
  }
  return worst;
}
