import type { APIMessage, APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/i18n.js';
import { user } from '../fakes/discord/payloads.js';
import { buttonIds, buttonsOf, press as pressOn } from './buttons.js';
import { pngFile, startDiscordRig, type DiscordRig } from './rig.js';

/**
 * The results that used to have no buttons: the verdict posted again for a second 🔍, and the
 * private answer to `/bitmind check private:true`, each pressed through the real discord.js client.
 */
let rig: DiscordRig;
let bob: APIUser;
let carol: APIUser;
beforeAll(async () => {
  rig = await startDiscordRig();
  bob = user('bob');
  carol = user('carol');
  rig.fake.world.addMember(bob);
  rig.fake.world.addMember(carol);
  const { fake } = rig;
  await rig.pipeline.setModlog(
    { platform: 'discord', workspace: fake.world.guild.id },
    fake.channels.random.id,
    fake.users.moderator.id,
    'en',
  );
});
afterAll(() => rig.close());

const simCalls = () => rig.core.sim.requests.filter((r) => r.path === '/image').length;
const press = (by: APIUser, message: APIMessage, customId: string) => pressOn(rig, by, message, customId);
const modlogPosts = () =>
  rig.fake.callsTo('POST', new RegExp(`^/channels/${rig.fake.channels.random.id}/messages$`));
const edits = () => rig.fake.callsTo('PATCH', /^\/webhooks\//).length;

describe('the verdict posted again for a second 🔍 carries the buttons of any result', () => {
  let message: APIMessage;
  let first: APIMessage;
  let repost: APIMessage;

  it('has all three, under a result id of its own, and is not posted to the mod log again', async () => {
    const { fake } = rig;
    const channelId = fake.channels.general.id;
    message = fake.postMessage({ channelId, author: fake.users.alice, files: [pngFile('moon.png', 0.93)] });
    fake.react({ channelId, messageId: message.id, user: carol, emoji: '🔍' });
    await rig.settled();
    expect(modlogPosts()).toHaveLength(1);
    fake.react({ channelId, messageId: message.id, user: bob, emoji: '🔍' });
    await rig.settled();
    [first, repost] = fake.answersTo(message.id) as [APIMessage, APIMessage];
    expect(repost.embeds[0]?.description).toContain(t('en', 'reply.repeat'));
    expect(buttonsOf(repost).recheck).toMatch(/^bm:r:[0-9a-f-]{36}$/);
    expect(buttonsOf(repost).recheck).not.toBe(buttonsOf(first).recheck);
    expect(modlogPosts()).toHaveLength(1);
  });

  it('Recheck asks BitMind again about the same media and edits the repost in place', async () => {
    const before = simCalls();
    expect(await press(rig.fake.users.alice, repost, buttonsOf(repost).recheck)).toEqual([]);
    expect(simCalls()).toBe(before + 1);
    const now = rig.fake.world.messagePayload(repost.id)!;
    expect(now.embeds[0]?.title).toContain('Strong evidence of AI generation');
    expect(now.embeds[0]?.description).not.toContain(t('en', 'reply.repeat'));
    expect(buttonIds(now)).toEqual(buttonIds(repost));
    expect(rig.fake.world.messagePayload(first.id)!.embeds).toEqual(first.embeds);
  });

  it('Wrong result? is counted once per person', async () => {
    const { feedback } = buttonsOf(repost);
    expect(await press(bob, repost, feedback)).toEqual([t('en', 'moderation.press.feedbackThanks')]);
    expect(await press(bob, repost, feedback)).toEqual([t('en', 'moderation.press.feedbackAgain')]);
    expect((await rig.core.metrics.feedback.get()).values).toEqual([
      expect.objectContaining({ labels: { band: 'strong' }, value: 1 }),
    ]);
  });

  it('Delete is for whoever reacted this time (not the first asker), and removes the repost alone', async () => {
    const { delete: remove } = buttonsOf(repost);
    expect(await press(carol, repost, remove)).toEqual([t('en', 'moderation.press.deleteRefused')]);
    expect(await press(rig.fake.users.alice, repost, remove)).toEqual([
      t('en', 'moderation.press.deleteRefused'),
    ]);
    expect(rig.fake.world.messagePayload(repost.id)).toBeDefined();
    expect(await press(bob, repost, remove)).toEqual([]);
    expect(rig.fake.world.messagePayload(repost.id)).toBeUndefined();
    expect(rig.fake.world.messagePayload(first.id)).toBeDefined();
  });
});

describe('the private answer to /bitmind check private:true', () => {
  let answer: APIMessage;

  it('has Recheck and Wrong result?, and no Delete: its reader dismisses it', async () => {
    const { fake } = rig;
    const interaction = fake.slashCommand({
      channelId: fake.channels.general.id,
      user: bob,
      name: 'bitmind',
      path: ['check'],
      options: { media: pngFile('secret.png', 0.91), private: true },
    });
    await fake.interactionAnswer(interaction);
    await rig.settled();
    expect(interaction.ephemeral).toBe(true);
    answer = interaction.original!;
    expect(answer.flags).toBe(64);
    const [recheck, feedback, ...more] = buttonIds(answer);
    expect(recheck).toMatch(/^bm:r:[0-9a-f-]{36}$/);
    expect(feedback).toBe(`bm:w:${recheck!.slice('bm:r:'.length)}`);
    expect(more).toEqual([]);
  });

  it('Recheck by the asker asks BitMind again and edits the private answer', async () => {
    const before = { calls: simCalls(), edits: edits() };
    const [recheck] = buttonIds(answer);
    expect(await press(bob, answer, recheck!)).toEqual([]);
    expect(simCalls()).toBe(before.calls + 1);
    expect(edits()).toBe(before.edits + 1);
    const now = rig.fake.world.messagePayload(answer.id)!;
    expect(now.flags).toBe(64);
    expect(now.embeds[0]?.title).toContain('Strong evidence of AI generation');
    expect(buttonIds(now)).toEqual(buttonIds(answer));
  });

  it('Wrong result? is thanked, and a Delete made up for it is refused', async () => {
    const [recheck, feedback] = buttonIds(answer);
    expect(await press(bob, answer, feedback!)).toEqual([t('en', 'moderation.press.feedbackThanks')]);
    const madeUp = recheck!.replace('bm:r:', 'bm:d:');
    expect(await press(bob, answer, madeUp)).toEqual([t('en', 'moderation.press.deleteRefused')]);
    expect(rig.fake.world.messagePayload(answer.id)).toBeDefined();
  });
});
