import { setMaxListeners } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BitmindError, type BitmindApi, type Priority } from '../../src/bitmind/index.js';
import { SharedLimiter } from '../../src/bitmind/shared-limiter.js';
import { createLogger } from '../../src/log.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { RedisConnection } from '../../src/state/redis-connection.js';
import { RedisRateLog } from '../../src/state/redis-rate-log.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { useRedis } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';
import { mediaFiles, oauthClient, requestsTo, type MediaFiles } from './support.js';

/**
 * The BitMind rate limit shared by several instances: each "instance" here is a client or limiter
 * with its own ioredis connection, all on one real redis-server (this file's own: one test stops it).
 */
failOnStrayErrors();
const redis = useRedis({ own: true });
const logger = createLogger({ level: 'silent' });
let sim: Simulator;
let media: MediaFiles;
const opened: Array<{ close(): Promise<void> | void }> = [];
let prefixes = 0;

beforeAll(async () => {
  sim = await startSimulator();
  media = await mediaFiles();
});
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
  sim.clearLog();
  sim.setFaults({ rateLimit: null });
});
afterAll(async () => {
  await sim.close();
  await media.cleanup();
});

/** A rate log on a connection of its own, under a key prefix shared by the test's "instances". */
async function rateLog(prefix: string): Promise<RedisRateLog> {
  const connection = new RedisConnection(redis.settings(prefix), { logger });
  opened.push(connection);
  await connection.ready(5000);
  return new RedisRateLog(connection);
}

/** Puts a start `ms` ago into the shared log, on Redis's own clock, as RedisRateLog's script would. */
async function startedAgo(prefix: string, ms: number): Promise<void> {
  const connection = new RedisConnection(redis.settings(prefix), { logger });
  opened.push(connection);
  await connection.ready(5000);
  const [seconds, micros] = await connection.client.time();
  const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  await connection.client.zadd(`${connection.settings.prefix}ratelimit:log`, now - ms, 'an earlier start');
}

function limiter(log: RedisRateLog, limits: { limit: number; windowMs: number }, outageWaitMs?: number) {
  const made = new SharedLimiter({
    ...limits,
    concurrency: 4,
    log,
    logger,
    ...(outageWaitMs === undefined ? {} : { outageWaitMs }),
  });
  opened.push(made);
  return made;
}

/** The largest number of arrivals in any window of `windowMs`, from their times in ms. */
function worstWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let worst = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    worst = Math.max(worst, last - first + 1);
  }
  return worst;
}

