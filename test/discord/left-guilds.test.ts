import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.js';
import { startDiscordRig, type DiscordRig } from './rig.js';

/**
 * A guild that removed the bot while it was offline sends no GUILD_DELETE: the READY of the next
 * session, which lists every guild of the shard, is what tells. (Two processes that split the shards:
 * test/discord/shards.test.ts; what a READY may delete, case by case: test/unit/discord-left-guilds.)
 */

let rig: DiscordRig;
beforeAll(async () => {
  rig = await startDiscordRig();
});
afterAll(() => rig.close());

const discord = (workspace: string) => ({ platform: 'discord', workspace });

/** Settings of a guild of its own (a channel's and the guild's), and its scope. */
async function configuredGuild() {
  const guild = rig.fake.addGuild({ channels: 1 });
  const scope = discord(guild.id);
  const channel = guild.channels[0]!.id;
  await rig.settings.update(scope, channel, { autoscan: true });
  await rig.settings.updateWorkspace(scope, { modlog: channel });
  return { id: guild.id, scope, channel };
}

const forgot = (guildId: string) =>
  rig.logLines.filter((l) => l.includes('forgot a workspace the bot left') && l.includes(guildId));
/** The READY of the session started last was checked against the stored guilds. */
const readyChecked = () =>
  waitFor(() => rig.logLines.some((l) => l.includes('Discord READY checked against the stored guilds')), {
    what: 'the READY to be checked',
  });

it('after a restart, forgets the guild that removed the bot meanwhile (READY leaves it out) and keeps the one READY lists', async () => {
  const { fake } = rig;
  const a = discord(fake.world.guild.id);
  await rig.settings.update(a, fake.channels.general.id, { autoscan: true, replyMode: 'all' });
  const b = await configuredGuild();
  await readyChecked();
  expect(forgot(b.id)).toEqual([]);

  // B removes the bot unheard (the world loses it, no GUILD_DELETE is sent), as while it is away.
  fake.world.removeGuild(b.id);
  await rig.restart();
  await readyChecked();
  await rig.settled();

  expect(
    rig.logLines.filter((l) => l.includes('the bot was removed while offline') && l.includes(`"${b.id}"`)),
  ).toHaveLength(1);
  expect(forgot(b.id)).toHaveLength(1);
  expect(await rig.settings.get(b.scope, b.channel)).toMatchObject({ autoscan: false });
  expect(await rig.settings.workspace(b.scope)).toMatchObject({ modlog: undefined });
  expect(await rig.settings.get(a, fake.channels.general.id)).toMatchObject({
    autoscan: true,
    replyMode: 'all',
  });
  expect(forgot(fake.world.guild.id)).toEqual([]);
});

it('a RESUME forgets nothing, though a guild went missing meanwhile; the next READY does', async () => {
  const { fake } = rig;
  const c = await configuredGuild();
  fake.world.removeGuild(c.id);
  const resumed = fake.gateway.resumes.length;
  fake.gateway.closeConnections(4000);
  await waitFor(() => fake.gateway.resumes.length === resumed + 1 && fake.gateway.readySessions === 1, {
    what: 'the session to resume',
  });
  await waitFor(() => rig.adapter.isReady(), { what: 'the shard to be ready again' });
  await rig.settled();
  expect(await rig.settings.get(c.scope, c.channel)).toMatchObject({ autoscan: true });
  expect(forgot(c.id)).toEqual([]);

  await rig.restart();
  await readyChecked();
  await rig.settled();
  expect(forgot(c.id)).toHaveLength(1);
  expect(await rig.settings.get(c.scope, c.channel)).toMatchObject({ autoscan: false });
});
