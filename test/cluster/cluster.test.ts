import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STATE_UNAVAILABLE } from '../../src/pipeline/failure.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../fakes/slack/index.js';
import { useRedis } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';
import { get, readyz, sample } from '../start/support.js';
import {
  apiCalls,
  imagesMessage,
  isApiCall,
  PLACEHOLDER,
  startInstance,
  via,
  type Instance,
} from './support.js';

/**
 * Three real bot processes, one bot: one Redis of this file's own, the fake Slack in HTTP mode (each
 * delivery sent to the instance a load balancer would pick), and the BitMind simulator in this
 * process. The cases run in order on the same cluster; the figures are printed at the end and
 * written to `figures.json` in this run's temporary directory.
 */

/** BITMIND_RATE_LIMIT, and the simulator's limit per minute: the account's, for all instances together. */
const LIMIT = 20;
const WINDOW_MS = 60_000;
const STALL_SECONDS = 4;

// Redis keeps its data through the stop and start of the outage case, as a production Redis must
// (BullMQ's jobs live there): append-only file, written at every command.
const redis = useRedis({ own: true, args: ['--appendonly', 'yes', '--appendfsync', 'always'] });
let slack: FakeSlack;
let sim: Simulator;
let env: Record<string, string>;
const instances: Instance[] = [];
const figures: Record<string, unknown> = {};
const figuresDir = mkdtempSync(join(tmpdir(), 'bitmind-cluster-'));

beforeAll(async () => {
  slack = await startFakeSlack({ pingIntervalMs: 1000 });
  sim = await startSimulator({ rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } });
  env = {
    ...slack.env('http'),
    BITMIND_BASE_URL: sim.url,
    BITMIND_CLIENT_ID: sim.credentials.clientId,
    BITMIND_CLIENT_SECRET: sim.credentials.clientSecret,
    BITMIND_RATE_LIMIT: String(LIMIT),
    // A slot for every check, so each leaves as its own call while the limit allows: the burst's 30
    // checks ask for more calls than one window holds (the three instances' own limiters would let
    // 60 through), and only a limiter shared by the instances keeps to it.
    BITMIND_CONCURRENCY: '16',
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    JOB_STALL_SECONDS: String(STALL_SECONDS),
  };
  instances.push(...(await Promise.all(['A', 'B', 'C'].map((name) => startInstance(name, env, figuresDir)))));
}, 180_000);

afterAll(async () => {
  for (const instance of instances) await instance.close();
  await sim?.close();
  await slack?.close();
  const file = join(figuresDir, 'figures.json');
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(
    [
      '',
      '==== three-instance cluster: figures ====',
      ...Object.entries(figures).map(([name, value]) => `${name}: ${JSON.stringify(value)}`),
      `(written to ${file})`,
      '=========================================',
    ].join('\n'),
  );
}, 60_000);

const general = () => slack.channels.general;
const alice = () => slack.users.alice.id;
const replies = (m: StoredMessage) => slack.threadReplies(general(), m.ts);
const isFinal = (m: StoredMessage) => {
  const thread = replies(m);
  return thread.length > 0 && !PLACEHOLDER.test(thread.at(-1)!.text);
};
const react = (instance: Instance, m: StoredMessage, options: Parameters<FakeSlack['react']>[1] = {}) =>
  via(slack, instance, () =>
    slack.react({ user: alice(), channel: general(), ts: m.ts, reaction: 'mag' }, options),
  );

/** Waits until every instance's view of the queue is empty: nothing waiting, nothing running. */
async function queueSettled(timeoutMs = 120_000): Promise<void> {
  await waitFor(
    async () => {
      const text = (await get(`${instances[0]!.url}/metrics`)).text;
      const series = (state: string) =>
        text.split('\n').find((l) => l.startsWith(`bitmind_bot_queue_jobs{state="${state}"`));
      const value = (state: string) => Number(series(state)?.split(' ').at(-1));
      return value('waiting') === 0 && value('active') === 0 && value('delayed') === 0;
    },
    { timeoutMs, intervalMs: 200, what: 'the check queue to be empty' },
  );
}

