import {
  GatewayIntentBits,
  type APIEmbed,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS } from '../../adapters/discord/invite.js';
import type { FakeDiscord, InteractionRecord, RecordedCall } from '../fakes/discord/index.js';
import { plainText } from '../helpers/media-samples.js';
import { waitFor } from '../helpers/wait.js';
import { pngScored, serveFile, startDiscordRig, type DiscordRig } from './rig.js';

let rig: DiscordRig;
beforeAll(async () => {
  rig = await startDiscordRig({ ALLOW_PRIVATE_URLS: 'true' });
});
afterAll(() => rig.close());

/** Waits for the interaction's answer: the edit of its deferred response. */
async function answerOf(
  interaction: InteractionRecord,
): Promise<{ calls: RecordedCall[]; body: RESTPatchAPIWebhookWithTokenMessageJSONBody }> {
  const answer = await rig.fake.interactionAnswer(interaction);
  return {
    calls: rig.fake.interactionCalls(interaction),
    body: answer,
  };
}

/** `/bitmind <subcommand>` as an ordinary member in #general. */
function aliceRuns(
  subcommand: string,
  options?: Parameters<FakeDiscord['slashCommand']>[0]['options'],
): InteractionRecord {
  const { fake } = rig;
  return fake.slashCommand({
    channelId: fake.channels.general.id,
    user: fake.users.alice,
    name: 'bitmind',
    path: [subcommand],
    ...(options ? { options } : {}),
  });
}

function fieldsText(body: RESTPatchAPIWebhookWithTokenMessageJSONBody): string {
  return (body.embeds ?? [])
    .flatMap((e: APIEmbed) => (e.fields ?? []).map((f) => `${f.name} ${f.value}`))
    .join('\n');
}

describe('Discord login over the fake gateway', () => {
  it('identifies with the intents it needs, receives READY and GUILD_CREATE, and heartbeats', async () => {
    const { fake } = rig;
    expect(rig.adapter.isReady()).toBe(true);
    const [identify] = fake.gateway.identifies;
    for (const intent of [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
      GatewayIntentBits.GuildMessageReactions,
      GatewayIntentBits.DirectMessages,
    ])
      expect(identify!.intents & intent).toBe(intent);
    expect(fake.callsTo('GET', /^\/gateway\/bot$/)[0]!.headers.authorization).toBe(`Bot ${fake.token}`);

    const before = fake.gateway.heartbeats;
    fake.gateway.requestHeartbeat();
    await waitFor(() => fake.gateway.heartbeats > before, { what: 'a heartbeat answered with an ACK' });
  });

  it('resumes after op 7 and after a 4000 close, and keeps answering', async () => {
    const { fake } = rig;
    fake.gateway.reconnect();
    await waitFor(() => fake.gateway.resumes.length === 1 && fake.gateway.readySessions === 1, {
      what: 'a resume after op 7',
    });
    fake.gateway.closeConnections(4000);
    await waitFor(() => fake.gateway.resumes.length === 2 && fake.gateway.readySessions === 1, {
      what: 'a resume after close 4000',
    });
    const interaction = aliceRuns('help');
    expect((await answerOf(interaction)).body.content).toContain('/bitmind check');
  });

  it('logs the invite URL with both scopes and the permissions integer, and never the token', () => {
    const line = rig.logLines.find((l) => l.includes('oauth2/authorize'));
    expect(line).toContain(`client_id=${rig.fake.world.application.id}`);
    expect(line).toContain('scope=bot+applications.commands');
    expect(line).toContain(`permissions=${BOT_PERMISSIONS.bitfield}`);
    expect(BOT_PERMISSIONS.bitfield).toBe(274_877_992_000n);
    expect(rig.logLines.join('\n')).not.toContain(rig.fake.token);
  });
});

