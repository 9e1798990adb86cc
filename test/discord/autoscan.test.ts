import type { APIMessage, RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeFile, InteractionRecord } from '../fakes/discord/index.js';
import { pngScored, startDiscordRig, type DiscordRig } from './rig.js';

let rig: DiscordRig;
beforeAll(async () => {
  rig = await startDiscordRig();
});
afterAll(() => rig.close());

const clean = (): FakeFile => ({ name: 'beach.png', bytes: pngScored(0.12), contentType: 'image/png' });
const suspicious = (): FakeFile => ({ name: 'moon.png', bytes: pngScored(0.93), contentType: 'image/png' });
/** Claims to be a PNG; its bytes are text, so the check fails with unsupported_type. */
const broken = (): FakeFile => ({
  name: 'scan.png',
  bytes: Buffer.from('not really a picture\n'),
  contentType: 'image/png',
});

async function autoscan(
  sub: string,
  options: Record<string, string> = {},
  asModerator = true,
  channelId?: string,
) {
  const { fake } = rig;
  const interaction = fake.slashCommand({
    channelId: channelId ?? fake.channels.general.id,
    user: asModerator ? fake.users.moderator : fake.users.alice,
    name: 'bitmind',
    path: ['autoscan', sub],
    options,
  });
  return contentOf(interaction);
}

async function contentOf(interaction: InteractionRecord): Promise<string> {
  const answer = await rig.fake.interactionAnswer(interaction);
  expect(interaction.ephemeral).toBe(true);
  return answer.content ?? '';
}

function post(files: FakeFile[], channelId = rig.fake.channels.general.id, author = rig.fake.users.alice) {
  return rig.fake.postMessage({ channelId, author, files });
}

/**
 * The one answer to a message, as it stands once the bot has taken every event and is idle (a
 * "Checking…" placeholder shows what it was edited into); none, or a second one, fails the test.
 */
async function replyTo(message: APIMessage): Promise<APIMessage> {
  await rig.settled();
  const answers = rig.fake.answersTo(message.id);
  expect(answers).toHaveLength(1);
  return answers[0]!;
}

/** The reactions the bot left on a message, once it is idle. */
async function reactionsOn(message: APIMessage): Promise<string[]> {
  await rig.settled();
  return rig.fake.reactionsOn(message.id);
}

/** Nothing at all: no reply, no reaction, once the bot has taken the message and is idle. */
async function expectSilence(...messages: APIMessage[]): Promise<void> {
  await rig.settled();
  for (const message of messages) {
    expect(rig.fake.repliesTo(message.id)).toHaveLength(0);
    expect(rig.fake.reactionsOn(message.id)).toHaveLength(0);
  }
}

