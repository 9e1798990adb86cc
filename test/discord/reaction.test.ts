import type { APIMessage } from 'discord.js';
import type { ReplyPlan } from '../../src/pipeline/plan.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeFile } from '../fakes/discord/index.js';
import { pngScored, startDiscordRig, type DiscordRig } from './rig.js';

let rig: DiscordRig;
beforeAll(async () => {
  rig = await startDiscordRig();
});
afterAll(() => rig.close());

const photo = (score: number, name = 'photo.png'): FakeFile => ({
  name,
  bytes: pngScored(score),
  contentType: 'image/png',
});

/** The one answer to a message, as it stands once the bot is idle; none, or a second, fails the test. */
async function replyTo(message: APIMessage): Promise<APIMessage> {
  await rig.settled();
  const answers = rig.fake.answersTo(message.id);
  expect(answers).toHaveLength(1);
  return answers[0]!;
}

/** The plans decided while `act` ran and until the bot was idle again. */
async function plansOf(act: () => void): Promise<ReplyPlan[]> {
  await rig.settled();
  const before = rig.plans.length;
  act();
  await rig.settled();
  return rig.plans.slice(before).map((p) => p.plan);
}

function cdnCalls(name: string) {
  return rig.fake.calls.filter((c) => c.path.startsWith('/attachments/') && c.path.endsWith(`/${name}`));
}

