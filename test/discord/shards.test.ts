import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIChannel, APIMessage } from 'discord.js';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { RedisSettingsStore } from '../../src/settings/redis-store.js';
import { RedisConnection } from '../../src/state/redis-connection.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { startFakeDiscord, type FakeDiscord, type InteractionRecord } from '../fakes/discord/index.js';
import { spawnCli, type CliChild } from '../helpers/cli-child.js';
import { useRedis } from '../helpers/redis.js';
import { cliEntry } from '../helpers/run-cli.js';
import { waitFor } from '../helpers/wait.js';
import { readyz } from '../start/support.js';
import { pngScored } from './rig.js';

/**
 * Two bot processes of the shipped build (dist), shards 0-1 and 2-3 of 4, against one fake gateway
 * and one Redis: each guild's events reach the one process that runs its shard, state set through
 * one process holds in another, and a restart takes back its own shards only.
 */

const redis = useRedis();
let fake: FakeDiscord;
let sim: Simulator;
/** One guild on each of the four shards, with one channel each. */
let channels: APIChannel[];
const running: CliChild[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  // 16 IDENTIFYs at once, as Discord allows large bots: nobody waits out the 5 s identify window.
  fake = await startFakeDiscord({ maxConcurrency: 16, recommendedShards: 4 });
  sim = await startSimulator();
  channels = [0, 1, 2, 3].map((shard) => fake.addGuild({ channels: 1, onShard: [shard, 4] }).channels[0]!);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((bot) => bot.close()));
});
afterAll(async () => {
  await fake.close();
  await sim.close();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** `bitmind-bot start` from dist, running `shardIds` of 4, on its own DATA_DIR, ready. */
async function startBot(shardIds: string, { ready = true } = {}): Promise<{ bot: CliChild; url: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bitmind-shards-'));
  dirs.push(dataDir);
  const bot = spawnCli(
    ['start'],
    {
      ...fake.env(),
      DISCORD_SHARD_COUNT: '4',
      DISCORD_SHARD_IDS: shardIds,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      DATA_DIR: dataDir,
      BITMIND_BASE_URL: sim.url,
      BITMIND_CLIENT_ID: sim.credentials.clientId,
      BITMIND_CLIENT_SECRET: sim.credentials.clientSecret,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'debug',
    },
    { entry: cliEntry(true) },
  );
  running.push(bot);
  const listening = await bot.waitForLog(
    (l) => l.msg?.startsWith('HTTP server listening') === true,
    'listening',
    30_000,
  );
  const url = new URL(String(listening.url)).origin;
  if (ready) await readyz(url, 200, () => true, 30_000);
  return { bot, url };
}

async function answerOf(interaction: InteractionRecord): Promise<string> {
  const answer = await fake.interactionAnswer(interaction, 15_000);
  return answer.content ?? '';
}

function moderatorRuns(
  channel: APIChannel,
  path: string[],
  options: Record<string, string> = {},
): Promise<string> {
  return answerOf(
    fake.slashCommand({ channelId: channel.id, user: fake.users.moderator, name: 'bitmind', path, options }),
  );
}

let unique = 0;
function postImage(channel: APIChannel): APIMessage {
  unique += 1;
  // Distinct bytes, so every message is its own check (no verdict is reused).
  const bytes = Buffer.concat([pngScored(0.93), Buffer.from(`#${unique}`)]);
  return fake.postMessage({
    channelId: channel.id,
    author: fake.users.alice,
    files: [{ name: `shard-${unique}.png`, bytes, contentType: 'image/png' }],
  });
}

/** Images sent to BitMind so far: one a request to /image, or the files of a /batch_image. */
const imageChecks = () =>
  sim.requests.reduce(
    (n, r) => n + (r.path === '/image' ? 1 : r.path === '/batch_image' ? r.fileCount : 0),
    0,
  );

it('two processes split four shards: each guild’s message is checked once, by the process that runs its shard; a setting made in one holds in the other; a restart takes back its own shards only', async () => {
  const a = await startBot('0-1');
  const b = await startBot('2-3');
  expect(fake.gateway.readyShards).toEqual(['0/4', '1/4', '2/4', '3/4']);
  expect(fake.gateway.identifies.map((i) => i.shard.join('/')).sort()).toEqual(['0/4', '1/4', '2/4', '3/4']);

  // Auto-scan on in every guild, each command answered by the process that runs its shard.
  for (const channel of channels)
    expect(await moderatorRuns(channel, ['autoscan', 'enable'])).toMatch(/\*\*on\*\*/);
  // (The log lines may reach the test after the answers did: waited for, then counted.)
  const turnedOn = (bot: CliChild, channel: APIChannel) =>
    bot.waitForLog(
      (l) => l.msg === 'Discord auto-scan turned on' && l.channelId === channel.id,
      'auto-scan on',
    );
  await Promise.all([turnedOn(a.bot, channels[0]!), turnedOn(a.bot, channels[1]!)]);
  await Promise.all([turnedOn(b.bot, channels[2]!), turnedOn(b.bot, channels[3]!)]);
  for (const bot of [a.bot, b.bot])
    expect(bot.logs.filter((l) => l.msg === 'Discord auto-scan turned on')).toHaveLength(2);

  const before = imageChecks();
  const messages = channels.map(postImage);
  await waitFor(
    () =>
      messages.every(
        (m) => fake.answersTo(m.id).length === 1 && (fake.answersTo(m.id)[0]!.embeds?.length ?? 0) > 0,
      ),
    {
      what: 'an answer to each of the four messages',
      timeoutMs: 20_000,
    },
  );
  await fake.gateway.acknowledged();
  for (const m of messages) expect(fake.answersTo(m.id)).toHaveLength(1);
  expect(imageChecks() - before).toBe(4);

  // Process A is killed and started again (a new DATA_DIR: nothing of A's own survives but Redis).
  const identifiesBefore = fake.gateway.identifies.length;
  const bSessionsBefore = b.bot.logs.filter((l) => l.msg === 'Discord shard ready').length;
  a.bot.signal('SIGKILL');
  await a.bot.exited;
  await waitFor(() => fake.gateway.readySessions === 2, { what: 'A’s sessions to close' });
  // Meanwhile a moderator makes shard 2's guild quiet, through B (checked at the end).
  expect(await moderatorRuns(channels[2]!, ['autoscan', 'enable'], { mode: 'silent' })).toMatch(
    /mode `silent`/,
  );

  const a2 = await startBot('0-1');
  expect(
    fake.gateway.identifies
      .slice(identifiesBefore)
      .map((i) => i.shard.join('/'))
      .sort(),
  ).toEqual(['0/4', '1/4']);
  expect(fake.gateway.readyShards).toEqual(['0/4', '1/4', '2/4', '3/4']);
  // B kept its sessions: no new shard became ready there, and it never lost its connection.
  expect(b.bot.logs.filter((l) => l.msg === 'Discord shard ready')).toHaveLength(bSessionsBefore);
  expect(b.bot.logs.some((l) => l.msg === 'Discord gateway disconnected')).toBe(false);

  // The restarted A runs on settings it only finds in Redis: auto-scan on in shard 0's guild.
  const checksBefore = imageChecks();
  const again = postImage(channels[0]!);
  await waitFor(() => fake.answersTo(again.id).some((m) => (m.embeds?.length ?? 0) > 0), {
    what: 'the restarted process to answer',
    timeoutMs: 20_000,
  });
  await fake.gateway.acknowledged();
  expect(fake.answersTo(again.id)).toHaveLength(1);
  expect(imageChecks() - checksBefore).toBe(1);

  // The shards move: one process C takes all four. The mode chosen through B holds in C, which
  // never ran shard 2 before: silent, a reaction and no reply.
  for (const bot of [a2.bot, b.bot]) bot.signal('SIGTERM');
  await Promise.all([a2.bot.exited, b.bot.exited]);
  await waitFor(() => fake.gateway.readySessions === 0, { what: 'every session to close' });
  await startBot('0-3');
  const quiet = postImage(channels[2]!);
  await waitFor(() => fake.reactionsOn(quiet.id).length > 0, { what: 'C to react', timeoutMs: 20_000 });
  await fake.gateway.acknowledged();
  expect(fake.reactionsOn(quiet.id)).toEqual(['⚠️']);
  expect(fake.repliesTo(quiet.id)).toHaveLength(0);
});

it('each process forgets the guilds its own shards were removed from while it was down, never another process’s', async () => {
  // Settings in Redis for a guild on shard 0 and one on shard 2, both of which remove the bot while
  // no process runs (the world loses them, no GUILD_DELETE is sent).
  const connection = new RedisConnection(redis.settings(), { logger: createLogger({ level: 'silent' }) });
  const settings = new RedisSettingsStore(connection, createLogger({ level: 'silent' }));
  try {
    await connection.ready(5000);
    const [x, y] = [0, 2].map((shard) => fake.addGuild({ channels: 1, onShard: [shard, 4] }));
    // And for shard 3's guild, which stays.
    const stays = fake.world.guildOf(channels[3]!.id)!;
    await settings.update({ platform: 'discord', workspace: stays }, channels[3]!.id, { autoscan: true });
    for (const guild of [x!, y!]) {
      await settings.update({ platform: 'discord', workspace: guild.id }, guild.channels[0]!.id, {
        autoscan: true,
      });
      fake.world.removeGuild(guild.id);
    }
    const stored = () => settings.workspaces('discord');
    const checked = (bot: CliChild, shard: string) =>
      bot.waitForLog(
        (l) => l.msg === 'Discord READY checked against the stored guilds' && l.shard === shard,
        `shard ${shard}'s READY to be checked`,
      );
    const forgotten = (bot: CliChild) =>
      bot.logs.filter((l) => l.msg === 'forgot a workspace the bot left').map((l) => l.workspace);

    // A runs shards 0-1 of 4: it forgets X (shard 0), and Y, of shard 2, is none of its business.
    const a = await startBot('0-1');
    await Promise.all([checked(a.bot, '0/4'), checked(a.bot, '1/4')]);
    expect(forgotten(a.bot)).toEqual([x!.id]);
    expect(await stored()).toContain(y!.id);
    expect(await stored()).not.toContain(x!.id);

    // B, running shards 2-3, forgets Y.
    const b = await startBot('2-3');
    await Promise.all([checked(b.bot, '2/4'), checked(b.bot, '3/4')]);
    expect(forgotten(b.bot)).toEqual([y!.id]);
    expect(await stored()).not.toContain(y!.id);
    expect(await stored()).toContain(stays);
  } finally {
    await connection.close();
  }
});

it('a process that identifies as a shard another process runs is refused, and is not ready', async () => {
  await startBot('0-1');
  await startBot('2-3');
  const refusedBefore = fake.gateway.refusals.length;
  const third = await startBot('3', { ready: false });
  await waitFor(() => fake.gateway.refusals.length > refusedBefore, {
    what: 'the duplicate IDENTIFY to be refused',
  });
  expect(fake.gateway.refusals.slice(refusedBefore)[0]).toEqual([3, 4]);
  await readyz(third.url, 503);
});
