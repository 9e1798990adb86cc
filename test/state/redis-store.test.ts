import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { RedisConnection } from '../../src/state/redis-connection.js';
import { RedisStateStore } from '../../src/state/redis-store.js';
import { useRedis } from '../helpers/redis.js';
import { stateStoreContract } from './contract.js';

const redis = useRedis();
let connection: RedisConnection;

beforeAll(async () => {
  connection = new RedisConnection(redis.settings(), { logger: createLogger({ level: 'silent' }) });
  await connection.ready(5000);
});
afterAll(async () => {
  await connection?.close();
});

stateStoreContract('in Redis', () => new RedisStateStore(connection));

it('keeps every key under the prefix, and counters and lists with their time to live', async () => {
  const store = new RedisStateStore(connection);
  await store.set('layout:plain', 'v', 60_000);
  await store.increment('layout:count', 1, 60_000);
  await store.pushCapped('layout:recent', 'a', 5, 60_000);
  const keys = (await connection.client.keys('*layout:*')).sort();
  expect(keys).toEqual(['count', 'plain', 'recent'].map((k) => `${redis.prefix}state:layout:${k}`));
  for (const key of keys) {
    const ttl = await connection.client.pttl(key);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  }
});

it('matches a prefix holding glob characters literally', async () => {
  const store = new RedisStateStore(connection);
  await store.set('glob[1]*:a', '1', 60_000);
  await store.set('glob1x:b', '2', 60_000);
  expect(await store.entries('glob[1]*:')).toEqual([['glob[1]*:a', '1']]);
});

it('refuses a fractional increment instead of sending Redis a command it rejects', async () => {
  await expect(new RedisStateStore(connection).increment('frac', 0.5, 60_000)).rejects.toThrow(RangeError);
});