describe('auto-scan', () => {
  it('only a member with Manage Server may turn it on', async () => {
    expect(await autoscan('enable', {}, false)).toMatch(/Only members with the Manage Server permission/);
    expect(await autoscan('status', {}, false)).toMatch(/Auto-scan is \*\*off\*\*/);
    expect(await autoscan('enable', { mode: 'all' })).toMatch(/Auto-scan is \*\*on\*\*.*mode `all`/);
  });

  it('mode all: "Checking 2 files…" in reply to the message, pinging nobody, then edited into the verdicts', async () => {
    const message = post([clean(), suspicious()]);
    const reply = await replyTo(message);
    const text = JSON.stringify(reply.embeds);
    expect(text).toContain('12%');
    expect(text).toContain('93%');
    expect(reply.content).toBe('');
    const [posted] = rig.fake.repliesTo(message.id);
    const body = posted!.body as RESTPostAPIChannelMessageJSONBody;
    expect(body.content).toBe('Checking 2 files…');
    expect(body.message_reference?.message_id).toBe(message.id);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const edits = rig.fake.callsTo('PATCH', new RegExp(`^/channels/\\d+/messages/${reply.id}$`));
    expect(edits.map((c) => c.status)).toEqual([200]);
    expect((edits[0]!.body as RESTPostAPIChannelMessageJSONBody).allowed_mentions).toEqual({
      parse: [],
      replied_user: false,
    });
  });

  it("ignores its own messages and other bots', and messages without media", async () => {
    const { fake } = rig;
    const own = post([suspicious()], fake.channels.general.id, fake.world.bot);
    const otherBot = post([suspicious()], fake.channels.general.id, fake.users.otherBot);
    const words = fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      content: 'hello',
    });
    const before = rig.plans.length;
    await expectSilence(own, otherBot, words);
    // Passed over before the pipeline: not one trigger was made of them.
    expect(rig.plans.slice(before)).toEqual([]);
  });

  it('a thread follows its parent channel, and the reply goes into the thread', async () => {
    const { fake } = rig;
    const message = post([suspicious()], fake.channels.thread.id);
    await replyTo(message);
    const [call] = fake.repliesTo(message.id);
    expect(call!.path).toBe(`/channels/${fake.channels.thread.id}/messages`);
  });

  it('mode flagged: a quiet ✅ when nothing shows evidence, a reply (no placeholder) when something does or fails', async () => {
    expect(await autoscan('enable', { mode: 'flagged' })).toMatch(/mode `flagged`/);
    const quiet = post([clean()]);
    expect(await reactionsOn(quiet)).toEqual(['✅']);
    const flagged = post([suspicious()]);
    expect(JSON.stringify((await replyTo(flagged)).embeds)).toContain('93%');
    const failed = post([broken()]);
    expect(JSON.stringify((await replyTo(failed)).embeds)).toMatch(/not a supported type/);
    // The quiet modes post no "Checking…": the one reply is the answer itself.
    expect(
      (rig.fake.repliesTo(flagged.id)[0]!.body as RESTPostAPIChannelMessageJSONBody).embeds,
    ).toBeDefined();
    expect(rig.fake.repliesTo(quiet.id)).toHaveLength(0);
    expect(rig.fake.reactionsOn(flagged.id)).toHaveLength(0);
    expect(rig.fake.reactionsOn(failed.id)).toHaveLength(0);
  });

  it('mode silent: reactions only, ⚠️ for evidence, ✅ for none, ❌ for a failure', async () => {
    await autoscan('enable', { mode: 'silent' });
    const flagged = post([suspicious()]);
    const quiet = post([clean()]);
    const failed = post([broken()]);
    expect(await reactionsOn(flagged)).toEqual(['⚠️']);
    expect(await reactionsOn(quiet)).toEqual(['✅']);
    expect(await reactionsOn(failed)).toEqual(['❌']);
    expect(rig.fake.repliesTo(flagged.id)).toHaveLength(0);
    expect(rig.fake.repliesTo(failed.id)).toHaveLength(0);
  });

  it('settings survive a restart, and AUTOSCAN_CHANNELS seeds channels at start', async () => {
    const { fake } = rig;
    await rig.restart({ AUTOSCAN_CHANNELS: `discord:${fake.channels.random.id}=all` });
    expect(rig.adapter.isReady()).toBe(true);
    expect(await reactionsOn(post([suspicious()]))).toEqual(['⚠️']);
    expect(JSON.stringify((await replyTo(post([clean()], fake.channels.random.id))).embeds)).toContain('12%');
  });

  it('turned off, it stays quiet', async () => {
    expect(await autoscan('disable')).toMatch(/Auto-scan is \*\*off\*\*/);
    const before = rig.plans.length;
    const ignored = post([suspicious()]);
    await expectSilence(ignored);
    expect(rig.plans.slice(before).map((p) => p.plan)).toEqual([{ kind: 'nothing', reason: 'autoscan_off' }]);
  });

  it('an SVG in a flagged channel gets silence: auto-scan takes only what the bot can check', async () => {
    await autoscan('enable', { mode: 'flagged' });
    const before = rig.plans.length;
    const svg = post([
      {
        name: 'diagram.svg',
        bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'),
        contentType: 'image/svg+xml',
      },
    ]);
    await expectSilence(svg);
    expect(rig.plans.slice(before).map((p) => p.plan)).toEqual([{ kind: 'nothing', reason: 'no_media' }]);
  });

  it('a redelivered MESSAGE_CREATE is answered once', async () => {
    await autoscan('enable', { mode: 'all' });
    const message = post([suspicious()]);
    rig.fake.redeliverMessage(message);
    await replyTo(message);
    expect(rig.fake.repliesTo(message.id)).toHaveLength(1);
  });
});
