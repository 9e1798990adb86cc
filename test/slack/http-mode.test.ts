import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_API_METHODS } from '../../adapters/slack/index.js';
import { request } from 'undici';
import { signatureHeaders, VERIFICATION_TOKEN } from '../fakes/slack/index.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { waitFor } from '../helpers/wait.js';
import { blockText, finalReply, pngScored, startSlackRig, type SlackRig } from './rig.js';

failOnStrayErrors();

describe('Slack adapter in HTTP mode (signed requests, real Bolt, fake Slack, BitMind simulator)', () => {
  let rig: SlackRig;
  let foreign: Server;
  let foreignPort: number;
  const foreignRequests: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    rig = await startSlackRig({ mode: 'http' });
    // Stands for a file host that is not Slack's: it must never see the bot token (or any request).
    foreign = createServer((req, res) => {
      foreignRequests.push(req.headers);
      res.writeHead(200, { 'content-type': 'image/png' }).end(pngScored(0.5));
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    foreignPort = (foreign.address() as { port: number }).port;
  });

  afterAll(async () => {
    await rig?.close();
    await new Promise<void>((resolve) => (foreign ? foreign.close(() => resolve()) : resolve()));
  });

  const general = () => rig.slack.channels.general;
  const alice = () => rig.slack.users.alice.id;

  function shareQuietly(files: ReturnType<SlackRig['slack']['addFile']>[], threadTs?: string) {
    return rig.slack.postMessage({ channel: general(), user: alice(), files, threadTs });
  }

  it('answers the message shortcut in the thread: one placeholder, updated with every file’s verdict', async () => {
    const { slack } = rig;
    const files = [
      slack.addFile({ name: 'fake.png', mimetype: 'image/png', bytes: pngScored(0.93) }),
      slack.addFile({ name: 'real.png', mimetype: 'image/png', bytes: pngScored(0.12) }),
    ];
    const message = shareQuietly(files);
    const delivered = await slack.shortcut({ user: alice(), channel: general(), message });
    expect(delivered.status).toBe(200);

    const reply = await finalReply(slack, general(), message.ts);
    expect(slack.threadReplies(general(), message.ts)).toHaveLength(1);
    const placeholder = slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === message.ts);
    expect(placeholder?.args.text).toBe('Checking 2 files…');
    const text = blockText(reply);
    expect(text).toMatch(/fake\.png\*\n\*Strong evidence of AI generation\* · 93%/);
    expect(text).toMatch(/real\.png\*\n\*Little evidence of AI generation\* · 12%/);
    expect(text).toContain(`Requested by <@${alice()}>`);
    expect(text).toContain('SIMULATED');
    for (const download of slack.downloads.slice(-2)) {
      expect(download.headers.authorization).toBe(`Bearer ${slack.botToken}`);
    }
  });

  it('acknowledges /bitmind check before checking, then answers in the thread of the latest message with media', async () => {
    const { slack, core } = rig;
    const withMedia = shareQuietly([
      slack.addFile({ name: 'latest.png', mimetype: 'image/png', bytes: pngScored(0.7) }),
    ]);
    slack.postMessage({ channel: general(), user: alice(), text: 'just words, after the picture' });
    core.sim.setFaults({ latencyMs: 600 });
    try {
      const delivered = await slack.command({ user: alice(), channel: general(), text: 'check' });
      expect(delivered.status).toBe(200);
      // The ack came back while BitMind was still thinking: no result had been posted yet.
      expect(
        slack.threadReplies(general(), withMedia.ts).filter((m) => !m.text.startsWith('Checking')),
      ).toEqual([]);
      const reply = await finalReply(slack, general(), withMedia.ts);
      expect(blockText(reply)).toMatch(/latest\.png\*\n\*Some evidence of AI generation\* · 70%/);
    } finally {
      core.sim.setFaults({ latencyMs: 0 });
    }
    expect(slack.callsTo('conversations.history').at(-1)?.args).toMatchObject({
      channel: general(),
      limit: '20',
    });
  });

  it('checks a thread reply on the trigger reaction, and repeats the verdict once an hour at most', async () => {
    const { slack } = rig;
    const parent = slack.postMessage({ channel: general(), user: alice(), text: 'look at this' });
    const inThread = shareQuietly(
      [slack.addFile({ name: 'reply.png', mimetype: 'image/png', bytes: pngScored(0.88) })],
      parent.ts,
    );

    await slack.react({ user: alice(), channel: general(), ts: inThread.ts, reaction: 'mag' });
    const reply = await finalReply(slack, general(), parent.ts);
    expect(blockText(reply)).toContain('88%');
    expect(slack.callsTo('conversations.replies').at(-1)?.args).toMatchObject({
      channel: general(),
      ts: inThread.ts,
    });

    await slack.react({ user: slack.users.admin.id, channel: general(), ts: inThread.ts, reaction: 'mag' });
    await waitFor(() => slack.threadReplies(general(), parent.ts).length === 2, {
      what: 'the repeated verdict',
    });
    const repeat = slack.threadReplies(general(), parent.ts)[1]!;
    expect(blockText(repeat)).toMatch(/88% .* · cached/);
    expect(blockText(repeat)).toContain(`Requested by <@${slack.users.admin.id}>`);

    await slack.react({
      user: slack.users.otherBot.id,
      channel: general(),
      ts: inThread.ts,
      reaction: 'mag::skin-tone-3',
    });
    await rig.idle();
    expect(slack.threadReplies(general(), parent.ts)).toHaveLength(2);
  });

  it('ignores other reactions, and the trigger reaction on a message without media', async () => {
    const { slack } = rig;
    const picture = shareQuietly([
      slack.addFile({ name: 'x.png', mimetype: 'image/png', bytes: pngScored(0.3) }),
    ]);
    const words = slack.postMessage({ channel: general(), user: alice(), text: 'no media here' });
    const before = slack.calls.filter((c) => c.method.startsWith('chat.')).length;
    const mark = rig.planCount();
    expect(
      (await slack.react({ user: alice(), channel: general(), ts: picture.ts, reaction: 'thumbsup' })).status,
    ).toBe(200);
    expect(
      (await slack.react({ user: alice(), channel: general(), ts: words.ts, reaction: 'mag' })).status,
    ).toBe(200);
    await rig.idle();
    // Both decided, and both silent: no public reply, no private one (Discord's used to be public).
    expect(rig.plansSince(mark).map((p) => p.plan)).toEqual([
      { kind: 'nothing', reason: 'not_trigger_reaction' },
      { kind: 'nothing', reason: 'no_media' },
    ]);
    expect(slack.calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(before);
  });

  it('does not reply twice to an event Slack retries', async () => {
    const { slack } = rig;
    const message = shareQuietly([
      slack.addFile({ name: 'retry.png', mimetype: 'image/png', bytes: pngScored(0.4) }),
    ]);
    const first = await slack.react({ user: alice(), channel: general(), ts: message.ts, reaction: 'mag' });
    await finalReply(slack, general(), message.ts);
    const retry = await slack.react(
      { user: alice(), channel: general(), ts: message.ts, reaction: 'mag' },
      { eventId: first.id, retryNum: 1 },
    );
    expect(retry.status).toBe(200);
    await rig.idle();
    expect(slack.threadReplies(general(), message.ts)).toHaveLength(1);
  });

  it.each([
    ['null', 'application/json'],
    ['[]', 'application/json'],
    ['42', 'application/json'],
    ['"event_callback"', 'application/json'],
    ['{"type":"event_callback","event_id":"Ev0NULL","event":null}', 'application/json'],
    ['{"type":7}', 'application/json'],
    ['payload=null', 'application/x-www-form-urlencoded'],
    ['payload=%5B%5D', 'application/x-www-form-urlencoded'],
  ])(
    'refuses a signed body Bolt cannot read (%s) with 400, logs it once, and keeps answering',
    async (body, type) => {
      const { slack, core } = rig;
      const logged = core.logLines.length;
      const post = (headers: Record<string, string>) =>
        request(rig.eventsUrl!, {
          method: 'POST',
          headers: { 'content-type': type, ...headers },
          body,
          headersTimeout: 5000,
          bodyTimeout: 5000,
        });
      const signed = await post(signatureHeaders(slack.signingSecret, body));
      expect(signed.statusCode).toBe(400);
      expect(await signed.body.text()).toBe('');
      // Unsigned, it is refused as any unsigned request is.
      const unsigned = await post(signatureHeaders('not-the-signing-secret', body));
      expect(unsigned.statusCode).toBe(401);
      await unsigned.body.text();
      await rig.idle();
      const lines = core.logLines.slice(logged);
      expect(lines.filter((l) => l.includes('Slack request body not readable'))).toHaveLength(1);
      expect(lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50)).toEqual([]);

      const message = shareQuietly([
        slack.addFile({ name: 'next.png', mimetype: 'image/png', bytes: pngScored(0.27) }),
      ]);
      await slack.shortcut({ user: alice(), channel: general(), message });
      expect(blockText(await finalReply(slack, general(), message.ts))).toContain('27%');
    },
  );

  it('retries a reaction after a BitMind outage: the retry makes a new attempt and gets the verdict', async () => {
    const { slack, core } = rig;
    const message = shareQuietly([
      slack.addFile({ name: 'retry-me.png', mimetype: 'image/png', bytes: pngScored(0.83) }),
    ]);
    core.sim.setFaults({ errorRate: 1 });
    try {
      await slack.react({ user: alice(), channel: general(), ts: message.ts, reaction: 'mag' });
      await rig.idle();
    } finally {
      core.sim.setFaults({ errorRate: 0 });
    }
    const [failed] = slack.threadReplies(general(), message.ts);
    expect(blockText(failed!)).toMatch(/retry-me\.png\*\nCould not check: /);
    const mark = rig.planCount();
    await slack.react({ user: slack.users.admin.id, channel: general(), ts: message.ts, reaction: 'mag' });
    await rig.idle();
    const replies = slack.threadReplies(general(), message.ts);
    expect(replies).toHaveLength(2);
    expect(blockText(replies[1]!)).toMatch(/retry-me\.png\*\n\*Some evidence of AI generation\* · 83%/);
    expect(blockText(replies[1]!)).not.toContain('cached');
    expect(rig.plansSince(mark).map((p) => p.plan.kind)).toEqual(['reply']);
    // Announced like any other reaction: a placeholder first, then the verdict in its place.
    expect(
      slack
        .callsTo('chat.postMessage')
        .filter((c) => c.args.thread_ts === message.ts)
        .map((c) => c.args.text),
    ).toEqual(['Checking 1 file…', 'Checking 1 file…']);
  });

  it('does nothing for a forged or a stale request', async () => {
    const { slack } = rig;
    const message = shareQuietly([
      slack.addFile({ name: 'forged.png', mimetype: 'image/png', bytes: pngScored(0.9) }),
    ]);
    const before = slack.calls.length;
    const forged = await slack.react(
      { user: alice(), channel: general(), ts: message.ts, reaction: 'mag' },
      { http: { signWith: 'not-the-signing-secret' } },
    );
    const stale = await slack.react(
      { user: alice(), channel: general(), ts: message.ts, reaction: 'mag' },
      { http: { timestamp: Math.floor(Date.now() / 1000) - 600 } },
    );
    expect([forged.status, stale.status]).toEqual([401, 401]);
    await rig.idle();
    expect(slack.calls.slice(before)).toEqual([]);
  });

  it('checks a link with /bitmind check <url>, and refuses a private address in plain words', async () => {
    const { slack } = rig;
    await slack.command({ user: alice(), channel: general(), text: 'check <http://127.0.0.1:9/secret.png>' });
    const update = await waitFor(
      () => slack.callsTo('chat.update').find((c) => blockText(c.args).includes('127.0.0.1:9/secret.png')),
      { what: 'the link verdict' },
    );
    const placeholder = slack
      .callsTo('chat.postMessage')
      .find(
        (c) =>
          c.args.ts === undefined && c.args.thread_ts === undefined && c.args.text === 'Checking 1 file…',
      );
    expect(placeholder?.args.channel).toBe(general());
    expect(blockText(update.args)).toMatch(
      /Could not check: That address is not allowed: 127\.0\.0\.1 is on a private or local network/,
    );
  });

  it('resolves a Slack file permalink with files.info and downloads it as a Slack file', async () => {
    const { slack } = rig;
    const file = slack.addFile({ name: 'linked.png', mimetype: 'image/png', bytes: pngScored(0.61) });
    shareQuietly([file]);
    await slack.command({ user: alice(), channel: general(), text: `check ${file.permalink}` });
    const update = await waitFor(
      () => slack.callsTo('chat.update').find((c) => blockText(c.args).includes('linked.png')),
      {
        what: 'the permalink verdict',
      },
    );
    expect(blockText(update.args)).toContain('61%');
    expect(slack.callsTo('files.info').at(-1)?.args.file).toBe(file.id);
  });

  it('reports a file Slack will not describe as that file’s error, not as silence', async () => {
    const { slack } = rig;
    const file = slack.addFile({ name: 'gone.png', mimetype: 'image/png', bytes: pngScored(0.5) });
    slack.web.failNext('files.info', 'file_not_found');
    await slack.command({ user: alice(), channel: general(), text: `check ${file.permalink}` });
    const update = await waitFor(
      () =>
        slack
          .callsTo('chat.update')
          .find((c) => blockText(c.args).includes('Slack would not share this file')),
      { what: 'the error reply' },
    );
    expect(blockText(update.args)).toContain(
      'Could not check: Slack would not share this file (file_not_found).',
    );
  });

  it('never sends the bot token to a file host that is not Slack’s', async () => {
    const { slack } = rig;
    const file = slack.addFile({
      name: 'elsewhere.png',
      mimetype: 'image/png',
      bytes: pngScored(0.5),
      downloadUrl: `http://localhost:${foreignPort}/elsewhere.png`,
    });
    const message = shareQuietly([file]);
    await slack.shortcut({ user: alice(), channel: general(), message });
    const reply = await finalReply(slack, general(), message.ts);
    expect(blockText(reply)).toContain(
      'Could not check: This file is not hosted by Slack, so it was not downloaded with the bot token.',
    );
    expect(foreignRequests.filter((h) => h.authorization !== undefined)).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('names the missing files:read scope when Slack answers a download with a sign-in page', async () => {
    const { slack } = rig;
    const message = shareQuietly([
      slack.addFile({ name: 'locked.png', mimetype: 'image/png', bytes: pngScored(0.5), servedAsHtml: true }),
    ]);
    await slack.shortcut({ user: alice(), channel: general(), message });
    expect(blockText(await finalReply(slack, general(), message.ts))).toMatch(
      /locked\.png\*\nCould not check: .*files:read scope/,
    );
  });

  it('refuses a file too large by its declared size, without downloading it', async () => {
    const { slack } = rig;
    const file = slack.addFile({
      name: 'huge.png',
      mimetype: 'image/png',
      bytes: pngScored(0.5),
      size: 600 * 1024 * 1024,
    });
    const message = shareQuietly([file]);
    await slack.shortcut({ user: alice(), channel: general(), message });
    expect(blockText(await finalReply(slack, general(), message.ts))).toMatch(
      /huge\.png\*\nCould not check: .*(large|MB)/i,
    );
    expect(slack.downloads.filter((d) => d.args.file === file.id)).toEqual([]);
  });

  it('explains an unsupported file in plain words', async () => {
    const { slack } = rig;
    const message = shareQuietly([
      slack.addFile({
        name: 'diagram.svg',
        mimetype: 'image/svg+xml',
        bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'),
      }),
    ]);
    await slack.shortcut({ user: alice(), channel: general(), message });
    const text = blockText(await finalReply(slack, general(), message.ts));
    expect(text).toMatch(/diagram\.svg\*\nCould not check: /);
    expect(text).not.toMatch(/\d+%/);
  });

  it('turns a BitMind outage into one clear error reply, and the next check works', async () => {
    const { slack, core } = rig;
    const first = shareQuietly([
      slack.addFile({ name: 'outage.png', mimetype: 'image/png', bytes: pngScored(0.81) }),
    ]);
    core.sim.setFaults({ errorRate: 1 });
    try {
      await slack.shortcut({ user: alice(), channel: general(), message: first });
      const text = blockText(await finalReply(slack, general(), first.ts));
      expect(text).toMatch(/outage\.png\*\nCould not check: /);
      expect(text).not.toMatch(/at \w+ \(|Error:|stack/);
    } finally {
      core.sim.setFaults({ errorRate: 0 });
    }
    expect(slack.threadReplies(general(), first.ts)).toHaveLength(1);
    const second = shareQuietly([
      slack.addFile({ name: 'after.png', mimetype: 'image/png', bytes: pngScored(0.22) }),
    ]);
    await slack.shortcut({ user: alice(), channel: general(), message: second });
    expect(blockText(await finalReply(slack, general(), second.ts))).toContain('22%');
  });

  it('waits out a Slack rate limit (Retry-After) and still delivers the result', async () => {
    const { slack } = rig;
    const message = shareQuietly([
      slack.addFile({ name: 'limited.png', mimetype: 'image/png', bytes: pngScored(0.55) }),
    ]);
    slack.web.rateLimitNext('chat.update', { retryAfterSeconds: 1 });
    await slack.shortcut({ user: alice(), channel: general(), message });
    expect(blockText(await finalReply(slack, general(), message.ts))).toContain('55%');
    const updates = slack.callsTo('chat.update').filter((c) => c.args.channel === general());
    expect(updates.slice(-2).map((c) => c.status)).toEqual([429, 200]);
    expect(updates.at(-1)!.at - updates.at(-2)!.at).toBeGreaterThanOrEqual(950);
  });

  it('answers through the response URL when it may not post in the channel', async () => {
    const { slack } = rig;
    const channel = slack.channels.random;
    slack.leaveChannel(channel);
    const file = slack.addFile({ name: 'private.png', mimetype: 'image/png', bytes: pngScored(0.9) });
    slack.postMessage({ channel, user: alice(), files: [file] });
    const { responseUrl } = await slack.command({ user: alice(), channel, text: `check ${file.permalink}` });
    const result = await waitFor(
      () => slack.responses(responseUrl).find((c) => c.args.response_type === 'in_channel'),
      {
        what: 'the in-channel response',
      },
    );
    expect(blockText(result.args)).toContain('90%');
    expect(slack.responses(responseUrl)[0]?.args).toMatchObject({
      response_type: 'ephemeral',
      text: 'Checking 1 file…',
    });
  });

  it('answers help, status and unknown words privately', async () => {
    const { slack } = rig;
    const help = await slack.command({ user: alice(), channel: general(), text: '' });
    const status = await slack.command({ user: alice(), channel: general(), text: 'status' });
    const unknown = await slack.command({ user: alice(), channel: general(), text: 'dance <!channel>' });
    const answer = (url: string) =>
      waitFor<Record<string, unknown>>(() => slack.responses(url)[0]?.args, { what: 'a private answer' });
    const [h, s, u] = await Promise.all([
      answer(help.responseUrl),
      answer(status.responseUrl),
      answer(unknown.responseUrl),
    ]);
    for (const a of [h, s, u]) expect(a.response_type).toBe('ephemeral');
    expect(h.text).toContain('/bitmind check <link>');
    expect(s.text).toMatch(/BitMind: (healthy|ok|answering)/);
    expect(s.text).toContain('images :white_check_mark:');
    expect(s.text).toContain('Recent checks in this workspace');
    expect(u.text).toContain('I do not know `dance`');
    expect(u.text).not.toContain('<!channel>');
  });

  it('called only the Web API methods declared in surface.ts, all with the bot token', () => {
    const declared = new Set(Object.keys(WEB_API_METHODS));
    const api = rig.slack.calls.filter((c) => c.path.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(20);
    expect([...new Set(api.map((c) => c.method))].filter((m) => !declared.has(m))).toEqual([]);
    for (const call of api) expect(call.headers.authorization).toBe(`Bearer ${rig.slack.botToken}`);
  });

  it('never wrote a token, the signing secret or the verification token to the log', () => {
    const log = rig.core.logLines.join('\n');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [rig.slack.botToken, rig.slack.signingSecret, VERIFICATION_TOKEN])
      expect(log).not.toContain(secret);
  });
});
