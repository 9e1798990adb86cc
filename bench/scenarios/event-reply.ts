import { randomBytes } from 'node:crypto';
import { startDiscordRig } from '../../test/discord/rig.js';
import { png } from '../../test/helpers/media-samples.js';
import { waitFor } from '../../test/helpers/wait.js';
import { finalReply, startSlackRig } from '../../test/slack/rig.js';
import { ms, type Row, type Scale, type ScenarioResult } from '../lib/result.js';
import { spread, type Spread } from '../lib/stats.js';

const LATENCY_MS = 40;
const QUIET = { LOG_LEVEL: 'warn' };
const PLACEHOLDER = /^Checking \d+ files?…$/;

/** A small real PNG with random trailing bytes: every event's image is new to the cache. */
const distinctPng = (): Buffer => Buffer.concat([png(), randomBytes(2048)]);

/**
 * Scenario 5: from the platform sending an event to the bot's final reply arriving back at the
 * platform, through the real adapters on the real core, with fakes of Slack (HTTP mode, signed
 * requests) and Discord (gateway and REST) on loopback and the simulator answering in 40 ms.
 * Auto-scan in mode `all` replies to every message with one image. Arrival: one event at a time,
 * the next sent when the previous reply has arrived (a closed loop), so each latency is the bot's
 * own work and not time queued behind other events.
 */
export async function eventToReply(scale: Scale): Promise<ScenarioResult> {
  const events = scale.quick ? 20 : 300;
  const warmup = scale.quick ? 3 : 10;
  const slack = await slackLatencies(events, warmup);
  const discord = await discordLatencies(events, warmup);
  const row = (platform: string, s: Spread): Row => ({
    measure: `${platform}: event to final reply, p50 / p95 / p99 (${s.n} events)`,
    bot: `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.p99)}`,
    baseline: `simulator alone: ${LATENCY_MS} ms`,
    ratio: '',
    target: 'p99 < 100 ms',
    met: s.p99 < 100,
  });
  return {
    id: 'event-to-reply',
    title: '5. Event to reply',
    settings: {
      events,
      warmup,
      latencyMs: LATENCY_MS,
      arrival: 'closed loop: one event at a time',
      autoscan: 'mode all',
    },
    measured: { slack, discord },
    rows: [row('Slack (HTTP mode)', slack), row('Discord (gateway)', discord)],
  };
}

async function slackLatencies(events: number, warmup: number): Promise<Spread> {
  const rig = await startSlackRig({
    mode: 'http',
    env: { ...QUIET, AUTOSCAN_CHANNELS: 'slack:C0GENERAL=all' },
  });
  try {
    rig.core.sim.setFaults({ latencyMs: LATENCY_MS });
    const { slack } = rig;
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
  } finally {
    await rig.close();
  }
}

async function discordLatencies(events: number, warmup: number): Promise<Spread> {
  const rig = await startDiscordRig(QUIET);
  try {
    await rig.restart({ AUTOSCAN_CHANNELS: `discord:${rig.fake.channels.general.id}=all` });
    rig.core.sim.setFaults({ latencyMs: LATENCY_MS });
    const { fake } = rig;
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
  } finally {
    await rig.close();
  }
}