describe('/bitmind check and the message command', () => {
  it('checks an attached file: deferred first (type 5), then the deferred answer edited with the percentage', async () => {
    const { fake } = rig;
    const interaction = aliceRuns('check', {
      media: { name: 'cat.png', bytes: pngScored(0.93), contentType: 'image/png' },
    });
    const { calls, body } = await answerOf(interaction);
    expect(calls.map((c) => c.method)).toEqual(['POST', 'PATCH']);
    expect(calls[0]!.path).toBe(`/interactions/${interaction.id}/${interaction.token}/callback`);
    expect((calls[0]!.body as { type: number }).type).toBe(5);
    expect(interaction.ephemeral).toBe(false);
    expect(calls[1]!.path).toBe(
      `/webhooks/${fake.world.application.id}/${interaction.token}/messages/@original`,
    );
    expect(calls.map((c) => c.status)).toEqual([204, 200]);
    // The defer came before the download: nothing was fetched until Discord had its answer.
    const download = fake.calls.find(
      (c) => c.path.startsWith('/attachments/') && c.path.endsWith('/cat.png'),
    )!;
    expect(calls[0]!.at).toBeLessThan(download.at);
    expect(fieldsText(body)).toContain('cat.png');
    expect(fieldsText(body)).toContain('93%');
    expect(body.embeds![0]!.description).toContain(`<@${fake.users.alice.id}>`);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('checks a link, privately when asked', async () => {
    const server = await serveFile(pngScored(0.2), 'image/png');
    try {
      const interaction = aliceRuns('check', { url: server.url, private: true });
      const { body } = await answerOf(interaction);
      expect(interaction.ephemeral).toBe(true);
      expect(fieldsText(body)).toContain('20%');
      expect(fieldsText(body)).toContain('127.0.0.1');
    } finally {
      await server.close();
    }
  });

  it('asks for a file or a link when given neither, privately', async () => {
    const interaction = aliceRuns('check');
    const { body } = await answerOf(interaction);
    expect(interaction.ephemeral).toBe(true);
    expect(body.content).toMatch(/attach a file with the `media` option, or paste a link with `url`/);
  });

  it('"Check with BitMind" checks every file of the message, in one public answer', async () => {
    const { fake } = rig;
    const message = fake.postMessage({
      channelId: fake.channels.random.id,
      author: fake.users.alice,
      files: [
        { name: 'one.png', bytes: pngScored(0.11), contentType: 'image/png' },
        { name: 'two.png', bytes: pngScored(0.77), contentType: 'image/png' },
      ],
    });
    const interaction = fake.messageCommand({
      channelId: fake.channels.random.id,
      user: fake.users.moderator,
      name: 'Check with BitMind',
      messageId: message.id,
    });
    const { calls, body } = await answerOf(interaction);
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
    expect(interaction.ephemeral).toBe(false);
    expect(fieldsText(body)).toMatch(/one\.png[\s\S]*11%[\s\S]*two\.png[\s\S]*77%/);
    expect(fake.repliesTo(message.id)).toHaveLength(0);
  });

  it('says so when the message has no image or video', async () => {
    const { fake } = rig;
    const message = fake.postMessage({
      channelId: fake.channels.random.id,
      author: fake.users.alice,
      content: 'just words',
      files: [{ name: 'notes.txt', bytes: plainText(), contentType: 'text/plain' }],
    });
    const interaction = fake.messageCommand({
      channelId: fake.channels.random.id,
      user: fake.users.alice,
      name: 'Check with BitMind',
      messageId: message.id,
    });
    const { body } = await answerOf(interaction);
    expect(interaction.ephemeral).toBe(true);
    expect(JSON.stringify(body.embeds)).toContain('no image or video');
  });
});

describe('/bitmind help and status', () => {
  it('help is private and names every way to ask', async () => {
    const interaction = aliceRuns('help');
    const { body } = await answerOf(interaction);
    expect(interaction.ephemeral).toBe(true);
    expect(body.content).toContain('/bitmind check');
    expect(body.content).toContain('Check with BitMind');
    expect(body.content).toContain('🔍');
  });

  it('status is private and says BitMind is reachable', async () => {
    const interaction = aliceRuns('status');
    const { body } = await answerOf(interaction);
    expect(interaction.ephemeral).toBe(true);
    expect(body.content).toContain('BitMind is reachable');
    expect(body.content).toContain('Auto-scan here: off');
  });
});
