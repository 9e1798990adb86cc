import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIChannel, APIMessage } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { spawnCli, type CliChild } from '../helpers/cli-child.js';
import { HEAP_PROBE_ARGS, readHeap } from '../helpers/heap-probe.js';
import { cliEntry } from '../helpers/run-cli.js';
import { waitFor } from '../helpers/wait.js';
import { readyz } from '../start/support.js';
import { pngScored } from './rig.js';

/**
 * Memory of the shipped build in a large bot: 5,000 guilds of 10 channels arrive (GUILD_CREATE),
 * then 50,000 messages without media and 500 with. The adapter takes messages raw, so discord.js
 * never builds or caches them, and nothing in the bot may keep something per message: the heap
 * after the messages is the heap before them, give or take. Not a timed test, and the margin is
 * far from the ~3 MB measured: a leak of each message's payload alone adds ~40 MB.
 */

const GUILDS = 5000;
const CHANNELS_PER_GUILD = 10;
const PLAIN_MESSAGES = 50_000;
const MEDIA_MESSAGES = 500;
/** Of the media messages, this many land in channels with auto-scan on (silent: a reaction each). */
const SCANNED = 50;
const BATCH = 1000;
const MARGIN_MB = 25;

let fake: FakeDiscord;
let sim: Simulator;
let dataDir: string;
let bot: CliChild;
let channels: APIChannel[];

beforeAll(async () => {
  fake = await startFakeDiscord({ maxConcurrency: 16 });
  sim = await startSimulator();
  dataDir = await mkdtemp(join(tmpdir(), 'bitmind-memory-'));
  channels = [];
  for (let i = 0; i < GUILDS; i += 1)
    channels.push(...fake.addGuild({ channels: CHANNELS_PER_GUILD, dispatch: false }).channels);
});
afterAll(async () => {
  await bot?.close();
  await fake.close();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('heap after 50,000 plain and 500 media messages in 5,000 guilds of 10 channels stays within a fixed margin of heap before them', async () => {
  const scanned = channels.slice(0, 10);
  bot = spawnCli(
    ['start'],
    {
      ...fake.env(),
      DATA_DIR: dataDir,
      BITMIND_BASE_URL: sim.url,
      BITMIND_CLIENT_ID: sim.credentials.clientId,
      BITMIND_CLIENT_SECRET: sim.credentials.clientSecret,
      AUTOSCAN_CHANNELS: scanned.map((c) => `discord:${c.id}=silent`).join(','),
      USER_CHECKS_PER_HOUR: '100000',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    { entry: [...HEAP_PROBE_ARGS, ...cliEntry(true)] },
  );
  const listening = await bot.waitForLog(
    (l) => l.msg?.startsWith('HTTP server listening') === true,
    'listening',
    60_000,
  );
  await readyz(new URL(String(listening.url)).origin, 200, () => true, 240_000);
  // Discord recommends one shard per 1,000 guilds; the bot (DISCORD_SHARD_COUNT=auto) runs them all.
  expect(fake.gateway.readySessions).toBe(Math.ceil(fake.world.guilds.size / 1000));
  await fake.gateway.acknowledged(60_000);

  const before = (await readHeap(bot)).heapUsed;
  const pick = (i: number) => channels[(i * 7919) % channels.length]!;
  for (let sent = 0; sent < PLAIN_MESSAGES; sent += BATCH) {
    for (let i = sent; i < sent + BATCH; i += 1)
      fake.postMessage({ channelId: pick(i).id, author: fake.users.alice, content: `message ${i}` });
    await fake.gateway.acknowledged(60_000);
  }
  const media: APIMessage[] = [];
  for (let i = 0; i < MEDIA_MESSAGES; i += 1) {
    const channel = i < SCANNED ? scanned[i % scanned.length]! : pick(PLAIN_MESSAGES + i);
    const bytes = Buffer.concat([pngScored(0.2), Buffer.from(`#${i}`)]);
    media.push(
      fake.postMessage({
        channelId: channel.id,
        author: fake.users.alice,
        files: [{ name: `photo-${i}.png`, bytes, contentType: 'image/png' }],
      }),
    );
    if (i % 100 === 99) await fake.gateway.acknowledged(60_000);
  }
  await fake.gateway.acknowledged(60_000);
  // Every auto-scanned message got its one reaction: the checks are done.
  await waitFor(() => media.slice(0, SCANNED).every((m) => fake.reactionsOn(m.id).length === 1), {
    what: 'a reaction on each auto-scanned message',
    timeoutMs: 120_000,
  });
  const after = (await readHeap(bot)).heapUsed;

  const grewMb = (after - before) / (1024 * 1024);
  console.info(`heap before ${(before / 2 ** 20).toFixed(1)} MB, after ${(after / 2 ** 20).toFixed(1)} MB`);
  expect(grewMb).toBeLessThan(MARGIN_MB);
}, 600_000);
