import { startDiscordRig } from '../../test/discord/rig.js';
import { startSlackRig } from '../../test/slack/rig.js';
import { discordClosedLoop, slackClosedLoop } from '../lib/closed-loop.js';
import { ms, type Row, type Scale, type ScenarioResult } from '../lib/result.js';
import type { Spread } from '../lib/stats.js';

const LATENCY_MS = 40;
const QUIET = { LOG_LEVEL: 'warn' };

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
    return await slackClosedLoop(rig.slack, events, warmup);
  } finally {
    await rig.close();
  }
}

async function discordLatencies(events: number, warmup: number): Promise<Spread> {
  const rig = await startDiscordRig(QUIET);
  try {
    await rig.restart({ AUTOSCAN_CHANNELS: `discord:${rig.fake.channels.general.id}=all` });
    rig.core.sim.setFaults({ latencyMs: LATENCY_MS });
    return await discordClosedLoop(rig.fake, events, warmup);
  } finally {
    await rig.close();
  }
}
