import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeDiscord } from '../../test/fakes/discord/index.js';
import { startFakeSlack } from '../../test/fakes/slack/index.js';
import { startOwnRedis } from '../../test/helpers/redis.js';
import { startBotProcess } from '../lib/bot-process.js';
import { discordClosedLoop, slackClosedLoop } from '../lib/closed-loop.js';
import { ms, type Row, type Scale, type ScenarioResult } from '../lib/result.js';
import { botEnvFor, startSimProcess } from '../lib/sim-process.js';
import { round, type Spread } from '../lib/stats.js';

const LATENCY_MS = 40;
/** Issue 20's target: the queue may add at most this much to the p99. */
const ALLOWED_MS = 15;

/**
 * Scenario 12 (issue 20's third): what the shared mode's queue costs a check. The same closed loop
 * as scenario 5 (one event at a time, to the final reply), but against a real `start` process (the
 * shipped CLI, in a process of its own; the queue exists only there), the simulator in a third
 * process. Once with REDIS_URL (the check becomes a BullMQ job in a redis-server of the bench's own,
 * taken back by the same process) and once without (the check runs in the process): the difference
 * is the queue's cost, Redis's round trips included.
 */
export async function queueCost(scale: Scale): Promise<ScenarioResult> {
  const events = scale.quick ? 20 : 300;
  const warmup = scale.quick ? 3 : 10;
  const dir = await mkdtemp(join(tmpdir(), 'bench-queue-'));
  const sim = await startSimProcess({ latencyMs: LATENCY_MS });
  const redis = await startOwnRedis();
  try {
    const inProcess = await latencies(sim, dir, {}, events, warmup);
    const queued = await latencies(sim, dir, { REDIS_URL: redis.url }, events, warmup);
    const row = (platform: 'slack' | 'discord', name: string): Row => {
      const added = queued[platform].p99 - inProcess[platform].p99;
      return {
        measure: `${name}: event to final reply with REDIS_URL (the queue), p50 / p95 / p99 (${events} events)`,
        bot: spreadText(queued[platform]),
        baseline: `in-process: ${spreadText(inProcess[platform])}`,
        ratio: `p99 ${added >= 0 ? '+' : '−'}${ms(Math.abs(added))}`,
        target: `p99 ≤ in-process + ${ALLOWED_MS} ms`,
        met: added <= ALLOWED_MS,
      };
    };
    return {
      id: 'queue-cost',
      title: "12. Queue's cost",
      settings: {
        events,
        warmup,
        latencyMs: LATENCY_MS,
        arrival: 'closed loop: one event at a time',
        bot: 'one `start` process, Slack (HTTP mode) and Discord (gateway) fakes, auto-scan mode all',
        shared: 'REDIS_URL to a redis-server started by the bench; in-process: no REDIS_URL',
      },
      measured: {
        inProcess,
        queued,
        addedP99Ms: {
          slack: round(queued.slack.p99 - inProcess.slack.p99),
          discord: round(queued.discord.p99 - inProcess.discord.p99),
        },
      },
      rows: [row('slack', 'Slack (HTTP mode)'), row('discord', 'Discord (gateway)')],
    };
  } finally {
    await redis.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const spreadText = (s: Spread): string => `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.p99)}`;

/** Both platforms' closed loops against one fresh `start` process with `extra` in its environment. */
async function latencies(
  sim: Parameters<typeof botEnvFor>[0],
  dir: string,
  extra: Record<string, string>,
  events: number,
  warmup: number,
): Promise<{ slack: Spread; discord: Spread }> {
  const [slack, discord] = await Promise.all([startFakeSlack({ pingIntervalMs: 1000 }), startFakeDiscord()]);
  const dataDir = await mkdtemp(join(dir, 'data-'));
  try {
    const bot = await startBotProcess(
      {
        ...botEnvFor(sim, dataDir),
        ...slack.env('http'),
        ...discord.env(),
        USER_CHECKS_PER_HOUR: '1000000',
        BITMIND_RATE_LIMIT: '1000000',
        AUTOSCAN_CHANNELS: `slack:${slack.channels.general}=all,discord:${discord.channels.general.id}=all`,
        ...extra,
      },
      dataDir,
    );
    try {
      slack.deliverOverHttp(`${bot.origin}/slack/events`);
      return {
        slack: await slackClosedLoop(slack, events, warmup),
        discord: await discordClosedLoop(discord, events, warmup),
      };
    } finally {
      await bot.close();
    }
  } finally {
    await Promise.all([slack.close(), discord.close()]);
  }
}