it('the same Slack event delivered to all three instances (as retries) gives one reply', async () => {
  const message = imagesMessage(slack, 'same-event', 1);
  const [a, b, c] = instances as [Instance, Instance, Instance];
  const first = await react(a, message);
  await Promise.all([
    react(b, message, { eventId: first.id, retryNum: 1 }),
    react(c, message, { eventId: first.id, retryNum: 2 }),
  ]);
  await waitFor(() => isFinal(message), { timeoutMs: 60_000, what: 'the reply' });
  // Whichever took it first, the two others said why they did not answer: the positive signal
  // that nothing else comes.
  const duplicate = (i: Instance) =>
    i.bot.logs.some((l) => l.msg === 'trigger not answered' && l.reason === 'duplicate');
  await waitFor(() => [a, b, c].filter(duplicate).length === 2, {
    timeoutMs: 30_000,
    what: 'two instances to recognise the duplicate',
  });
  await queueSettled();
  expect(replies(message)).toHaveLength(1);
  expect(replies(message)[0]!.text).toMatch(/Strong evidence/);
  figures.sameEventToThree = { deliveries: 3, replies: replies(message).length, duplicates: 0 };
});

it('auto-scan turned on through A is in force on B and C at their next trigger', async () => {
  const [a, b, c] = instances as [Instance, Instance, Instance];
  const ask = async (instance: Instance, text: string) => {
    const sent = await via(slack, instance, () =>
      slack.command({ user: slack.users.admin.id, channel: general(), text }),
    );
    const answer = await waitFor(() => slack.responses(sent.responseUrl)[0]?.args, {
      what: `${instance.name}'s answer to autoscan ${text}`,
    });
    return String(answer.text);
  };
  const before = await ask(b, 'autoscan status');
  expect(before).toMatch(/off/);
  expect(await ask(a, 'autoscan on')).toMatch(/\*on\*/);
  const changed = Date.now();
  // No cache anywhere: the first question after the change, to either other instance, sees it.
  const [onB, onC] = await Promise.all([ask(b, 'autoscan status'), ask(c, 'autoscan status')]);
  const seenMs = Date.now() - changed;
  expect(onB).toMatch(/\*on\*/);
  expect(onC).toMatch(/\*on\*/);
  expect(await ask(a, 'autoscan off')).toMatch(/off/);
  figures.autoscanSeenOnOthersMs = seenMs;
});

it('SIGKILL of the instance holding a slow check: the same placeholder is edited with the verdict, once', async () => {
  const { message, holder, placeholder } = await holdSlowCheck('slow', instances[1]!);
  expect(placeholder.text).toMatch(PLACEHOLDER);
  expect(placeholder.text).toMatch(PLACEHOLDER);

  holder.bot.signal('SIGKILL');
  const killed = Date.now();
  expect((await holder.bot.exited).signal).toBe('SIGKILL');
  sim.setFaults({ latencyMs: 0 });
  await waitFor(() => isFinal(message), { timeoutMs: 120_000, intervalMs: 100, what: 'the verdict' });
  const recoveryMs = Date.now() - killed;
  await queueSettledOn(instances.filter((i) => i !== holder));
  expect(replies(message)).toHaveLength(1);
  expect(replies(message)[0]!.ts).toBe(placeholder.ts);
  expect(replies(message)[0]!.text).toMatch(/Little evidence/);
  const edits = slack.callsTo('chat.update').filter((c) => c.args.ts === placeholder.ts);
  expect(edits.length).toBeGreaterThanOrEqual(1);
  figures.sigkill = {
    killed: holder.name,
    replies: replies(message).length,
    duplicates: replies(message).length - 1,
    samePlaceholder: replies(message)[0]!.ts === placeholder.ts,
    recoverySeconds: recoveryMs / 1000,
    jobStallSeconds: STALL_SECONDS,
  };

  // The cluster goes on with three: a fresh instance in the dead one's place.
  instances.splice(instances.indexOf(holder), 1);
  await holder.close();
  instances.push(await startInstance('D', env, figuresDir));
}, 240_000);

