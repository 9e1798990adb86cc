import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaselineClient } from '../baseline-client.js';
import { expectVerdicts, fileRequest, startBot } from '../lib/bot.js';
import { groupsOf, imageSizes, seeded, writeImages } from '../lib/media.js';
import { median, round } from '../lib/stats.js';
import { mb, times, type Scale, type ScenarioResult } from '../lib/result.js';
import { startSimProcess, type SimProcess } from '../lib/sim-process.js';

const LATENCY_MS = 40;

/**
 * Scenario 1: a burst of chat messages carrying 200 images (50 KB to 5 MB, 1 to 10 a message), as
 * auto-scan in a busy channel sees it: every message submitted at once. The bot's wall time and
 * request count against the baseline, which takes the same messages one file at a time.
 * Each round uses a fresh bot, so its verdict cache starts empty.
 */
export async function throughput(scale: Scale): Promise<ScenarioResult> {
  const count = scale.quick ? 30 : 200;
  const rounds = scale.quick ? 1 : 3;
  const rng = seeded(1);
  const sizes = imageSizes(count, 50 * 1024, 5 * 1024 * 1024, rng);
  const dir = await mkdtemp(join(tmpdir(), 'bench-throughput-'));
  const sim = await startSimProcess({ latencyMs: LATENCY_MS });
  try {
    const messages = groupsOf(await writeImages(dir, sizes), 10, rng);
    const bot: { ms: number; requests: number }[] = [];
    const baseline: { ms: number; requests: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      bot.push(await botRound(sim, messages));
      baseline.push(await baselineRound(sim, messages));
    }
    const botMs = median(bot.map((r) => r.ms));
    const baseMs = median(baseline.map((r) => r.ms));
    const botRequests = median(bot.map((r) => r.requests));
    const baseRequests = median(baseline.map((r) => r.requests));
    const speedup = baseMs / botMs;
    const fewer = baseRequests / botRequests;
    return {
      id: 'throughput',
      title: '1. Throughput',
      settings: {
        images: count,
        messages: messages.length,
        totalBytes: sizes.reduce((a, b) => a + b, 0),
        latencyMs: LATENCY_MS,
        rounds,
        arrival: 'burst: every message submitted at once (auto-scan in a busy channel)',
      },
      measured: {
        bot,
        baseline,
        botMs,
        baseMs,
        botRequests,
        baseRequests,
        speedup: round(speedup),
        fewer: round(fewer),
      },
      rows: [
        {
          measure: `wall time, ${count} images (${mb(sizes.reduce((a, b) => a + b, 0))}) in ${messages.length} messages`,
          bot: `${(botMs / 1000).toFixed(2)} s`,
          baseline: `${(baseMs / 1000).toFixed(2)} s`,
          ratio: `${times(speedup)} faster`,
          target: '≥ 5x faster',
          met: speedup >= 5,
        },
        {
          measure: 'HTTP requests to BitMind (token and /status included)',
          bot: String(botRequests),
          baseline: String(baseRequests),
          ratio: `${times(fewer)} fewer`,
          target: '≥ 5x fewer',
          met: fewer >= 5,
        },
      ],
    };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function botRound(sim: SimProcess, messages: string[][]): Promise<{ ms: number; requests: number }> {
  // No client-side rate limit: the simulator enforces none here, and the baseline has none.
  const core = await startBot(sim, { BITMIND_RATE_LIMIT: '1000000' });
  try {
    await sim.clearLog();
    const started = performance.now();
    const reports = await Promise.all(messages.map((paths) => core.checker.check(fileRequest(paths))));
    const ms = performance.now() - started;
    reports.forEach(expectVerdicts);
    return { ms, requests: (await sim.requests()).length };
  } finally {
    await core.close();
  }
}

async function baselineRound(
  sim: SimProcess,
  messages: string[][],
): Promise<{ ms: number; requests: number }> {
  const client = new BaselineClient({ baseUrl: sim.url, ...sim.credentials });
  await sim.clearLog();
  const started = performance.now();
  for (const paths of messages) {
    for (const path of paths) await client.processImage(path);
  }
  const ms = performance.now() - started;
  return { ms, requests: (await sim.requests()).length };
}
