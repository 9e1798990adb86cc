import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisVerdictStore } from '../../src/check/redis-verdict-store.js';
import { MemoryVerdictStore } from '../../src/check/verdict-store.js';
import type { CheckRequest } from '../../src/domain/types.js';
import { createLogger } from '../../src/log.js';
import { RedisConnection } from '../../src/state/redis-connection.js';
import { startCore } from '../helpers/core.js';
import { png } from '../helpers/media-samples.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { useRedis } from '../helpers/redis.js';
import { verdictStoreContract } from './verdict-store-contract.js';

failOnStrayErrors();
const redis = useRedis({ own: true });
const logger = createLogger({ level: 'silent' });
let connection: RedisConnection;

beforeAll(async () => {
  connection = new RedisConnection(redis.settings(), { logger });
  await connection.ready(5000);
});
afterAll(async () => {
  await connection?.close();
});

verdictStoreContract('in memory', (ttlMs) => new MemoryVerdictStore({ maxEntries: 100, ttlMs }));
verdictStoreContract('in Redis', (ttlMs) => new RedisVerdictStore(connection, { ttlMs, logger }));

describe('the verdict cache in Redis', () => {
  const sha = 'ab'.repeat(32);

  it('keeps each verdict under the prefix, with its time to live', async () => {
    const store = new RedisVerdictStore(connection, { ttlMs: 60_000, logger });
    await store.set(sha, { isAI: false, confidence: 0.2, processingTime: 0.1, simulated: true });
    const key = `${redis.prefix}verdict:${sha}`;
    expect(JSON.parse((await connection.client.get(key)) ?? 'null')).toEqual({
      isAI: false,
      confidence: 0.2,
      processingTime: 0.1,
      simulated: true,
    });
    const ttl = await connection.client.pttl(key);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('takes what does not validate when read back as a miss, not as a verdict', async () => {
    const store = new RedisVerdictStore(connection, { ttlMs: 60_000, logger });
    const key = `${redis.prefix}verdict:${sha}`;
    for (const stored of [
      'not json',
      '{"isAI":"yes","confidence":0.5,"processingTime":1,"simulated":false}',
    ]) {
      await connection.client.set(key, stored);
      expect(await store.getMany([sha])).toEqual([undefined]);
    }
  });

  it('reads as a miss and forgets the write while Redis is down, without throwing', async () => {
    const store = new RedisVerdictStore(connection, { ttlMs: 60_000, logger });
    await redis.stop();
    try {
      await store.set(sha, { isAI: true, confidence: 0.9, processingTime: 0.1, simulated: true });
      expect(await store.getMany([sha])).toEqual([undefined]);
    } finally {
      await redis.start();
    }
    await connection.ready(10_000);
  }, 30_000);
});

describe('a Checker on the verdict cache in Redis', () => {
  it("sends a request's media as one batch, its lookups asked of Redis in one MGET", async () => {
    const core = await startCore({ redis: connection });
    try {
      const media = [1, 2, 3, 4, 5].map((i) => {
        const bytes = png(20 + i, 9);
        return { name: `${i}.png`, open: () => Promise.resolve(Readable.from([bytes])) };
      });
      const report = await core.checker.check({
        id: 'batch',
        trigger: 'command',
        requester: { platform: 'test', userId: 'U1', channelId: 'C1' },
        media,
      });

      expect(report.items.filter((i) => 'isAI' in i)).toHaveLength(5);
      const calls = core.sim.requests.filter((r) => r.path === '/batch_image' || r.path === '/image');
      expect(calls.map((r) => [r.path, r.fileCount])).toEqual([['/batch_image', 5]]);
    } finally {
      await core.close();
    }
  });
});

describe('two instances sharing one Redis', () => {
  it('judge the same bytes once: a verdict computed by one is a hit on the other', async () => {
    const connections = [0, 1].map(() => new RedisConnection(redis.settings('shared:'), { logger }));
    await Promise.all(connections.map((c) => c.ready(5000)));
    const [a, b] = await Promise.all(connections.map((c) => startCore({ redis: c })));
    try {
      const bytes = png(7, 3);
      const request = (id: string): CheckRequest => ({
        id,
        trigger: 'command',
        requester: { platform: 'test', userId: 'U1', channelId: 'C1' },
        media: [{ name: 'same.png', open: () => Promise.resolve(Readable.from([bytes])) }],
      });

      const first = await a!.checker.check(request('on-a'));
      const second = await b!.checker.check(request('on-b'));

      expect(first.items[0]).toMatchObject({ kind: 'image', cached: false });
      expect(second.items[0]).toMatchObject({ kind: 'image', cached: true });
      const calls = [a!, b!].flatMap((core) => core.sim.requests.filter((r) => r.path === '/image'));
      expect(calls).toHaveLength(1);
      const { isAI, confidence } = first.items[0] as { isAI: boolean; confidence: number };
      expect(second.items[0]).toMatchObject({ isAI, confidence });
    } finally {
      await Promise.all([a?.close(), b?.close()]);
      await Promise.all(connections.map((c) => c.close()));
    }
  });
});