it('SIGTERM of the instance holding a slow check hands it back: another answers it in the same placeholder, nobody hears "restarting"', async () => {
  const { message, holder, placeholder } = await holdSlowCheck('handback', instances[0]!);

  sim.setFaults({ latencyMs: 0 });
  holder.bot.signal('SIGTERM');
  const stopped = Date.now();
  expect((await holder.bot.exited).code).toBe(0);
  expect(holder.bot.logs.some((l) => l.msg === 'check handed back to the queue')).toBe(true);
  await waitFor(() => isFinal(message), { timeoutMs: 60_000, intervalMs: 100, what: 'the verdict' });
  const answeredMs = Date.now() - stopped;
  await queueSettledOn(instances.filter((i) => i !== holder));
  expect(replies(message)).toHaveLength(1);
  expect(replies(message)[0]!.ts).toBe(placeholder.ts);
  expect(replies(message)[0]!.text).toMatch(/Little evidence/);
  figures.sigterm = {
    stopped: holder.name,
    replies: replies(message).length,
    samePlaceholder: replies(message)[0]!.ts === placeholder.ts,
    answeredSecondsAfterSigterm: answeredMs / 1000,
  };

  instances.splice(instances.indexOf(holder), 1);
  await holder.close();
  instances.push(await startInstance('E', env, figuresDir));
}, 240_000);

/** queueSettled, read through the first of `on` (the instance it would read first may be dead). */
async function queueSettledOn(on: Instance[]): Promise<void> {
  const first = instances[0]!;
  if (on.includes(first)) return queueSettled();
  instances.unshift(on[0]!);
  try {
    await queueSettled();
  } finally {
    instances.shift();
  }
}

it('Redis stopped for ten seconds mid-burst: every trigger answered once, by a verdict or by "try again"', async () => {
  const refusalsBefore = slack.callsTo('chat.postEphemeral').length;
  const messages = Array.from({ length: 12 }, (_, i) => imagesMessage(slack, `outage-${i}`, 1));
  const send = (from: number, to: number) =>
    Promise.all(messages.slice(from, to).map((m, i) => react(instances[(from + i) % 3]!, m)));

  // Checks take a few seconds now, so some are in flight when Redis goes away.
  sim.setFaults({ latencyMs: 3000 });
  const takenBefore = sum(takenCounts());
  await send(0, 4);
  await waitFor(() => messages.slice(0, 4).every((m) => replies(m).length > 0), {
    timeoutMs: 30_000,
    what: 'the first four placeholders',
  });
  // In flight means queued and taken: a placeholder is posted before its job reaches the queue, and
  // a job Redis never got is refused in its placeholder, which is the next four's case, not these.
  await waitFor(() => sum(takenCounts()) >= takenBefore + 4, {
    timeoutMs: 30_000,
    what: 'the first four checks taken from the queue',
  });
  await redis.stop();
  const stoppedAt = Date.now();
  const notReady = await readyz(instances[0]!.url, 503, () => true, 10_000);
  const refusals = () =>
    slack
      .callsTo('chat.postEphemeral')
      .slice(refusalsBefore)
      .filter((c) => c.args.text === STATE_UNAVAILABLE).length;
  // Sent while Redis is away: each is refused with "try again in a moment".
  await send(4, 8);
  await waitFor(() => refusals() === 4, { timeoutMs: 10_000, what: 'the four refusals' });
  // The outage lasts ten seconds: the scenario's length, not a wait for something to happen.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - stoppedAt))));
  sim.setFaults({ latencyMs: 0 });
  await redis.start();
  const restarted = Date.now();
  // Recovery: the checks that were in flight when Redis went away are answered once it is back.
  await waitFor(() => messages.slice(0, 4).every(isFinal), {
    timeoutMs: 120_000,
    intervalMs: 100,
    what: 'the checks in flight during the outage to be answered',
  });
  const recoveryMs = Date.now() - restarted;
  for (const instance of instances) await waitReady(instance);
  await send(8, 12);

  const answered = () => messages.filter(isFinal).length + refusals();
  await waitFor(() => answered() >= messages.length, {
    timeoutMs: 180_000,
    intervalMs: 200,
    what: 'every trigger of the outage burst answered',
  });
  await queueSettled();
  const threads = messages.map((m) => replies(m).length);
  figures.redisOutage = {
    triggers: messages.length,
    verdicts: messages.filter(isFinal).length,
    refusedTryAgain: refusals(),
    duplicates: threads.filter((n) => n > 1).length,
    placeholdersLeft: messages.filter((m) => replies(m).length > 0 && !isFinal(m)).length,
    readyzWhileDown: notReady.reasons,
    answers: messages.map((m) => replies(m)[0]?.text.slice(0, 40) ?? '(refused)'),
    recoverySecondsAfterRestart: recoveryMs / 1000,
  };
  expect((notReady.reasons ?? []).join(' ')).toMatch(/Redis/);
  expect(answered()).toBe(messages.length);
  expect(threads.every((n) => n <= 1)).toBe(true);
  // Nothing accepted is lost: those accepted before and after the outage get their verdict.
  for (const m of [...messages.slice(0, 4), ...messages.slice(8)])
    expect(replies(m)[0]?.text).toMatch(/Strong evidence/);
  expect(refusals()).toBe(4);
}, 300_000);