describe('the 🔍 reaction', () => {
  it('on an uncached message: fetches it, says "Checking…", then edits in the verdict', async () => {
    const { fake } = rig;
    const channelId = fake.channels.general.id;
    // Stored but never dispatched: the client has not seen it, so the reaction arrives as a partial.
    const message = fake.postMessage({
      channelId,
      author: fake.users.alice,
      files: [photo(0.66)],
      dispatch: false,
    });
    fake.react({ channelId, messageId: message.id, user: fake.users.moderator, emoji: '🔍' });
    const reply = await replyTo(message);
    expect(fake.callsTo('GET', new RegExp(`^/channels/${channelId}/messages/${message.id}$`))).toHaveLength(
      1,
    );
    expect(JSON.stringify(reply.embeds)).toContain('66%');
    expect(JSON.stringify(reply.embeds)).toContain(`<@${fake.users.moderator.id}>`);
    expect(JSON.stringify(reply.embeds)).toContain('with 🔍');
    expect((fake.repliesTo(message.id)[0]!.body as { content: string }).content).toBe('Checking 1 file…');
  });

  it('a verdict is posted again once within the hour for another person, then not again', async () => {
    const { fake } = rig;
    const channelId = fake.channels.general.id;
    const message = fake.postMessage({ channelId, author: fake.users.alice, files: [photo(0.67)] });
    const first = await plansOf(() =>
      fake.react({ channelId, messageId: message.id, user: fake.users.moderator, emoji: '🔍' }),
    );
    expect(first).toMatchObject([
      { kind: 'reply', placeholder: true, body: { kind: 'report', repeat: false } },
    ]);
    const second = await plansOf(() =>
      fake.react({ channelId, messageId: message.id, user: fake.users.alice, emoji: '🔍' }),
    );
    expect(second).toMatchObject([
      { kind: 'reply', placeholder: false, body: { kind: 'report', repeat: true } },
    ]);
    const third = await plansOf(() =>
      fake.react({ channelId, messageId: message.id, user: fake.users.moderator, emoji: '🔍' }),
    );
    expect(third).toEqual([{ kind: 'nothing', reason: 'answered' }]);
    const answers = fake.answersTo(message.id);
    expect(answers).toHaveLength(2);
    expect(JSON.stringify(answers[1]!.embeds)).toContain('67%');
    expect(JSON.stringify(answers[1]!.embeds)).toContain('this is that answer again');
  });

  it('after a failure (BitMind down), the same person reacting again gets a new attempt', async () => {
    const { fake, core } = rig;
    const channelId = fake.channels.general.id;
    const message = fake.postMessage({
      channelId,
      author: fake.users.alice,
      files: [photo(0.71, 'retry.png')],
    });
    core.sim.setFaults({ errorRate: 1 });
    try {
      await plansOf(() =>
        fake.react({ channelId, messageId: message.id, user: fake.users.alice, emoji: '🔍' }),
      );
    } finally {
      core.sim.setFaults({ errorRate: 0 });
    }
    expect(JSON.stringify(fake.answersTo(message.id)[0]!.embeds)).toContain('Could not check');
    const retry = await plansOf(() =>
      fake.react({ channelId, messageId: message.id, user: fake.users.alice, emoji: '🔍' }),
    );
    expect(retry).toMatchObject([
      { kind: 'reply', placeholder: true, body: { kind: 'report', repeat: false } },
    ]);
    expect(JSON.stringify(fake.answersTo(message.id)[1]!.embeds)).toContain('71%');
  });

  it('a message without media, or deleted, gets no answer at all', async () => {
    const { fake } = rig;
    const channelId = fake.channels.general.id;
    const words = fake.postMessage({ channelId, author: fake.users.alice, content: 'no pictures here' });
    expect(
      await plansOf(() =>
        fake.react({ channelId, messageId: words.id, user: fake.users.alice, emoji: '🔍' }),
      ),
    ).toEqual([{ kind: 'nothing', reason: 'no_media' }]);
    const gone = fake.postMessage({ channelId, author: fake.users.alice, files: [photo(0.5)] });
    fake.world.deleteMessage(gone.id);
    expect(
      await plansOf(() => fake.react({ channelId, messageId: gone.id, user: fake.users.alice, emoji: '🔍' })),
    ).toEqual([{ kind: 'nothing', reason: 'no_media' }]);
    expect(fake.repliesTo(words.id)).toHaveLength(0);
    expect(fake.repliesTo(gone.id)).toHaveLength(0);
  });

  it('ignores other emoji and reactions by bots', async () => {
    const { fake } = rig;
    const channelId = fake.channels.general.id;
    const message = fake.postMessage({ channelId, author: fake.users.alice, files: [photo(0.5)] });
    const plans = await plansOf(() => {
      fake.react({ channelId, messageId: message.id, user: fake.users.alice, emoji: '👍' });
      fake.react({ channelId, messageId: message.id, user: fake.users.otherBot, emoji: '🔍' });
      fake.react({ channelId, messageId: message.id, user: fake.world.bot, emoji: '🔍' });
    });
    // The bot's and other bots' reactions never reach the pipeline; 👍 is not the trigger here.
    expect(plans).toEqual([{ kind: 'nothing', reason: 'not_trigger_reaction' }]);
    expect(fake.repliesTo(message.id)).toHaveLength(0);
  });

  it.each([403, 404] as const)(
    'the message command and auto-scan refresh an expired attachment URL (CDN %i) by fetching the message again',
    async (status) => {
      const { fake } = rig;
      const channelId = fake.channels.random.id;
      const name = `expiring-${status}.png`;
      const message = fake.postMessage({
        channelId,
        author: fake.users.alice,
        files: [photo(0.88, name)],
        dispatch: false,
      });
      // The resolved message carries the URL as dispatched; that URL then expires.
      const interaction = fake.messageCommand({
        channelId,
        user: fake.users.alice,
        name: 'Check with BitMind',
        messageId: message.id,
        staleWith: status,
      });
      await rig.settled();
      const edit = fake.interactionCalls(interaction).find((c) => c.method === 'PATCH')!;
      expect(JSON.stringify(edit.body)).toContain('88%');
      expect(cdnCalls(name).map((c) => c.status)).toEqual([status, 200]);
      expect(cdnCalls(name)[0]!.query.hm).not.toBe(cdnCalls(name)[1]!.query.hm);
      expect(fake.callsTo('GET', new RegExp(`/messages/${message.id}$`))).toHaveLength(1);
      // The signed query string is in neither the answer nor the logs.
      expect(JSON.stringify(edit.body)).not.toContain('hm=');
      expect(rig.logLines.join('\n')).not.toContain(cdnCalls(name)[0]!.query.hm);
    },
  );

  it('a reaction reads the message anew, so its attachment URLs are fresh', async () => {
    const { fake } = rig;
    const channelId = fake.channels.random.id;
    const message = fake.postMessage({
      channelId,
      author: fake.users.alice,
      files: [photo(0.81, 'fresh.png')],
    });
    fake.expireAttachmentUrls(404);
    fake.react({ channelId, messageId: message.id, user: fake.users.alice, emoji: '🔍' });
    const reply = await replyTo(message);
    expect(JSON.stringify(reply.embeds)).toContain('81%');
    expect(cdnCalls('fresh.png').map((c) => c.status)).toEqual([200]);
  });
});