describe('the BitMind rate limit shared through Redis', () => {
  it('keeps three instances hammering one account within the limit in every window: no 429', async () => {
    const rateLimit = { limit: 10, windowMs: 1000 };
    const prefix = `hammer${++prefixes}:`;
    const clients: BitmindApi[] = [];
    for (let i = 0; i < 3; i++) {
      const client = oauthClient(sim, { rateLimit, concurrency: 4, rateLog: await rateLog(prefix) });
      opened.push(client);
      clients.push(client);
    }
    // Warmed first: connections open (/health is not rate limited) and one call each, before the
    // simulator starts counting. The margin, 250 ms at this 1 s window (3 s at BitMind's minute),
    // absorbs a fresh connection's set-up; on a loaded test machine a cold process's first calls
    // can take longer than that, which says nothing about the shared log. The warm-up's starts
    // stay in the log, so they only make it stricter.
    await Promise.all(
      clients.flatMap((client) => [
        ...Array.from({ length: 4 }, () => client.health()),
        client.checkImage(media.png),
      ]),
    );
    sim.clearLog();
    sim.setFaults({ rateLimit });

    const calls = clients.flatMap((client, c) =>
      Array.from({ length: 20 }, (_, i) =>
        client.checkImage(i % 2 ? media.jpeg : media.png, {
          priority: (i + c) % 3 ? 'background' : 'interactive',
        }),
      ),
    );
    const verdicts = await Promise.all(calls);

    expect(verdicts).toHaveLength(60);
    const arrivals = requestsTo(sim, '/image');
    // Should this fail, the arrivals (ms after the first, with their status) tell which call was late.
    const first = arrivals[0]?.at.getTime() ?? 0;
    const seen = arrivals.map((r) => `${r.at.getTime() - first}:${r.status}`).join(' ');
    expect(
      arrivals.map((r) => r.status).filter((s) => s !== 200),
      seen,
    ).toEqual([]);
    expect(arrivals, seen).toHaveLength(60);
    // Measured where BitMind would count: the simulator's own arrival times, in any window at all.
    const times = arrivals.map((r) => r.at.getTime());
    expect(worstWindow(times, rateLimit.windowMs), seen).toBeLessThanOrEqual(rateLimit.limit);
  }, 90_000);

  it("gives a freed start to a person waiting on one instance before another instance's auto-scan", async () => {
    // A limit of 2 keeps one start for people: auto-scans start only while the log holds none.
    const limits = { limit: 2, windowMs: 1000 };
    const prefix = `fair${++prefixes}:`;
    const a = limiter(await rateLog(prefix), limits);
    const b = limiter(await rateLog(prefix), limits);
    const order: string[] = [];
    const call = (on: SharedLimiter, name: string, priority: Priority) =>
      on.run(
        () => {
          order.push(name);
          return Promise.resolve();
        },
        priority,
        false,
      );

    // An auto-scan started 600 ms ago (on Redis's clock, written as the script writes a start), so
    // the two starts leave the window well apart: the person may start again when the first
    // leaves, the auto-scan only when both have.
    await startedAgo(prefix, 600);
    await call(b, 'person 1', 'interactive');
    // The log is full; A's auto-scan waits first, then B's person.
    const scan = call(a, 'scan 2', 'background');
    const person = call(b, 'person 2', 'interactive');
    await Promise.all([scan, person]);

    expect(order).toEqual(['person 1', 'person 2', 'scan 2']);
  }, 20_000);

  it('lets a person through at once while auto-scans of another instance fill the rest of the window', async () => {
    const limits = { limit: 20, windowMs: 60_000 };
    const prefix = `reserve${++prefixes}:`;
    const a = limiter(await rateLog(prefix), limits);
    const b = limiter(await rateLog(prefix), limits);
    const stop = new AbortController();
    setMaxListeners(30, stop.signal);
    let scans = 0;
    const queued = Array.from({ length: 25 }, () =>
      a.run(() => Promise.resolve(++scans), 'background', false, stop.signal).catch(() => 'given up'),
    );
    // 19 of 20 starts go to auto-scans; the rest of them wait for the window to move on.
    await waitFor(() => scans === 19, { what: 'the auto-scans to fill the log' });

    await b.run(() => Promise.resolve(), 'interactive', false);

    expect(a.stats().waiting).toBe(6);
    stop.abort();
    expect(await Promise.all(queued)).toEqual([
      ...Array.from({ length: 19 }, (_, i) => i + 1),
      ...Array.from({ length: 6 }, () => 'given up'),
    ]);
  });

  it('pauses every instance after a 429 on one of them, for its Retry-After', async () => {
    const prefix = `pause${++prefixes}:`;
    const logA = await rateLog(prefix);
    const logB = await rateLog(prefix);
    expect(await logB.take(10, 1000)).toBe(0);

    await logA.pause(60_000);

    const wait = await logB.take(10, 1000);
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    // A shorter pause after a longer one does not shorten it.
    await logB.pause(1000);
    expect(await logA.take(10, 1000)).toBeGreaterThan(50_000);
  });

  it('holds the other instances when a 429 reaches one: their calls leave after the pause', async () => {
    const prefix = `pause-e2e${++prefixes}:`;
    const a = oauthClient(sim, { rateLog: await rateLog(prefix) });
    const b = oauthClient(sim, { rateLog: await rateLog(prefix) });
    const probe = new RedisConnection(redis.settings(prefix), { logger });
    opened.push(a, b, probe);
    await probe.ready(5000);
    sim.next({ kind: 'status', status: 429, retryAfter: 1 });

    const first = a.checkImage(media.jpeg);
    await waitFor(async () => (await probe.client.exists(`${probe.settings.prefix}ratelimit:pause`)) === 1, {
      what: "A's 429 to pause the shared log",
    });
    await b.checkImage(media.png);
    await first;

    const arrivals = requestsTo(sim, '/image');
    expect(arrivals.map((r) => r.status)).toEqual([429, 200, 200]);
    const rateLimitedAt = arrivals[0]!.at.getTime();
    for (const later of arrivals.slice(1)) {
      expect(later.at.getTime() - rateLimitedAt).toBeGreaterThanOrEqual(1000);
    }
  });
});

describe('the shared rate limit when Redis is unreachable', () => {
  it('waits while Redis is down and resumes by itself when it returns', async () => {
    const a = limiter(await rateLog(`outage${++prefixes}:`), { limit: 5, windowMs: 1000 }, 60_000);
    await redis.stop();
    let ran = false;
    const call = a.run(() => Promise.resolve((ran = true)), 'interactive', false);
    await waitFor(() => a.stats().waiting === 1, { what: 'the call to wait' });
    expect(ran).toBe(false);

    await redis.start();

    await call;
    expect(ran).toBe(true);
  }, 30_000);

  it('fails waiting calls with a clear "unavailable" once Redis has been gone too long, and never crashes', async () => {
    const a = limiter(await rateLog(`outage${++prefixes}:`), { limit: 5, windowMs: 1000 }, 1000);
    await redis.stop();
    try {
      const err = await a.run(() => Promise.resolve('sent'), 'interactive', false).catch((e: unknown) => e);

      expect(err).toBeInstanceOf(BitmindError);
      expect((err as BitmindError).code).toBe('unavailable');
      expect((err as BitmindError).message).toMatch(/shared .* \(in Redis\) is unreachable\. Try again/);
      // A 429 with Redis gone still pauses this instance, with one log line and no rejection.
      a.pauseFor(10);
    } finally {
      await redis.start();
    }
  }, 30_000);
});