async function waitReady(instance: Instance): Promise<void> {
  await waitFor(async () => (await get(`${instance.url}/readyz`)).status === 200, {
    timeoutMs: 30_000,
    what: `${instance.name} ready again`,
  });
}

it('300 images across the three stay within the account limit in every window, with no 429', async () => {
  const since = Date.now();
  const messages = Array.from({ length: 30 }, (_, i) => imagesMessage(slack, `burst-${i}`, 10));
  await Promise.all(messages.map((m, i) => react(instances[i % 3]!, m)));
  await waitFor(() => messages.every(isFinal), {
    timeoutMs: 240_000,
    intervalMs: 250,
    what: 'a final reply to each of the 30 messages',
  });
  await queueSettled();
  const seen = apiCalls(sim, since, WINDOW_MS);
  const threads = messages.map((m) => replies(m).length);
  figures.burst = {
    images: 300,
    triggers: messages.length,
    replies: threads.reduce((s, n) => s + n, 0),
    duplicates: threads.filter((n) => n > 1).length,
    bitmindCalls: seen.calls,
    imagesJudged: seen.images,
    worstWindow: seen.worstWindow,
    // Beyond one window when the limit held calls back (held calls then leave as fewer, fuller batches).
    callsSpanSeconds: seen.spanMs / 1000,
    limit: LIMIT,
    rateLimited: seen.rateLimited,
    seconds: Math.round((Date.now() - since) / 1000),
  };
  expect(threads.every((n) => n === 1)).toBe(true);
  for (const m of messages) expect(replies(m)[0]!.text).toMatch(/10 with evidence/);
  expect(seen.rateLimited).toBe(0);
  expect(seen.worstWindow).toBeLessThanOrEqual(LIMIT);
}, 300_000);

// The figures' source of truth for the queue is the metrics; keep the helper honest about its series.
it('exports the queue figures per instance', async () => {
  const text = (await get(`${instances[0]!.url}/metrics`)).text;
  expect(text).toMatch(/bitmind_bot_queue_jobs\{state="waiting",bot_instance="[^"]+"\} 0/);
  expect(text).toMatch(/bitmind_bot_queue_stalled_total\{bot_instance="[^"]+"\} \d+/);
  expect(sample(text, 'bitmind_bot_bitmind_up')).toBe(1);
});

/** How many checks each instance has taken from the queue so far, in `instances` order. */
function takenCounts(): number[] {
  return instances.map((i) => i.bot.logs.filter((l) => l.msg === 'check taken from the queue').length);
}

const sum = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

/**
 * A one-image message reacted to through `via`, whose check the simulator holds (latency of two
 * minutes, until a test lifts it): the instance that took it from the queue, and the placeholder.
 */
async function holdSlowCheck(name: string, via: Instance) {
  sim.setFaults({ latencyMs: 120_000 });
  const taken = takenCounts();
  const message = imagesMessage(slack, name, 1, 0.07);
  const callsBefore = sim.requests.length;
  await react(via, message);
  const holder = await waitFor(
    () => {
      const now = takenCounts();
      return instances.find((_, i) => now[i]! > taken[i]!);
    },
    { timeoutMs: 30_000, what: 'an instance to take the check' },
  );
  // Its first BitMind call (/status for a fresh instance, else /image) is held by the simulator.
  await waitFor(() => sim.requests.slice(callsBefore).some(isApiCall), {
    timeoutMs: 60_000,
    what: 'the check to be waiting on BitMind',
  });
  return { message, holder, placeholder: replies(message)[0]! };
}
