import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRecord, OptionValue } from '../fakes/discord/index.js';
import { waitFor } from '../helpers/wait.js';
import { startDiscordRig, type DiscordRig } from './rig.js';

/** A guild's own settings: moderator roles (`/bitmind roles`), and forgetting a guild the bot left. */

let rig: DiscordRig;
beforeAll(async () => {
  rig = await startDiscordRig();
});
afterAll(() => rig.close());

async function contentOf(interaction: InteractionRecord): Promise<string> {
  const answer = await rig.fake.interactionAnswer(interaction);
  expect(interaction.ephemeral).toBe(true);
  return answer.content ?? '';
}

function run(
  who: 'alice' | 'moderator',
  path: string[],
  options: Record<string, OptionValue> = {},
  channelId = rig.fake.channels.general.id,
): Promise<string> {
  const { fake } = rig;
  return contentOf(fake.slashCommand({ channelId, user: fake.users[who], name: 'bitmind', path, options }));
}

const general = { platform: 'discord', workspace: '' };

describe('/bitmind roles', () => {
  it('a member with a moderator role may change auto-scan; without one, or once it is removed, may not', async () => {
    const { fake } = rig;
    const mods = fake.world.addRole('Mods');
    const scope = { ...general, workspace: fake.world.guild.id };

    expect(await run('alice', ['autoscan', 'enable'])).toMatch(
      /Only members with the Manage Server permission or a moderator role/,
    );
    expect(await run('alice', ['roles', 'add'], { role: { roleId: mods } })).toMatch(
      /Only members with the Manage Server permission can choose the moderator roles/,
    );
    expect(await run('alice', ['roles', 'list'])).toMatch(/No moderator roles/);

    expect(await run('moderator', ['roles', 'add'], { role: { roleId: mods } })).toBe(
      `<@&${mods}> is now a moderator role: its members can turn auto-scan on or off here.`,
    );
    expect((await rig.settings.workspace(scope)).moderatorRoles).toEqual([mods]);
    expect(await run('alice', ['roles', 'list'])).toContain(`<@&${mods}>`);
    // The role is named, but Alice does not hold it yet.
    expect(await run('alice', ['autoscan', 'enable'])).toMatch(/or a moderator role/);

    fake.world.giveRole(fake.users.alice.id, mods);
    expect(await run('alice', ['autoscan', 'enable'])).toMatch(/Auto-scan is \*\*on\*\*/);
    expect((await rig.settings.get(scope, fake.channels.general.id)).autoscan).toBe(true);
    // A moderator role does not let its members choose moderator roles.
    expect(await run('alice', ['roles', 'remove'], { role: { roleId: mods } })).toMatch(
      /Manage Server permission can choose/,
    );

    expect(await run('moderator', ['roles', 'remove'], { role: { roleId: mods } })).toMatch(
      /is no longer a moderator role/,
    );
    expect(await run('alice', ['autoscan', 'disable'])).toMatch(/or a moderator role/);
    expect((await rig.settings.get(scope, fake.channels.general.id)).autoscan).toBe(true);
    expect(await run('moderator', ['autoscan', 'disable'])).toMatch(/Auto-scan is \*\*off\*\*/);
  });

  it('refuses @everyone, a role named twice, and removing a role that is not one', async () => {
    const { fake } = rig;
    const helpers = fake.world.addRole('Helpers');
    expect(await run('moderator', ['roles', 'add'], { role: { roleId: fake.world.guild.id } })).toMatch(
      /Everyone cannot be a moderator role/,
    );
    expect(await run('moderator', ['roles', 'remove'], { role: { roleId: helpers } })).toMatch(
      /is not a moderator role/,
    );
    await run('moderator', ['roles', 'add'], { role: { roleId: helpers } });
    expect(await run('moderator', ['roles', 'add'], { role: { roleId: helpers } })).toMatch(
      /already a moderator role/,
    );
    const scope = { ...general, workspace: fake.world.guild.id };
    expect((await rig.settings.workspace(scope)).moderatorRoles).toEqual([helpers]);
  });
});

describe('GUILD_DELETE', () => {
  it('an outage (unavailable) keeps the guild’s settings; the bot being removed forgets them', async () => {
    const { fake } = rig;
    const guild = fake.addGuild({ channels: 2 });
    const channel = guild.channels[0]!.id;
    const scope = { ...general, workspace: guild.id };
    expect(await run('moderator', ['autoscan', 'enable'], {}, channel)).toMatch(/\*\*on\*\*/);
    const role = fake.world.addRole('Guards', guild.id);
    await run('moderator', ['roles', 'add'], { role: { roleId: role } }, channel);
    const other = { ...general, workspace: fake.world.guild.id };
    await rig.settings.update(other, fake.channels.random.id, { autoscan: true });

    fake.removeGuild(guild.id, { unavailable: true });
    await waitFor(() => rig.logLines.some((l) => l.includes('Discord guild unavailable (outage)')), {
      what: 'the outage to be logged',
    });
    await rig.settled();
    expect((await rig.settings.get(scope, channel)).autoscan).toBe(true);
    expect((await rig.settings.workspace(scope)).moderatorRoles).toEqual([role]);

    fake.removeGuild(guild.id);
    await waitFor(
      () => rig.logLines.some((l) => l.includes('forgot a workspace the bot left') && l.includes(guild.id)),
      { what: 'the guild to be forgotten' },
    );
    expect((await rig.settings.get(scope, channel)).autoscan).toBe(false);
    expect((await rig.settings.workspace(scope)).moderatorRoles).toEqual([]);
    // Another guild's settings stay.
    expect((await rig.settings.get(other, fake.channels.random.id)).autoscan).toBe(true);
  });

  it('a GUILD_DELETE that cannot be read is logged and changes nothing', async () => {
    const { fake } = rig;
    fake.gateway.dispatch('GUILD_DELETE', { id: 'not-a-guild' });
    await waitFor(
      () => rig.logLines.some((l) => l.includes('GUILD_DELETE') && l.includes('could not read')),
      {
        what: 'the unreadable GUILD_DELETE to be logged',
      },
    );
    expect(rig.adapter.isReady()).toBe(true);
  });
});
