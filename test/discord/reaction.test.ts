import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeFile } from '../fakes/discord/index.js';
import { waitFor } from '../helpers/wait.js';
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

async function replyTo(message: APIMessage): Promise<Partial<APIMessage>> {
  const [reply] = await waitFor(
    () => rig.fake.repliesTo(message.id).length > 0 && rig.fake.repliesTo(message.id),
    {
      what: 'a reply',
    },
  );
  return reply!.body as Partial<APIMessage>;
}

function cdnCalls(name: string) {
  return rig.fake.calls.filter((c) => c.path.startsWith('/attachments/') && c.path.endsWith(`/${name}`));
}

describe('the 🔍 reaction', () => {
  it('on an uncached message: fetches it, checks it, and replies once; a second 🔍 does not reply again', async () => {
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

    fake.react({ channelId, messageId: message.id, user: fake.users.alice, emoji: '🔍' });
    // Another message's answer proves the second reaction was handled (events are handled in order).
    const later = fake.postMessage({ channelId, author: fake.users.alice, files: [photo(0.3)] });
    fake.react({ channelId, messageId: later.id, user: fake.users.alice, emoji: '🔍' });
    await replyTo(later);
    expect(fake.repliesTo(message.id)).toHaveLength(1);
  });

  it('ignores other emoji and reactions by bots', async () => {
    const { fake } = rig;
    const channelId = fake.channels.general.id;
    const message = fake.postMessage({ channelId, author: fake.users.alice, files: [photo(0.5)] });
    fake.react({ channelId, messageId: message.id, user: fake.users.alice, emoji: '👍' });
    fake.react({ channelId, messageId: message.id, user: fake.users.otherBot, emoji: '🔍' });
    const later = fake.postMessage({ channelId, author: fake.users.alice, files: [photo(0.4)] });
    fake.react({ channelId, messageId: later.id, user: fake.users.alice, emoji: '🔍' });
    await replyTo(later);
    expect(fake.repliesTo(message.id)).toHaveLength(0);
  });

  it.each([403, 404] as const)(
    'refreshes an expired attachment URL (CDN %i) by fetching the message again, and checks it',
    async (status) => {
      const { fake } = rig;
      const channelId = fake.channels.random.id;
      const name = `expiring-${status}.png`;
      const message = fake.postMessage({ channelId, author: fake.users.alice, files: [photo(0.88, name)] });
      // The client caches the message with its URL as dispatched; that URL then expires.
      fake.expireAttachmentUrls(status);
      fake.react({ channelId, messageId: message.id, user: fake.users.alice, emoji: '🔍' });
      const reply = await replyTo(message);
      expect(JSON.stringify(reply.embeds)).toContain('88%');
      expect(cdnCalls(name).map((c) => c.status)).toEqual([status, 200]);
      expect(cdnCalls(name)[0]!.query.hm).not.toBe(cdnCalls(name)[1]!.query.hm);
      expect(fake.callsTo('GET', new RegExp(`/messages/${message.id}$`))).toHaveLength(1);
      // The signed query string is in neither the reply nor the logs.
      expect(JSON.stringify(reply)).not.toContain('hm=');
      expect(rig.logLines.join('\n')).not.toContain(cdnCalls(name)[0]!.query.hm);
    },
  );
});
