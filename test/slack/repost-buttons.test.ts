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
const { general, random } = { general: 'C0GENERAL', random: 'C0RANDOM' };

let slack: FakeSlack;
let dataDir: string;
let rig: SlackRig;

beforeAll(async () => {
  slack = await startFakeSlack({ pingIntervalMs: 1000 });
  slack.workspace.addUser({ id: BOB, name: 'bob' });
  slack.workspace.addUser({ id: CAROL, name: 'carol' });
  dataDir = await mkdtemp(join(tmpdir(), 'slack-repost-'));
  rig = await startSlackRig({ mode: 'socket', slack, dataDir });
  await rig.connected.pipeline.setModlog(
    { platform: 'slack', workspace: 'T0FAKE' },
    random,
    slack.users.admin.id,
    'en',
  );
});

afterAll(async () => {
  await rig?.close();
  await slack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const simCalls = () => rig.core.sim.requests.filter((r) => r.path === '/image').length;
const press = (user: string, message: StoredMessage, actionId: string) =>
  pressOn(slack, rig, user, message, actionId);
const told = async (user: string, message: StoredMessage, actionId: string) =>
  (await press(user, message, actionId)).map((args) => args.text);

describe('Slack: the verdict posted again for a second :mag: carries the buttons of any result', () => {
  let posted: StoredMessage;
  let first: StoredMessage;
  let repost: StoredMessage;

  it('has all three, under a result id of its own, and is not posted to the mod log again', async () => {
    posted = slack.postMessage({
      channel: general,
      user: slack.users.alice.id,
      files: [slack.addFile({ name: 'moon.png', mimetype: 'image/png', bytes: pngScored(0.93) })],
    });
    await slack.react({ user: CAROL, channel: general, ts: posted.ts, reaction: 'mag' });
    await rig.idle();
    first = await finalReply(slack, general, posted.ts);
    expect(slack.botMessages(random)).toHaveLength(1);
    await slack.react({ user: BOB, channel: general, ts: posted.ts, reaction: 'mag' });
    await rig.idle();
    repost = await waitFor(() => slack.threadReplies(general, posted.ts)[1], { what: 'the repost' });
    expect(blockText(repost)).toMatch(/93% .* · cached/);
    expect(blockText(repost)).toContain(`Requested by <@${BOB}>`);
    expect(buttonsOf(repost).recheck).toMatch(/^bm:r:[0-9a-f-]{36}$/);
    expect(buttonsOf(repost).recheck).not.toBe(buttonsOf(first).recheck);
    expect(slack.botMessages(random)).toHaveLength(1);
  });

  it('Recheck asks BitMind again about the same media and updates the repost in place', async () => {
    const before = simCalls();
    expect(await press(slack.users.alice.id, repost, buttonsOf(repost).recheck)).toEqual([]);
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
    expect((await rig.core.metrics.feedback.get()).values).toEqual([
      expect.objectContaining({ labels: { band: 'strong' }, value: 1 }),
    ]);
  });

  it('Delete is for whoever reacted this time (not the first asker), and removes the repost alone', async () => {
    const { delete: remove } = buttonsOf(repost);
    expect(await told(CAROL, repost, remove)).toEqual([t('en', 'moderation.press.deleteRefused')]);
    expect(await told(slack.users.alice.id, repost, remove)).toEqual([
      t('en', 'moderation.press.deleteRefused'),
    ]);
    expect(slack.workspace.message(general, repost.ts)).toBeDefined();
    expect(await told(BOB, repost, remove)).toEqual([]);
    expect(slack.workspace.message(general, repost.ts)).toBeUndefined();
    expect(slack.workspace.message(general, first.ts)).toBeDefined();
  });
});
