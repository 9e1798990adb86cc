import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordRig, type DiscordRig } from '../discord/rig.js';
import { signatureHeaders, startFakeSlack, type FakeSlack } from '../fakes/slack/index.js';
import { png } from '../helpers/media-samples.js';
import { waitFor } from '../helpers/wait.js';
import { installThroughSlack, visit } from '../slack/install-flow.js';
import { DISTRIBUTED_SECRETS, finalReply, startSlackRig, type SlackRig } from '../slack/rig.js';
import { request } from 'undici';
import { expectNoSecret, SENTINEL } from './sentinels.js';

/**
 * The adapters with sentinel platform secrets, through ordinary checks, BitMind faults, forged
 * requests, expired signed URLs and links carrying passwords. Every log line and everything posted
 * to Slack or Discord is then searched for every secret, including the simulator's client secret
 * and the fake CDN's URL signatures.
 */
const probe = (tag: string) => Buffer.concat([png(3, 3), Buffer.from(`bitmind-sim-score=0.4 ${tag}`)]);

describe('Slack: tokens and signing secret', () => {
  let slack: FakeSlack;
  let rig: SlackRig;
  beforeAll(async () => {
    slack = await startFakeSlack({
      botToken: SENTINEL.slackBotToken,
      appToken: SENTINEL.slackAppToken,
      signingSecret: SENTINEL.slackSigningSecret,
    });
    rig = await startSlackRig({ mode: 'http', slack });
  });
  afterAll(async () => {
    await rig?.close();
    await slack?.close();
  });

  it('never reach a log line or a message', async () => {
    const channel = slack.channels.general;
    const alice = slack.users.alice.id;
    const good = slack.postMessage({
      channel,
      user: alice,
      files: [slack.addFile({ name: 'sentinel-probe.png', mimetype: 'image/png', bytes: probe('slack') })],
    });
    await slack.shortcut({ user: alice, channel, message: good });
    await finalReply(slack, channel, good.ts);

    const noScope = slack.postMessage({
      channel,
      user: alice,
      files: [
        slack.addFile({ name: 'no-scope.png', mimetype: 'image/png', bytes: probe('x'), servedAsHtml: true }),
      ],
    });
    await slack.react({ user: alice, channel, ts: noScope.ts, reaction: 'mag' });
    await finalReply(slack, channel, noScope.ts);

    rig.core.sim.next({ kind: 'status', status: 500 }, { kind: 'status', status: 500 });
    const failing = slack.postMessage({
      channel,
      user: alice,
      files: [slack.addFile({ name: 'during-outage.png', mimetype: 'image/png', bytes: probe('outage') })],
    });
    await slack.shortcut({ user: alice, channel, message: failing });
    await finalReply(slack, channel, failing.ts);

    for (const text of [
      `check https://alice:${SENTINEL.urlPassword}@example.com/a.png`,
      `check http://127.0.0.1:9/x.png?X-Amz-Signature=${SENTINEL.urlSignature}`,
    ]) {
      const { responseUrl } = await slack.command({ user: alice, channel, text });
      await waitFor(
        () =>
          slack.responses(responseUrl).length > 0 ||
          slack.botMessages(channel).at(-1)?.text.startsWith('BitMind'),
        { what: 'an answer' },
      );
    }
    const forged = JSON.stringify({ type: 'event_callback', event: { type: 'message' } });
    const refused = await request(rig.eventsUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signatureHeaders('wrong-secret', forged) },
      body: forged,
    });
    await refused.body.text();
    expect(refused.statusCode).toBe(401);
    await rig.idle();

    const secrets = [
      SENTINEL.slackBotToken,
      SENTINEL.slackAppToken,
      SENTINEL.slackSigningSecret,
      SENTINEL.urlPassword,
      SENTINEL.urlSignature,
      rig.core.sim.credentials.clientSecret,
      rig.core.sim.credentials.apiKey,
    ];
    // What the bot sent Slack: message text and blocks, response URL posts. The credential itself
    // (the auth header, or the `token` field the WebClient sends to auth.test) is how Slack is asked.
    const sent = slack.calls
      .filter((c) => c.method !== 'file')
      .map(({ args: { token: _credential, ...args } }) => JSON.stringify(args));
    expectNoSecret(rig.core.logLines, secrets, 'a log line');
    expectNoSecret(sent, secrets, 'a message sent to Slack');

    // Not silent: the replies name the files and say what went wrong, the log names the requests.
    const replies = sent.join('\n');
    expect(replies).toContain('sentinel-probe.png');
    expect(replies).toContain('files:read');
    expect(replies).toContain('during-outage.png');
    expect(replies).toContain('links with a user name or password in them are refused');
    expect(rig.core.logLines.join('')).toContain('"path":"/image"');
    expect(slack.downloads.some((d) => d.headers.authorization === `Bearer ${SENTINEL.slackBotToken}`)).toBe(
      true,
    );
  });
});

