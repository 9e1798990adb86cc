import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.js';
import { waitFor } from '../helpers/wait.js';
import { blockText, finalReply, pngScored, startSlackRig, type SlackRig } from './rig.js';

const OPERATOR = 'U0OPERATOR';
const SEEDED = 'C0SEEDED';

describe('Slack auto-scan: permissions, reply modes, what is ignored, settings that last', () => {
  let slack: FakeSlack;
  let dataDir: string;
  let rig: SlackRig;
  const env = { SLACK_ADMIN_USERS: OPERATOR, AUTOSCAN_CHANNELS: `slack:${SEEDED}=all` };

  beforeAll(async () => {
    slack = await startFakeSlack({ pingIntervalMs: 1000 });
    dataDir = await mkdtemp(join(tmpdir(), 'slack-autoscan-'));
    rig = await startSlackRig({ mode: 'http', slack, dataDir, env });
  });

  afterAll(async () => {
    await rig?.close();
    await slack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const general = () => slack.channels.general;
  const alice = () => slack.users.alice.id;

  async function autoscan(user: string, text: string, channel: string = general()) {
    const { responseUrl } = await slack.command({ user, channel, text: `autoscan ${text}` });
    return waitFor(() => slack.responses(responseUrl)[0]?.args, { what: `the answer to autoscan ${text}` });
  }

  function share(score: number, name: string, channel: string = general()) {
    return slack.shareFiles({
      channel,
      user: alice(),
      files: [slack.addFile({ name, mimetype: 'image/png', bytes: pngScored(score) })],
    });
  }

  it('refuses a member politely and privately, and lets workspace admins and named users change it', async () => {
    const refusal = await autoscan(alice(), 'on');
    expect(refusal).toMatchObject({ response_type: 'ephemeral' });
    expect(refusal.text).toMatch(/^Sorry, only workspace admins and owners/);
    expect((await autoscan(alice(), 'status')).text).toContain('Auto-scan is *off*');

    const byAdmin = await autoscan(slack.users.admin.id, 'on');
    expect(byAdmin).toMatchObject({ response_type: 'in_channel' });
    expect(byAdmin.text).toContain(
      `<@${slack.users.admin.id}> changed auto-scan. Auto-scan is *on* in this channel (mode \`flagged\``,
    );
    // users.info is asked who is an admin (and, separately, each asker's language: include_locale).
    const adminLookups = () => slack.callsTo('users.info').filter((c) => c.args.include_locale === undefined);
    expect(adminLookups().map((c) => c.args.user)).toEqual([alice(), slack.users.admin.id]);

    const byOperator = await autoscan(OPERATOR, 'mode flagged');
    expect(byOperator.response_type).toBe('in_channel');
    expect(adminLookups()).toHaveLength(2);
  });

  it('flagged mode: replies to evidence of AI generation, marks the rest with a reaction', async () => {
    const flagged = await share(0.91, 'flagged.png');
    const reply = await finalReply(slack, general(), flagged.message.ts);
    expect(blockText(reply)).toContain('91%');
    expect(blockText(reply)).not.toContain('Requested by');
    expect(
      slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === flagged.message.ts),
    ).toHaveLength(1);

    // A type the bot cannot check (an SVG drawing) gets silence in auto-scan, on both platforms.
    const mark = rig.planCount();
    const svgShare = await slack.shareFiles({
      channel: general(),
      user: alice(),
      files: [
        slack.addFile({
          name: 'diagram.svg',
          mimetype: 'image/svg+xml',
          bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'),
        }),
      ],
    });
    await rig.idle();
    expect(rig.plansSince(mark).map((p) => p.plan)).toEqual([{ kind: 'nothing', reason: 'no_media' }]);
    expect(slack.threadReplies(general(), svgShare.message.ts)).toEqual([]);
    expect(slack.botReactions(general(), svgShare.message.ts)).toEqual([]);

    const clear = await share(0.05, 'clear.png');
    await waitFor(() => slack.botReactions(general(), clear.message.ts).length > 0, {
      what: 'the quiet reaction',
    });
    expect(slack.botReactions(general(), clear.message.ts)).toEqual(['white_check_mark']);
    await rig.idle();
    expect(slack.threadReplies(general(), clear.message.ts)).toEqual([]);
  });

  it('checks a shared file once: file_shared is ignored, and so are bots, our own messages and edits', async () => {
    const shared = await share(0.95, 'once.png');
    expect(shared.delivered).toHaveLength(2); // the message event and file_shared
    await finalReply(slack, general(), shared.message.ts);

    const file = slack.addFile({ name: 'bot.png', mimetype: 'image/png', bytes: pngScored(0.99) });
    const ours = slack.postMessage({
      channel: general(),
      user: slack.bot.userId,
      botId: slack.bot.botId,
      files: [file],
    });
    const theirs = slack.postMessage({
      channel: general(),
      user: slack.users.otherBot.id,
      botId: 'B0OTHERBOT',
      files: [file],
    });
    await slack.sendMessageEvent(ours);
    await slack.sendMessageEvent(theirs);
    const edited = slack.postMessage({ channel: general(), user: alice(), files: [file] });
    await slack.sendEvent({
      type: 'message',
      subtype: 'message_changed',
      channel: general(),
      ts: edited.ts,
      message: { ts: edited.ts, files: [file] },
    });
    await rig.idle();
    expect(slack.threadReplies(general(), shared.message.ts)).toHaveLength(1);
    for (const m of [ours, theirs, edited]) {
      expect(slack.threadReplies(general(), m.ts)).toEqual([]);
      expect(slack.botReactions(general(), m.ts)).toEqual([]);
    }
  });

  it('all mode: a placeholder, then the verdict, for every file', async () => {
    await autoscan(slack.users.admin.id, 'mode all');
    const clear = await share(0.1, 'all-mode.png');
    expect(blockText(await finalReply(slack, general(), clear.message.ts))).toContain('10%');
    expect(
      slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === clear.message.ts)?.args.text,
    ).toBe('Checking 1 file…');
  });

  it('silent mode: reactions only, warning for evidence and a check mark otherwise', async () => {
    await autoscan(slack.users.admin.id, 'mode silent');
    const flagged = await share(0.97, 'silent-flagged.png');
    const clear = await share(0.03, 'silent-clear.png');
    await waitFor(
      () =>
        slack.botReactions(general(), flagged.message.ts).length > 0 &&
        slack.botReactions(general(), clear.message.ts).length > 0,
      { what: 'both reactions' },
    );
    expect(slack.botReactions(general(), flagged.message.ts)).toEqual(['warning']);
    expect(slack.botReactions(general(), clear.message.ts)).toEqual(['white_check_mark']);
    await rig.idle();
    expect(slack.threadReplies(general(), flagged.message.ts)).toEqual([]);
  });

  it('scans a channel seeded by AUTOSCAN_CHANNELS from the start, in the seeded mode', async () => {
    const seeded = await share(0.2, 'seeded.png', SEEDED);
    expect(blockText(await finalReply(slack, SEEDED, seeded.message.ts))).toContain('20%');
  });

  it('keeps the channel settings across a restart (new adapter, same DATA_DIR)', async () => {
    await autoscan(slack.users.admin.id, 'off', SEEDED);
    await rig.close();
    rig = await startSlackRig({ mode: 'http', slack, dataDir, env });

    expect((await autoscan(alice(), 'status')).text).toContain(
      'Auto-scan is *on* in this channel (mode `silent`',
    );
    // The seed does not override what an admin chose since.
    expect((await autoscan(alice(), 'status', SEEDED)).text).toContain('Auto-scan is *off*');
    const after = await share(0.96, 'after-restart.png');
    await waitFor(() => slack.botReactions(general(), after.message.ts).length > 0, {
      what: 'the reaction after restart',
    });
    expect(slack.botReactions(general(), after.message.ts)).toEqual(['warning']);
  });
});
