import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DiscordContext } from '../../adapters/discord/context.js';
import { forgetLeftGuilds } from '../../adapters/discord/left-guilds.js';
import { FileSettingsStore } from '../../src/settings/file-store.js';
import type { Scope } from '../../src/settings/store.js';
import { captureLogger } from '../log/capture.js';

/**
 * What a READY may delete, decided on a real settings store: the gateway side (a real READY, a
 * RESUME, two processes) is in test/discord/left-guilds.test.ts and test/discord/shards.test.ts.
 */

/** A guild id that shard `shard` of any count above it owns (`id >> 22` is `shard`). */
const guildOn = (shard: number) => String((BigInt(shard) << 22n) + 7n);
/** Guilds of shard 0 and shard 1 of 2. */
const [kept, gone, other] = [guildOn(0), guildOn(2), guildOn(1)];

let dir: string;
let settings: FileSettingsStore;
let forgotten: string[];
let held: Set<string>;
let lines: string[];
let ctx: DiscordContext;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bitmind-left-guilds-'));
  settings = new FileSettingsStore(dir);
  for (const workspace of [kept, gone, other, 'dm'])
    await settings.update({ platform: 'discord', workspace }, '1', { autoscan: true });
  await settings.update({ platform: 'slack', workspace: 'T1' }, 'C1', { autoscan: true });
  forgotten = [];
  held = new Set();
  const captured = captureLogger();
  lines = captured.lines;
  // Only what forgetLeftGuilds reads; the pipeline's forget is its settings part here.
  ctx = {
    logger: captured.log,
    settings,
    hasGuild: (id: string) => held.has(id),
    pipeline: {
      async forget(scope: Scope) {
        forgotten.push(scope.workspace);
        await settings.forget(scope);
      },
    },
  } as unknown as DiscordContext;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ready = (guilds: unknown[], shard: unknown = [0, 2]) => ({ guilds, shard, session_id: 's' });

it('forgets the stored guilds of its shard that READY does not list, and nothing else', async () => {
  await forgetLeftGuilds(ctx, ready([{ id: kept, unavailable: true }]), { id: 0, count: 2 });
  expect(forgotten).toEqual([gone]);
  expect(await settings.workspaces('discord')).toEqual([other, kept, 'dm'].sort());
  expect(await settings.workspaces('slack')).toEqual(['T1']);
  expect(lines.filter((l) => l.includes('removed while offline'))).toEqual([
    expect.stringContaining(`"guildId":"${gone}"`),
  ]);
});

it('keeps a guild discord.js holds though READY did not list it (joined since)', async () => {
  held.add(gone);
  await forgetLeftGuilds(ctx, ready([{ id: kept }]), { id: 0, count: 2 });
  expect(forgotten).toEqual([]);
});

it('the other shard forgets its own guilds only', async () => {
  await forgetLeftGuilds(ctx, ready([], [1, 2]), { id: 1, count: 2 });
  expect(forgotten).toEqual([other]);
});

it.each([
  ['a guild entry that is not a guild', ready([{ id: kept }, { id: 'not-an-id' }])],
  ['no guild list', { shard: [0, 2] }],
  ['no shard', { guilds: [{ id: kept }] }],
  ['more guilds than a shard holds', ready(Array.from({ length: 2501 }, () => ({ id: kept })))],
  ['not an object', null],
])('forgets nothing for a READY with %s, and says so', async (_what, d) => {
  await forgetLeftGuilds(ctx, d, { id: 0, count: 2 });
  expect(forgotten).toEqual([]);
  expect(lines.filter((l) => l.includes('could not read') && l.includes('READY'))).toHaveLength(1);
});

it.each([
  ['another shard id', [1, 2]],
  ['another shard count', [0, 4]],
])(
  'forgets nothing for a READY that names %s than the one discord.js runs, and says so',
  async (_what, shard) => {
    await forgetLeftGuilds(ctx, ready([], shard), { id: 0, count: 2 });
    expect(forgotten).toEqual([]);
    expect(lines.filter((l) => l.includes('names another shard'))).toHaveLength(1);
  },
);
