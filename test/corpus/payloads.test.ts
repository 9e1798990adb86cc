import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordRig, type DiscordRig } from '../discord/rig.js';
import type { InteractionRecord } from '../fakes/discord/index.js';
import { snowflake } from '../fakes/discord/payloads.js';
import { signatureHeaders } from '../fakes/slack/index.js';
import { png } from '../helpers/media-samples.js';
import { waitFor } from '../helpers/wait.js';
import { blockText, startSlackRig, type SlackRig } from '../slack/rig.js';
import {
  DISCORD_INTERACTION_CASES,
  SLACK_COMMAND_CASES,
  SLACK_ENVELOPE_CASES,
  SLACK_EVENT_CASES,
} from './payloads.js';
import { expectNoFileLeft } from './support.js';

/** Log lines at error level or above (pino: 50 error, 60 fatal) since `from`. */
function errorsLogged(lines: readonly string[], from: number): string[] {
  return lines.slice(from).filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
}

describe('malformed Slack deliveries (HTTP mode, real Bolt)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await startSlackRig({ mode: 'http' });
    await rig.connected.settings.update(
      { platform: 'slack', workspace: rig.slack.workspace.teamId },
      rig.slack.channels.general,
      {
        autoscan: true,
        replyMode: 'all',
      },
    );
  });
  afterAll(() => rig?.close());

  const botPosts = () => rig.slack.callsTo('chat.postMessage').length + rig.slack.responses().length;

  it.each(SLACK_EVENT_CASES.map((c, i) => [c.name, i] as const))('event: %s', async (_name, i) => {
    const { slack, core } = rig;
    const [posts, logged] = [botPosts(), core.logLines.length];
    const delivered = await slack.sendEvent(
      SLACK_EVENT_CASES[i]!.event({
        channel: slack.channels.general,
        user: slack.users.alice.id,
        ts: '1712.000100',
      }),
    );
    expect(delivered.status).toBe(200);
    await rig.idle();
    expect(botPosts()).toBe(posts);
    expect(errorsLogged(core.logLines, logged)).toEqual([]);
  });

  it.each(SLACK_ENVELOPE_CASES.map((c, i) => [c.name, i] as const))('envelope: %s', async (_name, i) => {
    const c = SLACK_ENVELOPE_CASES[i]!;
    const [posts, logged] = [botPosts(), rig.core.logLines.length];
    const now = Math.floor(Date.now() / 1000);
    const headers =
      c.sign === 'none'
        ? {}
        : signatureHeaders(
            c.sign === 'forged' ? 'not-the-signing-secret' : rig.slack.signingSecret,
            c.body,
            c.sign === 'stale' ? now - 600 : now,
          );
    const response = await request(rig.eventsUrl!, {
      method: 'POST',
      headers: { 'content-type': c.contentType, ...headers },
      body: c.body,
      headersTimeout: 5000,
      bodyTimeout: 5000,
    });
    const text = await response.body.text();
    expect(response.statusCode).toBe(c.status);
    expect(text).not.toMatch(/at .+:\d+:\d+|Error:/);
    await rig.idle();
    expect(botPosts()).toBe(posts);
    const errors = errorsLogged(rig.core.logLines, logged);
    expect(errors.filter((line) => !c.logs?.test(line))).toEqual([]);
    if (c.logs) expect(errors).toHaveLength(1);
  });

  it.each(SLACK_COMMAND_CASES.map((c, i) => [c.name, i] as const))('/bitmind %s', async (_name, i) => {
    const c = SLACK_COMMAND_CASES[i]!;
    const { slack, core } = rig;
    const channel = slack.channels.general;
    const [logged, posted] = [core.logLines.length, slack.botMessages(channel).length];
    const delivered = await slack.command({ user: slack.users.alice.id, channel, text: c.text });
    expect(delivered.status).toBe(200);
    // A private answer goes to the response URL; a check's result replaces its placeholder in the channel.
    const text = await waitFor(
      () => {
        const response = slack.responses(delivered.responseUrl).at(-1);
        if (response) return typeof response.args.text === 'string' ? response.args.text : '';
        const message = slack.botMessages(channel).slice(posted).at(-1);
        return message && !message.text.startsWith('Checking')
          ? `${message.text}\n${blockText(message)}`
          : undefined;
      },
      { what: 'the answer to the command' },
    );
    expect(text).toMatch(c.reply);
    expect(text).not.toMatch(/\u202E|<script>|hunter2/);
    expect(text).not.toContain('\u0000');
    expect(text.length).toBeLessThan(6000);
    expect(errorsLogged(core.logLines, logged)).toEqual([]);
    await expectNoFileLeft(core);
  });
});

describe('malformed and oversized Discord interactions (real discord.js client)', () => {
  let rig: DiscordRig;
  beforeAll(async () => {
    rig = await startDiscordRig({ ALLOW_PRIVATE_URLS: 'false' });
  });
  afterAll(() => rig?.close());

  /** An interaction from an ordinary member in #general, with `data` exactly as given. */
  function rawInteraction(data: Record<string, unknown>): InteractionRecord {
    const { fake } = rig;
    return fake.interact(
      { channelId: fake.channels.general.id, user: fake.users.alice },
      { id: snowflake(), ...data },
    );
  }

  async function answerText(interaction: InteractionRecord): Promise<string> {
    const body = await rig.fake.interactionAnswer(interaction, 8000);
    return `${body.content ?? ''}\n${JSON.stringify(body.embeds ?? [])}`;
  }

  it.each(DISCORD_INTERACTION_CASES.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    const c = DISCORD_INTERACTION_CASES[i]!;
    const logged = rig.logLines.length;
    const interaction = rawInteraction(c.data);
    if (c.reply === null) {
      await rig.settled();
      expect(rig.fake.interactionCalls(interaction)).toEqual([]);
    } else {
      expect(await answerText(interaction)).toMatch(c.reply);
      expect(rig.fake.interactionCalls(interaction).map((call) => call.method)).toEqual(['POST', 'PATCH']);
    }
    expect(errorsLogged(rig.logLines, logged)).toEqual([]);
    await expectNoFileLeft(rig.core);
  });

  const thirty = () =>
    Array.from({ length: 30 }, (_, i) => ({
      name: `photo-${i}.png`,
      bytes: Buffer.concat([png(i + 1, 1), Buffer.from(`bitmind-sim-score=0.2${i}`)]),
      contentType: 'image/png',
    }));

  it('a message with 30 attachments: the first 20 are checked and the reply says 10 were skipped', async () => {
    const { fake } = rig;
    const channelId = fake.channels.general.id;
    const message = fake.postMessage({
      channelId,
      author: fake.users.alice,
      files: thirty(),
      dispatch: false,
    });
    const interaction = fake.messageCommand({
      channelId,
      user: fake.users.alice,
      name: 'Check with BitMind',
      messageId: message.id,
    });
    const embeds = (await fake.interactionAnswer(interaction)).embeds ?? [];
    const fields = embeds.flatMap((e) => e.fields ?? []);
    expect(fields).toHaveLength(20);
    expect(fields.map((f) => f.name)).toEqual(
      thirty()
        .slice(0, 20)
        .map((f) => `🟢 ${f.name}`),
    );
    expect(embeds[0]!.title).toMatch(
      /BitMind checked 20 files: .*\(10 more skipped: too many in one request\)/,
    );
    const downloads = fake.calls.filter((c) => c.path.startsWith('/attachments/'));
    expect(downloads.filter((c) => /photo-(2\d)\.png$/.test(c.path))).toEqual([]);
    await expectNoFileLeft(rig.core);
  });
});
