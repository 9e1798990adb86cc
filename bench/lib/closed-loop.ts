import { randomBytes } from 'node:crypto';
import type { FakeDiscord } from '../../test/fakes/discord/index.js';
import type { FakeSlack } from '../../test/fakes/slack/index.js';
import { png } from '../../test/helpers/media-samples.js';
import { waitFor } from '../../test/helpers/wait.js';
import { finalReply } from '../../test/slack/rig.js';
import { spread, type Spread } from './stats.js';

const PLACEHOLDER = /^Checking \d+ files?…$/;

/** A small real PNG with random trailing bytes: every event's image is new to the cache. */
const distinctPng = (): Buffer => Buffer.concat([png(), randomBytes(2048)]);

/**
 * Event to final reply through the fake Slack, in a closed loop: one message with one image in
 * #general at a time, the next sent when the previous one's final reply has arrived, so each latency
 * is the bot's own work and not time queued behind other events. The bot must auto-scan #general in
 * mode `all`; the first `warmup` events are not counted.
 */
export async function slackClosedLoop(slack: FakeSlack, events: number, warmup: number): Promise<Spread> {
  const channel = slack.channels.general;
  const latencies: number[] = [];
  for (let i = 0; i < warmup + events; i++) {
    const file = slack.addFile({ name: `photo-${i}.png`, mimetype: 'image/png', bytes: distinctPng() });
    const before = slack.calls.length;
    const sent = Date.now();
    const { message } = await slack.shareFiles({ channel, user: slack.users.alice.id, files: [file] });
    await finalReply(slack, channel, message.ts, 10_000);
    // The reply's arrival as the fake recorded it: the last post or update of the thread.
    const reply = slack.calls
      .slice(before)
      .findLast((c) => c.method === 'chat.update' || c.method === 'chat.postMessage');
    if (!reply) throw new Error('no reply was recorded');
    if (i >= warmup) latencies.push(reply.at - sent);
  }
  return spread(latencies);
}

/** The same closed loop through the fake Discord's gateway, in its #general. */
export async function discordClosedLoop(fake: FakeDiscord, events: number, warmup: number): Promise<Spread> {
  const latencies: number[] = [];
  for (let i = 0; i < warmup + events; i++) {
    const before = fake.calls.length;
    const sent = performance.now();
    const message = fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      files: [{ name: `photo-${i}.png`, bytes: distinctPng(), contentType: 'image/png' }],
    });
    // The final answer, not the "Checking 1 file…" placeholder it replaces.
    await waitFor(() => fake.answersTo(message.id).some((m) => !PLACEHOLDER.test(m.content)), {
      timeoutMs: 10_000,
      intervalMs: 1,
      what: `the answer to message ${i}`,
    });
    // Its arrival as the fake recorded it: the last post or edit of a message since the event.
    const reply = fake.calls
      .slice(before)
      .findLast(
        (c) => (c.method === 'POST' || c.method === 'PATCH') && /^\/channels\/\d+\/messages/.test(c.path),
      );
    if (!reply) throw new Error('no reply was recorded');
    if (i >= warmup) latencies.push(reply.at - sent);
  }
  return spread(latencies);
}
