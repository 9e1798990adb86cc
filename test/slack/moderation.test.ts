import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/i18n.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../fakes/slack/index.js';
import { waitFor } from '../helpers/wait.js';
import { buttonsOf, press as pressOn } from './buttons.js';
import { blockText, finalReply, pngScored, startSlackRig, type SlackRig } from './rig.js';

const [BOB, CAROL] = ['U0BOB', 'U0CAROL'];

describe.each(['socket', 'http'] as const)(
  'Slack moderation over %s: the mod log and the buttons on every result',
  (mode) => {
    let slack: FakeSlack;
    let dataDir: string;
    let rig: SlackRig;

    beforeAll(async () => {
      slack = await startFakeSlack({ pingIntervalMs: 1000 });
      slack.workspace.addUser({ id: BOB, name: 'bob' });
      slack.workspace.addUser({ id: CAROL, name: 'carol' });
      dataDir = await mkdtemp(join(tmpdir(), 'slack-moderation-'));
      rig = await startSlackRig({ mode, slack, dataDir });
    });

    afterAll(async () => {
      await rig?.close();
      await slack?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    const { general, random, secret } = { general: 'C0GENERAL', random: 'C0RANDOM', secret: 'C0SECRET' };
    const admin = () => slack.users.admin.id;
    const alice = () => slack.users.alice.id;
    const simCalls = () => rig.core.sim.requests.filter((r) => r.path === '/image').length;

    async function command(user: string, text: string, channel = general) {
      const { responseUrl } = await slack.command({ user, channel, text });
      return waitFor(() => slack.responses(responseUrl)[0]?.args, { what: `the answer to ${text}` });
    }

    async function share(score: number, name: string) {
      const { message } = await slack.shareFiles({
        channel: general,
        user: alice(),
        files: [slack.addFile({ name, mimetype: 'image/png', bytes: pngScored(score) })],
      });
      await rig.idle();
      return message;
    }

    /** Presses a button on this mode's rig; what the presser was told privately. */
    const press = (user: string, message: StoredMessage, actionId: string) =>
      pressOn(slack, rig, user, message, actionId);

    const modlogPosts = () => slack.botMessages(random);

    it('sets the mod log for admins only, from the channel as Slack escapes it', async () => {
      expect((await command(alice(), 'modlog <#C0RANDOM|random>')).text).toMatch(
        /^Sorry, only workspace admins/,
      );
      expect((await command(admin(), 'modlog #random')).text).toContain('pick the channel from Slack');
      const set = await command(admin(), 'modlog <#C0RANDOM|random>');
      expect(set).toMatchObject({ response_type: 'ephemeral' });
      expect(set.text).toContain('The mod log is now <#C0RANDOM>');
      expect((await command(alice(), 'modlog status')).text).toBe('The mod log is <#C0RANDOM>.');
      await command(admin(), 'autoscan on');
    });

    let flagged: StoredMessage;

    it('posts a flagged auto-scan result in the thread, with its buttons, and in the mod log with a link', async () => {
      const posted = await share(0.95, 'fake.png');
      flagged = await finalReply(slack, general, posted.ts);
      expect(blockText(flagged)).toContain('Strong evidence of AI generation');
      expect(buttonsOf(flagged).recheck).toMatch(/^bm:r:[0-9a-f-]{36}$/);

      const [entry, ...more] = modlogPosts();
      expect(more).toEqual([]);
      const text = blockText(entry!);
      expect(text).toContain('*Evidence of AI generation*');
      expect(text).toContain(`*Posted by:* <@${alice()}>`);
      expect(text).toContain('*Asked by:* auto-scan');
      expect(text).toContain('*Trigger:* autoscan');
      expect(text).toContain(
        `<https://fake.slack.com/archives/${general}/p${posted.ts.replace('.', '')}|Original message>`,
      );

      // Little evidence: a mark on the message, and nothing in the mod log.
      await share(0.1, 'real.png');
      expect(modlogPosts()).toHaveLength(1);
    });

    it('Recheck asks BitMind again, past the cache, and updates the result in place', async () => {
      const before = simCalls();
      const answers = await press(BOB, flagged, buttonsOf(flagged).recheck);
      expect(answers).toEqual([]);
      expect(simCalls()).toBe(before + 1);
      const updated = slack.workspace.message(general, flagged.ts)!;
      expect(blockText(updated)).toContain('Strong evidence of AI generation');
      expect(blockText(updated)).not.toContain('cached');
      expect(buttonsOf(updated)).toEqual(buttonsOf(flagged));
      expect(slack.callsTo('chat.update').at(-1)?.args).toMatchObject({ channel: general, ts: flagged.ts });
    });

    it('Wrong result? is counted once per person, thanked privately and posted to the mod log', async () => {
      const { feedback } = buttonsOf(flagged);
      const first = await press(BOB, flagged, feedback);
      expect(first).toEqual([
        expect.objectContaining({
          response_type: 'ephemeral',
          text: t('en', 'moderation.press.feedbackThanks'),
        }),
      ]);
      expect((await press(BOB, flagged, feedback))[0]?.text).toBe(t('en', 'moderation.press.feedbackAgain'));
      expect((await press(admin(), flagged, feedback))[0]?.text).toBe(
        t('en', 'moderation.press.feedbackThanks'),
      );

      const counted = (await rig.core.metrics.feedback.get()).values;
      expect(counted).toEqual([expect.objectContaining({ labels: { band: 'strong' }, value: 2 })]);
      const reports = rig.connected.audited.filter((e) => e.type === 'feedback');
      expect(reports.map((e) => e.type === 'feedback' && e.by)).toEqual([BOB, admin()]);
      expect(reports[0]).toMatchObject({
        platform: 'slack',
        workspace: 'T0FAKE',
        channel: general,
        band: 'strong',
      });
      const feedbackPosts = modlogPosts().filter((m) => blockText(m).includes('A result was reported wrong'));
      expect(feedbackPosts).toHaveLength(2);
      expect(blockText(feedbackPosts[0]!)).toContain(`*Reported by:* <@${BOB}>`);
    });

    it('answers a presser in their own Slack language, and keeps the mod log English (Slack names no workspace language)', async () => {
      slack.workspace.addUser({ id: 'U0GRETA', name: 'greta', locale: 'de-DE' });
      const reports = () => modlogPosts().filter((m) => blockText(m).includes('A result was reported wrong'));
      const before = reports().length;
      expect(await press('U0GRETA', flagged, buttonsOf(flagged).feedback)).toEqual([
        expect.objectContaining({
          text: 'Danke: Deine Meldung, dass dieses Ergebnis falsch aussieht, wurde festgehalten, und die Moderatoren wurden informiert.',
        }),
      ]);
      expect(reports()).toHaveLength(before + 1);
      expect(blockText(reports().at(-1)!)).toContain(`*Reported by:* <@U0GRETA>`);
    });

    it('Delete is refused to a bystander and to the poster of an auto-scanned file, and done for an admin', async () => {
      const { delete: remove } = buttonsOf(flagged);
      expect((await press(BOB, flagged, remove))[0]?.text).toBe(t('en', 'moderation.press.deleteRefused'));
      expect((await press(alice(), flagged, remove))[0]?.text).toBe(
        t('en', 'moderation.press.deleteRefused'),
      );
      expect(slack.workspace.message(general, flagged.ts)).toBeDefined();

      await press(admin(), flagged, remove);
      expect(slack.workspace.message(general, flagged.ts)).toBeUndefined();
      expect(rig.connected.audited.filter((e) => e.type === 'deletion')).toEqual([
        expect.objectContaining({ by: admin(), channel: general }),
      ]);
      // Gone with its message: a late press on it is told so.
      expect((await press(BOB, flagged, buttonsOf(flagged).recheck))[0]?.text).toBe(
        t('en', 'moderation.press.expired'),
      );
    });

    let asked: StoredMessage;

    it('lets the person who asked delete their own result', async () => {
      const posted = slack.postMessage({
        channel: general,
        user: alice(),
        files: [slack.addFile({ name: 'asked.png', mimetype: 'image/png', bytes: pngScored(0.3) })],
      });
      await slack.react({ user: BOB, channel: general, ts: posted.ts, reaction: 'mag' });
      await rig.idle();
      asked = await finalReply(slack, general, posted.ts);
      expect(blockText(asked)).toContain(`Requested by <@${BOB}>`);
      // Someone else's is not theirs to delete; their own is.
      expect((await press(alice(), asked, buttonsOf(asked).delete))[0]?.text).toBe(
        t('en', 'moderation.press.deleteRefused'),
      );
      const kept = await share(0.2, 'kept.png');
      await slack.react({ user: BOB, channel: general, ts: kept.ts, reaction: 'mag' });
      await rig.idle();
      const own = await finalReply(slack, general, kept.ts);
      await press(BOB, own, buttonsOf(own).delete);
      expect(slack.workspace.message(general, own.ts)).toBeUndefined();
    });

    it('keeps what the buttons need without the response URL a shortcut came with', async () => {
      const posted = slack.postMessage({
        channel: general,
        user: alice(),
        files: [slack.addFile({ name: 'short.png', mimetype: 'image/png', bytes: pngScored(0.4) })],
      });
      const { responseUrl } = await slack.shortcut({ user: BOB, channel: general, message: posted });
      await rig.idle();
      const result = await finalReply(slack, general, posted.ts);
      const id = buttonsOf(result).recheck.slice('bm:r:'.length);
      const stored = await rig.connected.state.get(`result:${id}`);
      expect(stored).toContain('short.png');
      expect(stored).not.toContain(new URL(responseUrl).pathname);
    });

    it('refuses a forged or malformed button id, and a real id pressed in another channel', async () => {
      const [malformed] = await press(BOB, asked, 'bm:x:not-a-result');
      expect(malformed?.text).toBe(t('en', 'moderation.press.forged'));
      const [unknown] = await press(BOB, asked, 'bm:r:00000000-0000-4000-8000-000000000000');
      expect(unknown?.text).toBe(t('en', 'moderation.press.expired'));
      const elsewhere = modlogPosts()[0]!;
      const before = simCalls();
      const [moved] = await press(BOB, elsewhere, buttonsOf(asked).recheck);
      expect(moved?.text).toBe(t('en', 'moderation.press.forged'));
      expect(simCalls()).toBe(before);
    });

    it('buttons still work after a restart: nothing they need was in memory', async () => {
      await rig.close();
      rig = await startSlackRig({ mode, slack, dataDir });
      const before = simCalls();
      expect(await press(BOB, asked, buttonsOf(asked).recheck)).toEqual([]);
      expect(simCalls()).toBe(before + 1);
      expect((await press(admin(), asked, buttonsOf(asked).feedback))[0]?.text).toBe(
        t('en', 'moderation.press.feedbackThanks'),
      );
    });

    describe('the verdict posted again for a second :mag: carries the buttons of any result', () => {
      let posted: StoredMessage;
      let first: StoredMessage;
      let repost: StoredMessage;
      const told = async (user: string, message: StoredMessage, actionId: string) =>
        (await press(user, message, actionId)).map((args) => args.text);

      it('has all three, under a result id of its own, and is not posted to the mod log again', async () => {
        posted = slack.postMessage({
          channel: general,
          user: alice(),
          files: [slack.addFile({ name: 'moon.png', mimetype: 'image/png', bytes: pngScored(0.93) })],
        });
        const logged = modlogPosts().length;
        await slack.react({ user: CAROL, channel: general, ts: posted.ts, reaction: 'mag' });
        await rig.idle();
        first = await finalReply(slack, general, posted.ts);
        expect(modlogPosts()).toHaveLength(logged + 1);
        await slack.react({ user: BOB, channel: general, ts: posted.ts, reaction: 'mag' });
        await rig.idle();
        repost = await waitFor(() => slack.threadReplies(general, posted.ts)[1], { what: 'the repost' });
        expect(blockText(repost)).toMatch(/93% .* · cached/);
        expect(blockText(repost)).toContain(`Requested by <@${BOB}>`);
        expect(buttonsOf(repost).recheck).toMatch(/^bm:r:[0-9a-f-]{36}$/);
        expect(buttonsOf(repost).recheck).not.toBe(buttonsOf(first).recheck);
        expect(modlogPosts()).toHaveLength(logged + 1);
      });

      it('Recheck asks BitMind again about the same media and updates the repost in place', async () => {
        const before = simCalls();
        expect(await press(alice(), repost, buttonsOf(repost).recheck)).toEqual([]);
        expect(simCalls()).toBe(before + 1);
        expect(slack.callsTo('chat.update').at(-1)?.args).toMatchObject({ channel: general, ts: repost.ts });
        const updated = slack.workspace.message(general, repost.ts)!;
        expect(blockText(updated)).toContain('Strong evidence of AI generation');
        expect(blockText(updated)).not.toContain('cached');
        expect(buttonsOf(updated)).toEqual(buttonsOf(repost));
        expect(slack.workspace.message(general, first.ts)!.blocks).toEqual(first.blocks);
      });

      it('Wrong result? is counted once per person', async () => {
        const { feedback } = buttonsOf(repost);
        expect(await told(BOB, repost, feedback)).toEqual([t('en', 'moderation.press.feedbackThanks')]);
        expect(await told(BOB, repost, feedback)).toEqual([t('en', 'moderation.press.feedbackAgain')]);
      });

      it('Delete is for whoever reacted this time (not the first asker), and removes the repost alone', async () => {
        const { delete: remove } = buttonsOf(repost);
        expect(await told(CAROL, repost, remove)).toEqual([t('en', 'moderation.press.deleteRefused')]);
        expect(await told(alice(), repost, remove)).toEqual([t('en', 'moderation.press.deleteRefused')]);
        expect(slack.workspace.message(general, repost.ts)).toBeDefined();
        expect(await told(BOB, repost, remove)).toEqual([]);
        expect(slack.workspace.message(general, repost.ts)).toBeUndefined();
        expect(slack.workspace.message(general, first.ts)).toBeDefined();
      });
    });

    it('reports a mod-log channel it cannot post to once, privately, to whoever set it', async () => {
      slack.leaveChannel(secret);
      expect((await command(admin(), 'modlog <#C0SECRET|secret>')).text).toContain('<#C0SECRET>');
      await share(0.97, 'one.png');
      await share(0.96, 'two.png');
      const toAdmin = slack.botMessages(admin());
      expect(toAdmin).toHaveLength(1);
      expect(toAdmin[0]!.text).toContain('I cannot post in the mod log channel <#C0SECRET>');
      // Tried once, not at every result.
      expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === secret)).toHaveLength(1);
    });
  },
);
