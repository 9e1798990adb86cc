import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIChannel } from 'discord.js';
import { startFakeDiscord, type FakeDiscord } from '../../test/fakes/discord/index.js';
import { spawnCli, type CliChild } from '../../test/helpers/cli-child.js';
import { HEAP_PROBE_ARGS, readHeap, type HeapReading } from '../../test/helpers/heap-probe.js';
import { cliEntry } from '../../test/helpers/run-cli.js';
import { waitFor } from '../../test/helpers/wait.js';
import { startDefaultClient } from '../lib/default-client.js';
import { mb, times, type Row, type Scale, type ScenarioResult } from '../lib/result.js';
import { botEnvFor, startSimProcess, type SimProcess } from '../lib/sim-process.js';

const CHANNELS_PER_GUILD = 10;
/** 10 shards of ~1,000 guilds at the largest size, as Discord would recommend; all identify at once. */
const SHARDS = 10;
const BATCH = 500;
const CEILING_MB = 250;

/** The baseline against the bot, as "1.5x less" (the bot uses less) or "1.2x more". */
const compared = (bot: number, baseline: number): string =>
  baseline >= bot ? `${times(baseline / bot)} less` : `${times(bot / baseline)} more`;
const FLAT_MB = 10;

interface Readings {
  readonly guilds: Record<number, HeapReading>;
  readonly messages: HeapReading;
}

/**
 * Scenario: memory per guild. A Discord bot joins 1,000, then 5,000, then 10,000 guilds of 10
 * channels (GUILD_CREATE over the fake gateway, 10 shards), then 100,000 messages without media
 * arrive; resident memory and heap after each step, after a full garbage collection. The bot is the
 * shipped CLI (`node dist/src/cli.js start`, bounded caches, trigger events taken raw); the baseline
 * is discord.js's default client. Each runs alone against a fake of its own.
 */
export async function memoryPerGuild(scale: Scale): Promise<ScenarioResult> {
  const steps = scale.quick ? [100, 500, 1000] : [1000, 5000, 10_000];
  const messageCount = scale.quick ? 10_000 : 100_000;
  const cli = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
  await access(cli).catch(() => {
    throw new Error('dist/src/cli.js is missing: run `npm run build` first (`npm run bench` does)');
  });
  const dir = await mkdtemp(join(tmpdir(), 'bench-guilds-'));
  const sim = await startSimProcess();
  try {
    const bot = await measure(steps, messageCount, (fake) => startBot(fake, sim, dir));
    const baseline = await measure(steps, messageCount, (fake) => startBaseline(fake));
    const rows: Row[] = steps.map((guilds) => {
      const b = bot.guilds[guilds]!.rss;
      const d = baseline.guilds[guilds]!.rss;
      const largest = guilds === steps.at(-1);
      return {
        measure: `RSS after ${guilds.toLocaleString('en-US')} guilds of ${CHANNELS_PER_GUILD} channels`,
        bot: mb(b),
        baseline: mb(d),
        ratio: compared(b, d),
        target: largest && !scale.quick ? `bot < ${CEILING_MB} MB` : '',
        met: largest && !scale.quick ? b < CEILING_MB * 2 ** 20 : null,
      };
    });
    const [first, , last] = steps as [number, number, number];
    rows.push({
      measure: `RSS after ${messageCount.toLocaleString('en-US')} messages more`,
      bot: mb(bot.messages.rss),
      baseline: mb(baseline.messages.rss),
      ratio: compared(bot.messages.rss, baseline.messages.rss),
      target: '',
      met: null,
    });
    const perThousand = (r: Readings, of: keyof HeapReading) =>
      ((r.guilds[last]![of] - r.guilds[first]![of]) / (last - first)) * 1000;
    for (const of of ['rss', 'heapUsed'] as const)
      rows.push({
        measure: `${of === 'rss' ? 'RSS' : 'heap'} per 1,000 guilds (${first.toLocaleString('en-US')} → ${last.toLocaleString('en-US')})`,
        bot: mb(perThousand(bot, of)),
        baseline: mb(perThousand(baseline, of)),
        ratio: compared(perThousand(bot, of), perThousand(baseline, of)),
        target: '',
        met: null,
      });
    // Heap, not RSS: freed memory the allocator keeps for reuse is not growth.
    const growth = (r: Readings) => r.messages.heapUsed - r.guilds[last]!.heapUsed;
    rows.push({
      measure: `heap growth over ${messageCount.toLocaleString('en-US')} messages`,
      bot: mb(growth(bot)),
      baseline: mb(growth(baseline)),
      ratio: '',
      target: `bot flat (< ${FLAT_MB} MB)`,
      met: growth(bot) < FLAT_MB * 2 ** 20,
    });
    return {
      id: 'memory-per-guild',
      title: '9. Memory per guild',
      settings: {
        steps,
        channelsPerGuild: CHANNELS_PER_GUILD,
        shards: SHARDS,
        messages: messageCount,
        bot: 'node dist/src/cli.js start (bounded caches), DISCORD_SHARD_COUNT=10',
        baseline: 'discord.js Client with default caches, same intents and partials, shards auto (10)',
        reading: 'process.memoryUsage() after two full GCs (--expose-gc), in the client process',
      },
      measured: { bot, baseline },
      rows,
    };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs one client through the steps against a fake of its own, and reads its memory at each. */
async function measure(
  steps: readonly number[],
  messageCount: number,
  start: (fake: FakeDiscord) => Promise<CliChild>,
): Promise<Readings> {
  const fake = await startFakeDiscord({ maxConcurrency: 16, recommendedShards: SHARDS });
  let child: CliChild | undefined;
  try {
    child = await start(fake);
    const running = child;
    await waitFor(() => fake.gateway.readySessions === SHARDS, {
      what: 'every shard ready',
      timeoutMs: 60_000,
    });
    const channels: APIChannel[] = [];
    const guilds: Record<number, HeapReading> = {};
    for (const target of steps) {
      while (fake.world.guilds.size - 1 < target) {
        const batch = Math.min(BATCH, target - (fake.world.guilds.size - 1));
        for (let i = 0; i < batch; i += 1)
          channels.push(...fake.addGuild({ channels: CHANNELS_PER_GUILD }).channels);
        await fake.gateway.acknowledged(60_000);
      }
      guilds[target] = await readHeap(running);
    }
    for (let sent = 0; sent < messageCount; sent += 1000) {
      for (let i = sent; i < sent + 1000; i += 1) {
        const channel = channels[(i * 7919) % channels.length]!;
        fake.postMessage({ channelId: channel.id, author: fake.users.alice, content: `message ${i}` });
      }
      await fake.gateway.acknowledged(60_000);
    }
    return { guilds, messages: await readHeap(running) };
  } finally {
    await child?.close();
    await fake.close();
  }
}

async function startBot(fake: FakeDiscord, sim: SimProcess, dir: string): Promise<CliChild> {
  const dataDir = await mkdtemp(join(dir, 'bot-'));
  const bot = spawnCli(
    ['start'],
    {
      ...botEnvFor(sim, dataDir),
      ...fake.env(),
      DISCORD_SHARD_COUNT: String(SHARDS),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    { entry: [...HEAP_PROBE_ARGS, ...cliEntry(true)] },
  );
  await bot.waitForLog((l) => l.msg?.startsWith('Discord connected') === true, 'Discord connected', 60_000);
  return bot;
}

/** The baseline: discord.js's default client (bench/lib/default-client.ts). */
async function startBaseline(fake: FakeDiscord): Promise<CliChild> {
  return (await startDefaultClient(fake.env(), HEAP_PROBE_ARGS)).child;
}
