import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockWaitError, RedisLock } from '../../adapters/slack/install/redis-lock.js';
import { createLogger } from '../../src/log.js';
import { RedisConnection } from '../../src/state/redis-connection.js';
import { useRedis } from '../helpers/redis.js';

/** The lock that keeps a Slack token refresh to one instance at a time, on a real redis-server. */
describe('RedisLock', () => {
  const redis = useRedis();
  const connections: RedisConnection[] = [];
  let client: Redis;
  const logger = createLogger({ level: 'silent' });
  const prefix = () => `${redis.prefix}lock:`;
  /** A lock as one instance holds it: its own connection, as each process has. */
  const instance = async (timing = { ttlMs: 5000, waitMs: 5000 }) => {
    const connection = new RedisConnection(redis.settings(), { logger });
    connections.push(connection);
    await connection.ready(5000);
    return new RedisLock(connection, prefix(), timing);
  };
  const never = () => Promise.resolve(false);

  beforeAll(() => {
    client = new Redis(redis.url);
  });
  afterAll(async () => {
    client.disconnect();
    for (const c of connections) await c.close();
  });

  it('runs the work of two instances one after the other, and lets go', async () => {
    const [a, b] = [await instance(), await instance()];
    let running = 0;
    let overlapped = false;
    const work = async () => {
      running += 1;
      overlapped ||= running > 1;
      await delay(50);
      running -= 1;
      return running;
    };
    await Promise.all([a.around('team:T1', work, never), b.around('team:T1', work, never)]);
    expect(overlapped).toBe(false);
    expect(await client.exists(`${prefix()}team:T1`)).toBe(0);
  });

  it('stops waiting once the holder settled the matter, and runs the work without the lock', async () => {
    const lock = await instance();
    await client.set(`${prefix()}team:T2`, 'another-instance', 'PX', 5000);
    let done = false;
    const waiting = lock.around(
      'team:T2',
      () => Promise.resolve('ran'),
      () => Promise.resolve(done),
    );
    done = true;
    expect(await waiting).toBe('ran');
    // The holder's lock is the holder's to let go: the waiter never touched it.
    expect(await client.get(`${prefix()}team:T2`)).toBe('another-instance');
  });

  it("takes the lock once a dead holder's lapses", async () => {
    const lock = await instance();
    await client.set(`${prefix()}team:T3`, 'dead-instance', 'PX', 200);
    const started = Date.now();
    await lock.around('team:T3', () => Promise.resolve(), never);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('gives up after its wait, with an error that names the lock', async () => {
    const lock = await instance({ ttlMs: 5000, waitMs: 150 });
    await client.set(`${prefix()}team:T4`, 'stuck-instance', 'PX', 5000);
    await expect(lock.around('team:T4', () => Promise.resolve(), never)).rejects.toThrow(LockWaitError);
    await expect(lock.around('team:T4', () => Promise.resolve(), never)).rejects.toThrow(
      /team:T4 stayed locked by another instance/,
    );
  });

  it("never deletes the next holder's lock after its own lapsed", async () => {
    const slow = await instance({ ttlMs: 100, waitMs: 5000 });
    await slow.around(
      'team:T5',
      async () => {
        await delay(150);
        // The lock lapsed meanwhile, and another instance took it.
        await client.set(`${prefix()}team:T5`, 'next-holder', 'PX', 5000);
      },
      never,
    );
    expect(await client.get(`${prefix()}team:T5`)).toBe('next-holder');
  });
});
