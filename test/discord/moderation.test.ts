import type { APIMessage, APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/i18n.js';
import { user } from '../fakes/discord/payloads.js';
import { waitFor } from '../helpers/wait.js';
import { buttonsOf, press as pressOn } from './buttons.js';
import { pngFile, startDiscordRig, type DiscordRig } from './rig.js';

let rig: DiscordRig;
let bob: APIUser;
beforeAll(async () => {
  rig = await startDiscordRig();
  bob = user('bob');
  rig.fake.world.addMember(bob);
});
afterAll(() => rig.close());

const simCalls = () => rig.core.sim.requests.filter((r) => r.path === '/image').length;

/** A slash command's private answer. */
async function command(by: APIUser, path: string[], options: Record<string, string> = {}): Promise<string> {
  const { fake } = rig;
  const interaction = fake.slashCommand({
    channelId: fake.channels.general.id,
    user: by,
    name: 'bitmind',
    path,
    options,
  });
  const edit = await waitFor(() => fake.interactionCalls(interaction).find((c) => c.method === 'PATCH'), {
    what: 'the command answer',
  });
  return (edit.body as Partial<APIMessage>).content ?? '';
}

/** Presses a button on the rig of this file; what the presser alone was told. */
const press = (by: APIUser, message: APIMessage, customId: string) => pressOn(rig, by, message, customId);

async function resultFor(message: APIMessage): Promise<APIMessage> {
  await rig.settled();
  const [answer, ...more] = rig.fake.answersTo(message.id);
  expect(more).toEqual([]);
  return answer!;
}

const modlogPosts = () =>
  rig.fake
    .callsTo('POST', new RegExp(`^/channels/${rig.fake.channels.random.id}/messages$`))
    .map((c) => (c.body as { embeds: NonNullable<APIMessage['embeds']> }).embeds[0]!);
const field = (embed: NonNullable<APIMessage['embeds']>[number], name: string) =>
  embed.fields?.find((f) => f.name === name)?.value;

let flagged: APIMessage;
let original: APIMessage;

describe('Discord moderation: the mod log and the buttons on every result', () => {
  it('sets the mod log for members with Manage Server only', async () => {
    const { fake } = rig;
    const random = fake.channels.random.id;
    expect(await command(fake.users.alice, ['modlog', 'set'], { channel: random })).toMatch(
      /Only members with the Manage Server/,
    );
    expect(await command(fake.users.moderator, ['modlog', 'set'], { channel: random })).toContain(
      `The mod log is now <#${random}>`,
    );
    expect(await command(fake.users.alice, ['modlog', 'status'])).toBe(`The mod log is <#${random}>.`);
    await command(fake.users.moderator, ['autoscan', 'enable']);
  });

  it('posts a flagged auto-scan result in reply, with its buttons, and in the mod log with a link', async () => {
    const { fake } = rig;
    original = fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      files: [pngFile('moon.png', 0.93)],
    });
    flagged = await resultFor(original);
    expect(flagged.embeds[0]?.title).toContain('Strong evidence of AI generation');
    expect(buttonsOf(flagged).recheck).toMatch(/^bm:r:[0-9a-f-]{36}$/);

    const [entry, ...more] = modlogPosts();
    expect(more).toEqual([]);
    expect(entry!.title).toContain('Evidence of AI generation');
    expect(field(entry!, 'Posted by')).toBe(`<@${fake.users.alice.id}>`);
    expect(field(entry!, 'Trigger')).toBe('autoscan');
    expect(field(entry!, 'Original message')).toBe(
      `[Original message](https://discord.com/channels/${fake.world.guild.id}/${fake.channels.general.id}/${original.id})`,
    );

    const clean = fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      files: [pngFile('beach.png', 0.1)],
    });
    await rig.settled();
    expect(fake.reactionsOn(clean.id)).toHaveLength(1);
    expect(modlogPosts()).toHaveLength(1);
  });

  it('Recheck asks BitMind again, past the cache, and edits the result in place', async () => {
    const before = simCalls();
    expect(await press(bob, flagged, buttonsOf(flagged).recheck)).toEqual([]);
    expect(simCalls()).toBe(before + 1);
    const [now] = rig.fake.answersTo(original.id);
    expect(now!.id).toBe(flagged.id);
    expect(buttonsOf(now!)).toEqual(buttonsOf(flagged));
    expect(JSON.stringify(now!.embeds)).not.toContain('cached');
  });

  it('Wrong result? is counted once per person, thanked privately and posted to the mod log', async () => {
    const { feedback } = buttonsOf(flagged);
    expect(await press(bob, flagged, feedback)).toEqual([t('en', 'moderation.press.feedbackThanks')]);
    expect(await press(bob, flagged, feedback)).toEqual([t('en', 'moderation.press.feedbackAgain')]);
    expect(await press(rig.fake.users.moderator, flagged, feedback)).toEqual([
      t('en', 'moderation.press.feedbackThanks'),
    ]);
    expect((await rig.core.metrics.feedback.get()).values).toEqual([
      expect.objectContaining({ labels: { band: 'strong' }, value: 2 }),
    ]);
    const reports = modlogPosts().filter((e) => e.title?.includes('reported wrong'));
    expect(reports.map((e) => field(e, 'Reported by'))).toEqual([
      `<@${bob.id}>`,
      `<@${rig.fake.users.moderator.id}>`,
    ]);
  });

  it('Delete is refused to a bystander and to the poster of an auto-scanned file, and done for a moderator', async () => {
    const { fake } = rig;
    const { delete: remove } = buttonsOf(flagged);
    expect(await press(bob, flagged, remove)).toEqual([t('en', 'moderation.press.deleteRefused')]);
    expect(await press(fake.users.alice, flagged, remove)).toEqual([
      t('en', 'moderation.press.deleteRefused'),
    ]);
    expect(fake.world.messagePayload(flagged.id)).toBeDefined();
    expect(await press(fake.users.moderator, flagged, remove)).toEqual([]);
    expect(fake.world.messagePayload(flagged.id)).toBeUndefined();
  });

  let asked: APIMessage;

  it('lets the person who asked delete their own result', async () => {
    const { fake } = rig;
    const target = fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      files: [pngFile('quiet.png', 0.2)],
      dispatch: false,
    });
    fake.react({ channelId: fake.channels.general.id, messageId: target.id, user: bob, emoji: '🔍' });
    asked = await resultFor(target);
    expect(await press(fake.users.alice, asked, buttonsOf(asked).delete)).toEqual([
      t('en', 'moderation.press.deleteRefused'),
    ]);
    const other = fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      files: [pngFile('other.png', 0.25)],
      dispatch: false,
    });
    fake.react({ channelId: fake.channels.general.id, messageId: other.id, user: bob, emoji: '🔍' });
    const own = await resultFor(other);
    expect(await press(bob, own, buttonsOf(own).delete)).toEqual([]);
    expect(fake.world.messagePayload(own.id)).toBeUndefined();
  });

  it('refuses a forged or malformed custom_id, and a real one pressed in another channel', async () => {
    expect(await press(bob, asked, 'bm:x:forged')).toEqual([t('en', 'moderation.press.forged')]);
    expect(await press(bob, asked, 'bm:r:00000000-0000-4000-8000-000000000000')).toEqual([
      t('en', 'moderation.press.expired'),
    ]);
    const { fake } = rig;
    const elsewhere = fake.world.storeMessage({ channelId: fake.channels.random.id, author: fake.world.bot });
    const before = simCalls();
    expect(await press(bob, elsewhere, buttonsOf(asked).recheck)).toEqual([
      t('en', 'moderation.press.forged'),
    ]);
    expect(simCalls()).toBe(before);
  });

  it('a Recheck that gets no verdict keeps the result and tells the presser why', async () => {
    const shown = () => {
      const { embeds, components } = rig.fake.world.messagePayload(asked.id)!;
      return { embeds, components };
    };
    const before = shown();
    const edits = rig.fake.callsTo('PATCH', /^\/webhooks\//).length;
    rig.core.sim.setFaults({ errorRate: 1 });
    try {
      const [told, ...more] = await press(bob, asked, buttonsOf(asked).recheck);
      expect(more).toEqual([]);
      expect(told).toMatch(/^The recheck could not be done, so the result stays as it was: /);
    } finally {
      rig.core.sim.setFaults({ errorRate: 0 });
    }
    expect(shown()).toEqual(before);
    expect(rig.fake.callsTo('PATCH', /^\/webhooks\//)).toHaveLength(edits);
  });

  it('buttons still work after a restart: nothing they need was in memory', async () => {
    await rig.restart();
    const before = simCalls();
    expect(await press(bob, asked, buttonsOf(asked).recheck)).toEqual([]);
    expect(simCalls()).toBe(before + 1);
    expect(await press(bob, asked, buttonsOf(asked).feedback)).toEqual([
      t('en', 'moderation.press.feedbackThanks'),
    ]);
  });

  it('reports a mod-log channel it cannot post to once, privately, to whoever set it', async () => {
    const { fake } = rig;
    const thread = fake.channels.thread.id;
    await command(fake.users.moderator, ['modlog', 'set'], { channel: thread });
    const refused = { status: 403, body: { message: 'Missing Access', code: 50001 } };
    fake.rest.failNext({ method: 'POST', path: new RegExp(`^/channels/${thread}/messages$`), ...refused });
    fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      files: [pngFile('one.png', 0.97)],
    });
    await rig.settled();
    fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      files: [pngFile('two.png', 0.96)],
    });
    await rig.settled();
    const opened = fake.callsTo('POST', /^\/users\/@me\/channels$/);
    expect(opened.map((c) => c.body)).toEqual([{ recipient_id: fake.users.moderator.id }]);
    const dm = fake
      .callsTo('POST', /^\/channels\/\d+\/messages$/)
      .filter((c) =>
        String((c.body as { content?: string }).content).includes('I cannot post in the mod log channel'),
      );
    expect(dm).toHaveLength(1);
    expect(fake.callsTo('POST', new RegExp(`^/channels/${thread}/messages$`))).toHaveLength(1);
  });
});
