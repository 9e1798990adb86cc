import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRecord, OptionValue } from '../fakes/discord/index.js';
import { plainText } from '../helpers/media-samples.js';
import { waitFor } from '../helpers/wait.js';
import { pngScored, startDiscordRig, type DiscordRig } from './rig.js';

let rig: DiscordRig;
beforeAll(async () => {
  // Links are guarded as in production: loopback and private addresses are refused.
  rig = await startDiscordRig({ ALLOW_PRIVATE_URLS: 'false' });
});
afterAll(() => rig.close());

function check(options: Record<string, OptionValue>): InteractionRecord {
  const { fake } = rig;
  return fake.slashCommand({
    channelId: fake.channels.general.id,
    user: fake.users.alice,
    name: 'bitmind',
    path: ['check'],
    options,
  });
}

/** The single answer of an interaction, as text; fails if it was answered more than once. */
async function answer(interaction: InteractionRecord): Promise<string> {
  const body = await rig.fake.interactionAnswer(interaction);
  expect(rig.fake.interactionCalls(interaction).map((c) => c.method)).toEqual(['POST', 'PATCH']);
  return `${body.content ?? ''}\n${JSON.stringify(body.embeds ?? [])}`;
}

describe('clear errors, one answer each', () => {
  it('an unsupported file', async () => {
    const text = await answer(
      check({ media: { name: 'notes.png', bytes: plainText(), contentType: 'image/png' } }),
    );
    expect(text).toContain('Could not check');
    expect(text).toContain('notes.png');
    expect(text).not.toMatch(/\d+%/);
  });

  it('a file too large, refused from the size Discord gives, before any download', async () => {
    const name = 'huge.mp4';
    const text = await answer(
      check({ media: { name, bytes: pngScored(0.5), contentType: 'video/mp4', size: 900 * 1024 * 1024 } }),
    );
    expect(text).toContain('Could not check');
    expect(text).toMatch(/large|MB/i);
    expect(rig.fake.calls.filter((c) => c.path.endsWith(`/${name}`))).toHaveLength(0);
  });

  it('a blocked link (loopback), without fetching it', async () => {
    const text = await answer(check({ url: 'http://127.0.0.1:9/secret.png?token=abc' }));
    expect(text).toContain('not allowed');
    expect(text).not.toContain('token=abc');
  });

  it('an embed pointing at a private address: the same refusal, without fetching it', async () => {
    const { fake } = rig;
    const url = 'http://127.0.0.1:9/inside.png?token=abc';
    const message = fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      embeds: [{ url, thumbnail: { url } }],
    });
    const text = await answer(
      fake.messageCommand({
        channelId: fake.channels.general.id,
        user: fake.users.alice,
        name: 'Check with BitMind',
        messageId: message.id,
      }),
    );
    expect(text).toContain('not allowed');
    expect(text).not.toContain('token=abc');
  });

  it('BitMind answering 5xx to everything: one clear error; the next check works', async () => {
    rig.core.sim.setFaults({ errorRate: 1 });
    try {
      const text = await answer(
        check({ media: { name: 'a.png', bytes: pngScored(0.42), contentType: 'image/png' } }),
      );
      expect(text).toContain('Could not check');
      expect(text).not.toContain('42%');
      expect(text).not.toMatch(/\n\s+at /);
    } finally {
      rig.core.sim.setFaults({ errorRate: 0 });
    }
    const next = await answer(
      check({ media: { name: 'b.png', bytes: pngScored(0.43), contentType: 'image/png' } }),
    );
    expect(next).toContain('43%');
  });

  it('an exception in the core becomes an apology, never its details', async () => {
    const { core } = rig;
    const original = core.checker.check.bind(core.checker);
    core.checker.check = () => Promise.reject(new Error('internal detail at /srv/secret/path'));
    try {
      const text = await answer(
        check({ media: { name: 'c.png', bytes: pngScored(0.5), contentType: 'image/png' } }),
      );
      expect(text).toMatch(/Something went wrong/);
      expect(text).not.toContain('/srv/secret/path');
    } finally {
      core.checker.check = original;
    }
  });

  it('a 500 from Discord on the answer is retried, and the answer still arrives once', async () => {
    const { fake } = rig;
    fake.rest.failNext({ method: 'PATCH', path: /^\/webhooks\//, status: 500 });
    const interaction = check({ media: { name: 'd.png', bytes: pngScored(0.61), contentType: 'image/png' } });
    const edit = await waitFor(() =>
      fake.interactionCalls(interaction).find((c) => c.method === 'PATCH' && c.status === 200),
    );
    const patches = fake.interactionCalls(interaction).filter((c) => c.method === 'PATCH');
    expect(patches.map((c) => c.status)).toEqual([500, 200]);
    expect(JSON.stringify(edit.body)).toContain('61%');
  });
});
