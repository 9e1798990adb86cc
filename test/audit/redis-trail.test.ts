import { afterAll, expect, it } from 'vitest';
import { RedisAuditTrail } from '../../src/audit/redis-trail.js';
import { createLogger } from '../../src/log.js';
import { RedisConnection } from '../../src/state/redis-connection.js';
import { useRedis } from '../helpers/redis.js';
import { auditTrailContract, check, Clock } from './contract.js';

const redis = useRedis();
const logger = createLogger({ level: 'silent' });
const connections: RedisConnection[] = [];
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
});

async function connect(place: string): Promise<RedisConnection> {
  const connection = new RedisConnection(redis.settings(`${place}:`), { logger });
  connections.push(connection);
  await connection.ready(5000);
  return connection;
}

/** Every entry's `entry` field in every audit stream under `place`. */
async function stored(place: string): Promise<string[]> {
  const connection = await connect(place);
  const keys = await connection.client.keys(`${redis.prefix}${place}:audit:*`);
  const texts: string[] = [];
  for (const key of keys)
    for (const [, fields] of await connection.client.xrange(key, '-', '+')) texts.push(fields.join(' '));
  return texts;
}

auditTrailContract('a Redis stream per workspace', {
  open: async (place, days, clock) =>
    RedisAuditTrail.open(await connect(place), { days, now: clock.now, logger }),
  stored,
  async corrupt(place, scope, text, at) {
    const connection = await connect(place);
    await connection.client.xadd(
      `${redis.prefix}${place}:audit:${scope.platform}:${scope.workspace}`,
      `${at}-0`,
      'entry',
      text,
    );
  },
});

it('keeps one stream per workspace, named by platform and workspace, that expires after the retention', async () => {
  const clock = new Clock(Date.now());
  const connection = await connect('names');
  const trail = await RedisAuditTrail.open(connection, { days: 2, now: clock.now, logger });
  await trail.record(check(clock.ms));
  await trail.record(check(clock.ms, { platform: 'discord', workspace: 'G1' }));
  const keys = (await connection.client.keys(`${redis.prefix}names:audit:*`)).sort();
  expect(keys).toEqual([`${redis.prefix}names:audit:discord:G1`, `${redis.prefix}names:audit:slack:T1`]);
  for (const key of keys) {
    expect(await connection.client.type(key)).toBe('stream');
    const ttl = await connection.client.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2 * 24 * 60 * 60 * 1000);
  }
  await trail.close();
});