describe('Discord: the bot token and signed CDN URLs', () => {
  let rig: DiscordRig;
  beforeAll(async () => {
    rig = await startDiscordRig({ ALLOW_PRIVATE_URLS: 'false' });
  });
  afterAll(() => rig?.close());

  it('never reach a log line or a message', async () => {
    const { fake } = rig;
    const channelId = fake.channels.general.id;
    const user = fake.users.alice;
    const answered = async (interaction: ReturnType<typeof fake.messageCommand>) =>
      waitFor(() => fake.interactionCalls(interaction).some((c) => c.method === 'PATCH'), {
        what: 'an answer',
        timeoutMs: 8000,
      });
    const message = fake.postMessage({
      channelId,
      author: user,
      files: [{ name: 'sentinel-probe.png', bytes: probe('discord'), contentType: 'image/png' }],
      dispatch: false,
    });
    await answered(
      fake.messageCommand({ channelId, user, name: 'Check with BitMind', messageId: message.id }),
    );
    // The signed URL the bot holds expires: it fetches the message again for a fresh one.
    fake.expireAttachmentUrls(403);
    rig.core.sim.next({ kind: 'status', status: 500 }, { kind: 'status', status: 500 });
    const second = fake.postMessage({
      channelId,
      author: user,
      files: [{ name: 'during-outage.png', bytes: probe('outage'), contentType: 'image/png' }],
      dispatch: false,
    });
    await answered(
      fake.messageCommand({ channelId, user, name: 'Check with BitMind', messageId: second.id }),
    );
    await answered(
      fake.slashCommand({
        channelId,
        user,
        name: 'bitmind',
        path: ['check'],
        options: {
          url: `https://alice:${SENTINEL.urlPassword}@cdn.example.com/a.png?sig=${SENTINEL.urlSignature}`,
        },
      }),
    );

    const signatures = fake.calls
      .filter((c) => c.path.startsWith('/attachments/'))
      .map((c) => c.query.hm)
      .filter((hm): hm is string => typeof hm === 'string');
    expect(signatures.length).toBeGreaterThan(0);
    const secrets = [
      fake.token,
      ...signatures,
      SENTINEL.urlPassword,
      SENTINEL.urlSignature,
      rig.core.sim.credentials.clientSecret,
      rig.core.sim.credentials.apiKey,
    ];
    const sent = fake.calls
      .filter((c) => !c.path.startsWith('/attachments/') && c.body !== undefined)
      .map((c) => JSON.stringify(c.body));
    expectNoSecret(rig.logLines, secrets, 'a log line');
    expectNoSecret(sent, secrets, 'a message sent to Discord');

    const replies = sent.join('\n');
    expect(replies).toContain('sentinel-probe.png');
    expect(replies).toContain('during-outage.png');
    expect(replies).toContain('links with a user name or password in them are refused');
    expect(rig.logLines.join('')).toContain('"path":"/image"');
  });
});

describe('Slack distributed mode: client secret, state secret, encryption key and every installed token', () => {
  let slack: FakeSlack;
  let rig: SlackRig;
  const pages: string[] = [];
  beforeAll(async () => {
    slack = await startFakeSlack();
    rig = await startSlackRig({ mode: 'http', slack, distributed: true, env: { LOG_LEVEL: 'trace' } });
  });
  afterAll(async () => {
    await rig?.close();
    await slack?.close();
  });

  it('never reach a log line, a page or a message at LOG_LEVEL=trace', async () => {
    const plain = slack.addWorkspace({ teamId: 'T0PLAIN', domain: 'plain' });
    const rotating = slack.addWorkspace({ teamId: 'T0ROTATING', domain: 'rotating' });
    for (const consent of [
      { approve: plain },
      { approve: rotating, rotation: true },
      { deny: true as const },
    ])
      pages.push((await installThroughSlack(rig, consent)).page.body);
    slack.web.failNext('oauth.v2.access', 'invalid_code');
    pages.push((await installThroughSlack(rig, { approve: plain })).page.body);
    pages.push(
      (await visit(`${rig.origin}/slack/oauth_redirect?code=x&state=forged`, 'slack-app-oauth-state=forged'))
        .body,
    );

    for (const workspace of [plain, rotating]) {
      slack.use(workspace);
      const channel = slack.channels.general;
      const file = slack.addFile({
        name: 'probe.png',
        mimetype: 'image/png',
        bytes: probe(workspace.teamId),
      });
      const message = slack.postMessage({ channel, user: slack.users.alice.id, files: [file] });
      await slack.react({ user: slack.users.alice.id, channel, ts: message.ts, reaction: 'mag' });
      await finalReply(slack, channel, message.ts);
    }
    slack.use(plain);
    await slack.sendEvent({ type: 'app_uninstalled' });
    await rig.idle();

    const secrets = [
      slack.oauth.clientSecret,
      DISTRIBUTED_SECRETS.SLACK_STATE_SECRET,
      DISTRIBUTED_SECRETS.DATA_ENCRYPTION_KEY,
      Buffer.from(DISTRIBUTED_SECRETS.DATA_ENCRYPTION_KEY, 'base64').toString('hex'),
      slack.signingSecret,
      ...slack.oauth.minted,
    ];
    expect(slack.oauth.minted.length).toBeGreaterThanOrEqual(4);
    // What the bot sent Slack, but for how it asks: the credential of each call, and the client
    // secret and refresh token that oauth.v2.access exists to receive.
    const sent = slack.calls
      .filter((c) => c.method !== 'file' && c.method !== 'oauth.v2.access')
      .map(({ args: { token: _credential, ...args } }) => JSON.stringify(args));
    expect(rig.core.logLines.some((l) => l.includes('"level":20'))).toBe(true);
    expectNoSecret(rig.core.logLines, secrets, 'a log line');
    expectNoSecret(pages, secrets, 'an install page');
    expectNoSecret(sent, secrets, 'a message sent to Slack');
    expect(rig.core.logLines.some((l) => l.includes('Slack app installed'))).toBe(true);
    expect(rig.core.logLines.some((l) => l.includes('Slack app removed'))).toBe(true);
  });
});
