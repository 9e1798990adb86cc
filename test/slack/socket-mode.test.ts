import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERIFICATION_TOKEN } from '../fakes/slack/index.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { waitFor } from '../helpers/wait.js';
import { blockText, finalReply, pngScored, startSlackRig, type SlackRig } from './rig.js';

failOnStrayErrors();

describe('Slack adapter in Socket Mode (real Bolt over a WebSocket fake, BitMind simulator)', () => {
  let rig: SlackRig;

  beforeAll(async () => {
    rig = await startSlackRig({ mode: 'socket' });
  });

  afterAll(async () => {
    await rig?.close();
  });

  const general = () => rig.slack.channels.general;
  const alice = () => rig.slack.users.alice.id;

  it('connects with the app token through apps.connections.open and is ready', () => {
    const open = rig.slack.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.headers.authorization).toBe(`Bearer ${rig.slack.appToken}`);
    expect(rig.adapter.isReady()).toBe(true);
  });

  it('acks a shortcut envelope and answers in the thread with the verdict', async () => {
    const { slack } = rig;
    const file = slack.addFile({ name: 'socket.png', mimetype: 'image/png', bytes: pngScored(0.86) });
    const message = slack.postMessage({ channel: general(), user: alice(), files: [file] });
    const delivered = await slack.shortcut({ user: alice(), channel: general(), message });
    expect(delivered.ack).toEqual({});
    expect(blockText(await finalReply(slack, general(), message.ts))).toContain('86%');
  });

  it('acks /bitmind check and answers in the thread of the latest message with media', async () => {
    const { slack } = rig;
    const file = slack.addFile({ name: 'cmd.png', mimetype: 'image/png', bytes: pngScored(0.33) });
    const message = slack.postMessage({ channel: general(), user: alice(), files: [file] });
    const delivered = await slack.command({ user: alice(), channel: general(), text: 'check' });
    expect(delivered.ack).toEqual({});
    expect(blockText(await finalReply(slack, general(), message.ts))).toContain('33%');
  });

  it('does not reply twice to a redelivered envelope or a retried event', async () => {
    const { slack } = rig;
    const file = slack.addFile({ name: 'twice.png', mimetype: 'image/png', bytes: pngScored(0.77) });
    const message = slack.postMessage({ channel: general(), user: alice(), files: [file] });
    const first = await slack.react({ user: alice(), channel: general(), ts: message.ts, reaction: 'mag' });
    await finalReply(slack, general(), message.ts);

    // Slack resends an envelope it thinks was not acknowledged, and retries events with a new envelope.
    const again = await slack.react(
      { user: alice(), channel: general(), ts: message.ts, reaction: 'mag' },
      { envelopeId: first.envelopeId, eventId: first.id },
    );
    const retried = await slack.react(
      { user: alice(), channel: general(), ts: message.ts, reaction: 'mag' },
      { eventId: first.id, retryNum: 1 },
    );
    expect(again.ack).toEqual({});
    expect(retried.ack).toEqual({});
    const shortcut = await slack.shortcut({ user: alice(), channel: general(), message });
    await waitFor(() => slack.threadReplies(general(), message.ts).length === 2, {
      what: 'the shortcut reply',
    });
    await slack.shortcut({ user: alice(), channel: general(), message }, { envelopeId: shortcut.envelopeId });
    await rig.idle();
    expect(slack.threadReplies(general(), message.ts)).toHaveLength(2);
  });

  it('survives frames that are not envelopes (null, lists, a payload of null): logged, acked, and the next is answered', async () => {
    const { slack, core } = rig;
    const logged = core.logLines.length;
    for (const frame of ['null', '[]', '42', '"hello"', '{"type":null}']) slack.socket.sendRaw(frame);
    for (const [i, payload] of ['null', '[1,2]', '"x"', '7'].entries()) {
      const id = `fake-malformed-${i}`;
      slack.socket.sendRaw(
        `{"envelope_id":"${id}","type":"events_api","accepts_response_payload":false,"payload":${payload}}`,
      );
      // Acknowledged, so Slack does not send it again; never handed to Bolt.
      expect(await slack.socket.waitForAck(id)).toEqual({});
    }
    const warned = core.logLines.slice(logged).filter((l) => l.includes('Socket Mode frame not readable'));
    expect(warned.length).toBeGreaterThanOrEqual(5);
    expect(
      core.logLines.slice(logged).filter((l) => (JSON.parse(l) as { level: number }).level >= 50),
    ).toEqual([]);

    const file = slack.addFile({ name: 'after-junk.png', mimetype: 'image/png', bytes: pngScored(0.44) });
    const message = slack.postMessage({ channel: general(), user: alice(), files: [file] });
    expect((await slack.shortcut({ user: alice(), channel: general(), message })).ack).toEqual({});
    expect(blockText(await finalReply(slack, general(), message.ts))).toContain('44%');
  });

  it('reconnects when Slack asks, and keeps answering', async () => {
    const { slack } = rig;
    slack.socket.requestReconnect();
    // The Socket Mode client waits its ping timeout (5 s) before reconnecting.
    await waitFor(() => slack.socket.connectionCount >= 2 && slack.socket.connected, {
      what: 'the reconnection',
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    const file = slack.addFile({
      name: 'after-reconnect.png',
      mimetype: 'image/png',
      bytes: pngScored(0.15),
    });
    const message = slack.postMessage({ channel: general(), user: alice(), files: [file] });
    await slack.shortcut({ user: alice(), channel: general(), message });
    expect(blockText(await finalReply(slack, general(), message.ts))).toContain('15%');
  });

  it('never wrote the app token, the bot token or the verification token to the log', () => {
    const log = rig.core.logLines.join('\n');
    expect(log).toContain('Slack adapter started');
    // Bolt logs whole envelopes at debug level: the payload's token is there, redacted.
    expect(log).toContain('\\"token\\":\\"[redacted]\\"');
    for (const secret of [rig.slack.appToken, rig.slack.botToken, VERIFICATION_TOKEN])
      expect(log).not.toContain(secret);
  });

  it('stops: disconnects, and is no longer ready', async () => {
    await rig.adapter.stop();
    expect(rig.adapter.isReady()).toBe(false);
    await waitFor(() => !rig.slack.socket.connected, { what: 'the disconnection' });
  });
});
