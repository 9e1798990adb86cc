import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/i18n.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../fakes/slack/index.js';
import { useRedis } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';
import { actionIds, press as pressOn } from './buttons.js';
import { finalReply, pngScored, startSlackRig, type SlackRig } from './rig.js';

/**
 * Two bot instances on one Redis, as behind a load balancer: a result one of them posted has
 * buttons the other answers, since everything a press needs is in the shared state store.
 */
const redis = useRedis();
const BOB = 'U0BOB';
const general = 'C0GENERAL';

let slack: FakeSlack;
let first: SlackRig;
let second: SlackRig;

beforeAll(async () => {
  slack = await startFakeSlack();
  slack.workspace.addUser({ id: BOB, name: 'bob' });
  const env = { REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix };
  first = await startSlackRig({ mode: 'http', slack, env });
  second = await startSlackRig({ mode: 'http', slack, env });
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  await slack?.close();
});

async function press(rig: SlackRig, user: string, message: StoredMessage, actionId: string) {
  slack.deliverOverHttp(rig.eventsUrl!);
  return (await pressOn(slack, rig, user, message, actionId)).map((args) => args.text);
}

describe('Slack result buttons on any instance', () => {
  it('a result posted by one instance is rechecked, reported and deleted through the other', async () => {
    slack.deliverOverHttp(first.eventsUrl!);
    const admin = slack.users.admin.id;
    const { responseUrl } = await slack.command({ user: admin, channel: general, text: 'autoscan on' });
    await waitFor(() => slack.responses(responseUrl)[0], { what: 'auto-scan turned on' });
    const { message } = await slack.shareFiles({
      channel: general,
      user: slack.users.alice.id,
      files: [slack.addFile({ name: 'shared.png', mimetype: 'image/png', bytes: pngScored(0.9) })],
    });
    await first.idle();
    const result = await finalReply(slack, general, message.ts);
    const [recheck, feedback, remove] = actionIds(result);

    const calls = () => second.core.sim.requests.filter((r) => r.path === '/image').length;
    const before = calls();
    expect(await press(second, BOB, result, recheck!)).toEqual([]);
    expect(calls()).toBe(before + 1);
    expect(await press(second, BOB, result, feedback!)).toEqual([t('en', 'moderation.press.feedbackThanks')]);
    // Once per person, whichever instance is asked.
    expect(await press(first, BOB, result, feedback!)).toEqual([t('en', 'moderation.press.feedbackAgain')]);
    expect(await press(second, admin, result, remove!)).toEqual([]);
    expect(slack.workspace.message(general, result.ts)).toBeUndefined();
  });
});
