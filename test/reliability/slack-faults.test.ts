import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../fakes/slack/index.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { waitFor } from '../helpers/wait.js';
import { blockText, finalReply, startSlackRig, type SlackRig } from '../slack/rig.js';
import { uniqueScoredPng } from './support.js';

failOnStrayErrors();

let rig: SlackRig;
beforeAll(async () => {
  rig = await startSlackRig({ mode: 'socket' });
});
afterAll(() => rig?.close());

const general = () => rig.slack.channels.general;

/** A person shares an image and asks the bot about it (message shortcut, over Socket Mode). */
async function trigger(score: number): Promise<StoredMessage> {
  const { slack } = rig;
  const file = slack.addFile({ name: 'photo.png', mimetype: 'image/png', bytes: uniqueScoredPng(score) });
  const message = slack.postMessage({ channel: general(), user: slack.users.alice.id, files: [file] });
  await slack.shortcut({ user: slack.users.alice.id, channel: general(), message });
  return message;
}

/** The invariant: one reply in the thread, final, carrying the true score; nothing more comes. */
async function expectOneTrueReply(message: StoredMessage, score: number): Promise<void> {
  const reply = await finalReply(rig.slack, general(), message.ts, 15_000);
  expect(blockText(reply)).toContain(`${Math.round(score * 100)}%`);
  await rig.idle();
  expect(rig.slack.threadReplies(general(), message.ts)).toHaveLength(1);
}

async function waitForReconnection(connectionsBefore: number): Promise<void> {
  await waitFor(() => rig.slack.socket.connectionCount > connectionsBefore && rig.slack.socket.connected, {
    what: 'Socket Mode to reconnect',
    timeoutMs: 15_000,
    intervalMs: 50,
  });
}

describe('Slack faults (real Bolt in Socket Mode against the fake Slack)', () => {
  it('chat.postMessage and chat.update answering 429 with Retry-After: the reply still comes, once', async () => {
    const { slack } = rig;
    slack.web.rateLimitNext('chat.postMessage', { retryAfterSeconds: 1 });
    slack.web.rateLimitNext('chat.update', { retryAfterSeconds: 1 });
    const message = await trigger(0.58);
    await expectOneTrueReply(message, 0.58);
    const statuses = (method: string) =>
      slack
        .callsTo(method)
        .filter((c) => c.args.channel === general())
        .slice(-2)
        .map((c) => c.status);
    expect(statuses('chat.postMessage')).toEqual([429, 200]);
    expect(statuses('chat.update')).toEqual([429, 200]);
  });

  it('a `disconnect` message while a check is in flight: the reply arrives once, and the bot reconnects and carries on', async () => {
    const { slack, core } = rig;
    core.sim.setFaults({ latencyMs: 1500 });
    const before = slack.socket.connectionCount;
    const inFlight = await trigger(0.31);
    slack.socket.requestReconnect();
    try {
      await expectOneTrueReply(inFlight, 0.31);
    } finally {
      core.sim.setFaults({ latencyMs: 0 });
    }
    await waitForReconnection(before);
    await expectOneTrueReply(await trigger(0.32), 0.32);
  });

  it('a dropped socket while a check is in flight: the reply arrives once, and the bot reconnects and carries on', async () => {
    const { slack, core } = rig;
    core.sim.setFaults({ latencyMs: 1000 });
    const before = slack.socket.connectionCount;
    const inFlight = await trigger(0.47);
    slack.socket.dropConnections();
    try {
      await expectOneTrueReply(inFlight, 0.47);
    } finally {
      core.sim.setFaults({ latencyMs: 0 });
    }
    await waitForReconnection(before);
    await expectOneTrueReply(await trigger(0.48), 0.48);
    expect(rig.adapter.isReady()).toBe(true);
  });

  it('BitMind failing under a Slack trigger: one clear error reply, then verdicts again', async () => {
    const { core } = rig;
    core.sim.setFaults({ errorRate: 1 });
    let message: StoredMessage;
    try {
      message = await trigger(0.66);
      const reply = await finalReply(rig.slack, general(), message.ts, 15_000);
      expect(blockText(reply)).not.toContain('66%');
      expect(blockText(reply)).toMatch(/could not|try again/i);
    } finally {
      core.sim.setFaults({ errorRate: 0 });
    }
    await rig.idle();
    expect(rig.slack.threadReplies(general(), message.ts)).toHaveLength(1);
    await expectOneTrueReply(await trigger(0.67), 0.67);
  });
});
