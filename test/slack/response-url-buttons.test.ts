import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/i18n.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../fakes/slack/index.js';
import { waitFor } from '../helpers/wait.js';
import { actionIds, buttonsOf } from './buttons.js';
import { blockText, pngScored, startSlackRig, type SlackRig } from './rig.js';

const BOB = 'U0BOB';

/**
 * A result the bot had to post through a command's response URL (it is not in the channel) has its
 * buttons, and a press on it acts through the press's own response URL: Recheck replaces it, Delete
 * deletes it. Everything a press needs is in the press and the state store, so it works after a restart.
 */
describe('Slack: the buttons on a result posted through a response URL', () => {
  let slack: FakeSlack;
  let dataDir: string;
  let rig: SlackRig;
  const channel = 'C0RANDOM';
  const alice = () => slack.users.alice.id;
  const simCalls = () => rig.core.sim.requests.filter((r) => r.path === '/image').length;
  let result: StoredMessage;

  beforeAll(async () => {
    slack = await startFakeSlack({ pingIntervalMs: 1000 });
    slack.workspace.addUser({ id: BOB, name: 'bob' });
    dataDir = await mkdtemp(join(tmpdir(), 'slack-respurl-'));
    rig = await startSlackRig({ mode: 'socket', slack, dataDir });
  });

  afterAll(async () => {
    await rig?.close();
    await slack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** `user` presses `actionId` on `message`; what the bot sent to that press's response URL. */
  async function pressed(user: string, message: StoredMessage, actionId: string, ephemeral = false) {
    const { responseUrl } = await slack.pressButton({ user, message, actionId, ephemeral });
    await rig.idle();
    return slack.responses(responseUrl);
  }
  const press = async (user: string, message: StoredMessage, actionId: string) =>
    (await pressed(user, message, actionId)).map((c) => c.args);

  it('posts the result in the channel through the response URL, with its three buttons', async () => {
    slack.leaveChannel(channel);
    const file = slack.addFile({ name: 'outside.png', mimetype: 'image/png', bytes: pngScored(0.9) });
    slack.postMessage({ channel, user: alice(), files: [file] });
    const { responseUrl } = await slack.command({ user: alice(), channel, text: `check ${file.permalink}` });
    const posted = await waitFor(
      () => slack.responses(responseUrl).find((c) => c.args.response_type === 'in_channel'),
      { what: 'the in-channel result' },
    );
    result = slack.responseMessage(channel, posted);
    expect(blockText(result)).toContain('90%');
    expect(buttonsOf(result).recheck).toMatch(/^bm:r:[0-9a-f-]{36}$/);
    expect(slack.botMessages(channel)).toEqual([]);
  });

  it('keeps the buttons working after a restart', async () => {
    await rig.close();
    rig = await startSlackRig({ mode: 'socket', slack, dataDir });
  });

  it('Recheck asks BitMind again and replaces the result through the press response URL', async () => {
    const before = simCalls();
    const updates = slack.callsTo('chat.update').length;
    const [replaced, ...more] = await pressed(BOB, result, buttonsOf(result).recheck);
    expect(simCalls()).toBe(before + 1);
    expect(more).toEqual([]);
    expect(replaced!.args).toMatchObject({ replace_original: true });
    expect(blockText(replaced!.args)).toContain('90%');
    expect(blockText(replaced!.args)).not.toContain('cached');
    expect(actionIds(slack.responseMessage(channel, replaced!))).toEqual(actionIds(result));
    expect(slack.callsTo('chat.update')).toHaveLength(updates);
  });

  it('an ephemeral view of it is replaced without Delete: its only reader dismisses it', async () => {
    const { recheck, feedback } = buttonsOf(result);
    const [replaced] = await pressed(alice(), result, recheck, true);
    expect(replaced!.args).toMatchObject({ replace_original: true });
    expect(actionIds(slack.responseMessage(channel, replaced!))).toEqual([recheck, feedback]);
  });

  it('Wrong result? is counted once per person, and answered without touching the result', async () => {
    const { feedback } = buttonsOf(result);
    expect(await press(BOB, result, feedback)).toEqual([
      {
        response_type: 'ephemeral',
        replace_original: false,
        text: t('en', 'moderation.press.feedbackThanks'),
      },
    ]);
    expect((await press(BOB, result, feedback))[0]?.text).toBe(t('en', 'moderation.press.feedbackAgain'));
    const counted = (await rig.core.metrics.feedback.get()).values;
    expect(counted).toEqual([expect.objectContaining({ labels: { band: 'strong' }, value: 1 })]);
  });

  it('Delete is refused to a bystander, and deletes the result through the response URL for its asker', async () => {
    const { delete: remove, recheck } = buttonsOf(result);
    const refused = await press(BOB, result, remove);
    expect(refused).toEqual([expect.objectContaining({ text: t('en', 'moderation.press.deleteRefused') })]);

    const deletes = slack.callsTo('chat.delete').length;
    expect(await press(alice(), result, remove)).toEqual([{ delete_original: true }]);
    expect(slack.callsTo('chat.delete')).toHaveLength(deletes);
    expect(rig.connected.audited.filter((e) => e.type === 'deletion')).toEqual([
      expect.objectContaining({ by: alice(), channel }),
    ]);
    expect((await press(BOB, result, recheck))[0]?.text).toBe(t('en', 'moderation.press.expired'));
  });

  it('never logs a response URL (anyone holding one may post or delete)', () => {
    const urls = slack.responses().map((c) => c.path);
    expect(urls.length).toBeGreaterThan(5);
    const logged = rig.core.logLines.join('\n');
    expect(rig.core.logLines.length).toBeGreaterThan(0);
    for (const path of urls) expect(logged).not.toContain(path);
  });
});
