import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { captureLogger } from '../log/capture.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { useRedis } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';
import { fakeSlack, runCleanups, sharedInstance, slackFinalText, slackImageMessage } from './support.js';

/**
 * The shared mode's durable queue may run a check twice: here an instance stops while its check waits
 * on BitMind, hands the job back, and another instance runs it again. The asker is charged once.
 */
failOnStrayErrors();
const redis = useRedis();
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterEach(runCleanups);
afterAll(async () => {
  await sim.close();
});

/** What a person has been charged, summed over their hourly counters (an hour may turn mid-test). */
async function charged(user: string): Promise<number> {
  const look = new Redis(redis.url);
  try {
    const keys = await look.keys(`${redis.prefix}state:budget:slack:*:${user}:*`);
    const values = keys.length > 0 ? await look.mget(keys) : [];
    return values.reduce((sum, value) => sum + Number(value), 0);
  } finally {
    await look.quit();
  }
}

it('a check handed back by a stopping instance runs again, and charges its asker once', async () => {
  const slack = await fakeSlack();
  const env = { USER_CHECKS_PER_HOUR: '5' };
  // Each instance logs apart, so who ran the job can be told.
  const firstLogs = captureLogger('debug');
  const secondLogs = captureLogger('debug');
  const first = await sharedInstance({ slack, sim, redis, env, log: firstLogs.log });
  slack.deliverOverHttp(`${first.url}/slack/events`);
  const alice = slack.users.alice.id;
  const images = () => sim.requests.filter((r) => r.path === '/image').length;

  // The first instance takes the check and waits on BitMind.
  sim.setFaults({ latencyMs: 5000 });
  const message = slackImageMessage(slack, 'handed-back.png', 0.93);
  await slack.shortcut({ user: alice, channel: slack.channels.general, message });
  await waitFor(() => images() === 1, { timeoutMs: 15_000, what: 'the first run to be waiting on BitMind' });
  expect(await charged(alice)).toBe(1);

  // Stopping hands the job back to the queue, where the second instance runs it. (BullMQ may give
  // the closing worker the job once more: it goes straight back, unrun.)
  const second = await sharedInstance({ slack, sim, redis, env, log: secondLogs.log });
  sim.setFaults({ latencyMs: 0 });
  await first.stop();
  expect(await slackFinalText(slack, message.ts, 20_000)).toMatch(/Strong evidence of AI generation/);
  const said = (logs: typeof firstLogs, msg: string) =>
    logs.lines.filter((l) => (JSON.parse(l) as { msg: string }).msg === msg).length;
  expect(said(firstLogs, 'check handed back to the queue')).toBeGreaterThanOrEqual(1);
  expect(said(secondLogs, 'check taken from the queue')).toBe(1);
  // Run twice at BitMind (the first run's call was under way), answered once.
  expect(images()).toBe(2);
  expect(slack.threadReplies(slack.channels.general, message.ts)).toHaveLength(1);
  expect(await charged(alice)).toBe(1);

  // The same person's next check is charged as usual, on top of the one charge.
  slack.deliverOverHttp(`${second.url}/slack/events`);
  const next = slackImageMessage(slack, 'next.png', 0.12);
  await slack.shortcut({ user: alice, channel: slack.channels.general, message: next });
  expect(await slackFinalText(slack, next.ts)).toMatch(/Little evidence of AI generation/);
  expect(await charged(alice)).toBe(2);
}, 60_000);
