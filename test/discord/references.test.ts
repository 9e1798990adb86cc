import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRecord, RecordedCall } from '../fakes/discord/index.js';
import { discordMessageLink, discordMessageLinkOf } from '../../adapters/discord/message-link.js';
import { pngScored, startDiscordRig, type DiscordRig } from './rig.js';

/**
 * Issue 13, class 4 (no confused deputy): `/bitmind check url:<message link>` is answered with that
 * message's attachments only when the link is of the interaction's own guild and channel; otherwise
 * the asker alone hears a refusal that names nothing, and neither the message nor its files are
 * fetched.
 */
let rig: DiscordRig;
beforeAll(async () => {
  rig = await startDiscordRig();
});
afterAll(() => rig.close());

const REFUSAL = 'I can only check a message link from this channel.';

function postWithFile(channelId: string, name: string, score = 0.5): APIMessage {
  const { fake } = rig;
  return fake.postMessage({
    channelId,
    author: fake.users.alice,
    files: [{ name, bytes: pngScored(score), contentType: 'image/png' }],
    dispatch: false,
  });
}

function link(message: APIMessage, guild = rig.fake.world.guild.id, host = 'discord.com'): string {
  return `https://${host}/channels/${guild}/${message.channel_id}/${message.id}`;
}

function ask(channelId: string, url: string): InteractionRecord {
  const { fake } = rig;
  return fake.slashCommand({
    channelId,
    user: fake.users.alice,
    name: 'bitmind',
    path: ['check'],
    options: { url },
  });
}

const answerOf = (interaction: InteractionRecord) => rig.fake.interactionAnswer(interaction);

const touched = (message: APIMessage, name: string) => (c: RecordedCall) =>
  c.path.includes(`/messages/${message.id}`) || c.path.endsWith(`/${encodeURIComponent(name)}`);

describe('Discord: /bitmind check url:<message link> answers only about this channel', () => {
  async function expectRefused(interaction: InteractionRecord, message: APIMessage, name: string) {
    const body = await answerOf(interaction);
    await rig.settled();
    const calls = rig.fake.interactionCalls(interaction);
    expect(calls.map((c) => c.method)).toEqual(['POST', 'PATCH']);
    expect(interaction.ephemeral).toBe(true);
    expect(body.content).toBe(REFUSAL);
    expect(JSON.stringify(body)).not.toContain(name);
    expect(rig.fake.calls.filter(touched(message, name))).toEqual([]);
  }

  it('refuses a link to another channel of this guild (a thread’s parent included)', async () => {
    const { fake } = rig;
    const inRandom = postWithFile(fake.channels.random.id, 'random-secret.png');
    await expectRefused(ask(fake.channels.general.id, link(inRandom)), inRandom, 'random-secret.png');
    const inGeneral = postWithFile(fake.channels.general.id, 'parent-only.png');
    await expectRefused(ask(fake.channels.thread.id, link(inGeneral)), inGeneral, 'parent-only.png');
  });

  it('refuses a link naming another guild or a DM, even when the channel and message exist', async () => {
    const { fake } = rig;
    const message = postWithFile(fake.channels.general.id, 'other-guild.png');
    for (const url of [
      link(message, '123456789012345678'),
      link(message, '123456789012345678', 'canary.discord.com'),
      link(message, '@me'),
    ])
      await expectRefused(ask(fake.channels.general.id, url), message, 'other-guild.png');
  });

  it('checks a link to a message of this channel, on every Discord host, and answers in the channel', async () => {
    const { fake } = rig;
    for (const host of ['discord.com', 'ptb.discord.com', 'canary.discord.com']) {
      const name = `here-${host}.png`;
      const message = postWithFile(fake.channels.general.id, name, 0.42);
      const interaction = ask(fake.channels.general.id, link(message, undefined, host));
      const body = await answerOf(interaction);
      expect(interaction.ephemeral).toBe(false);
      const fields = JSON.stringify(body.embeds);
      expect(fields).toContain(name);
      expect(fields).toContain('42%');
      expect(fake.calls.filter((c) => c.path.endsWith(`/${encodeURIComponent(name)}`))).toHaveLength(1);
    }
  });

  it('says privately when a linked message of this channel has nothing to check', async () => {
    const { fake } = rig;
    const message = fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      content: 'just words',
      dispatch: false,
    });
    const interaction = ask(fake.channels.general.id, link(message));
    const body = await answerOf(interaction);
    expect(interaction.ephemeral).toBe(true);
    expect(body.content).toBe('That message has no image or video attached.');
  });
});

describe('Discord message links', () => {
  it('makes the link of a message that it reads back (the audit trail and the mod log link to the original)', () => {
    const guild = { platform: 'discord', workspace: '1', channel: '2', message: '3' };
    const link = discordMessageLink(guild);
    expect(link).toBe('https://discord.com/channels/1/2/3');
    expect(discordMessageLinkOf(link ?? '')).toEqual({ workspace: '1', channel: '2', message: '3' });
    expect(discordMessageLink({ ...guild, workspace: 'dm' })).toBe('https://discord.com/channels/@me/2/3');
    expect(discordMessageLink({ ...guild, message: undefined })).toBeUndefined();
  });

  it('reads guild, channel and message from Discord’s hosts only', () => {
    const ids = { workspace: '1', channel: '2', message: '3' };
    for (const host of ['discord.com', 'ptb.discord.com', 'canary.discord.com', 'discordapp.com'])
      expect(discordMessageLinkOf(`https://${host}/channels/1/2/3`)).toEqual(ids);
    expect(discordMessageLinkOf('https://discord.com/channels/@me/2/3')).toEqual({ ...ids, workspace: 'dm' });
    for (const other of [
      'https://discord.com.evil.example/channels/1/2/3',
      'https://example.com/channels/1/2/3',
      'https://discord.com/channels/1/2',
      'https://discord.com/channels/1/2/3/4',
      'ftp://discord.com/channels/1/2/3',
      'not a link',
    ])
      expect(discordMessageLinkOf(other)).toBeUndefined();
  });
});
