import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { RedisSettingsStore } from '../../src/settings/redis-store.js';
import { DEFAULT_CHANNEL_SETTINGS } from '../../src/settings/store.js';
import { RedisConnection } from '../../src/state/redis-connection.js';
import { captureLogger } from '../log/capture.js';
import { useRedis } from '../helpers/redis.js';
import { settingsStoreContract } from './contract.js';

/** Workspaces the tests use. */
const SLACK = { platform: 'slack', workspace: 'T1' };

const redis = useRedis();
const silent = createLogger({ level: 'silent' });
const connections: RedisConnection[] = [];

/** A connection of its own, as another instance would have, under the file's prefix and `more`. */
async function connect(more = ''): Promise<RedisConnection> {
  const connection = new RedisConnection(redis.settings(more), { logger: silent });
  connections.push(connection);
  await connection.ready(5000);
  return connection;
}
let shared: RedisConnection;
beforeAll(async () => {
  shared = await connect();
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
});

settingsStoreContract(
  'a Redis hash',
  async (place) => new RedisSettingsStore(await connect(`${place}:`), silent),
);

it('shows a change made through one instance to another at once, with no restart', async () => {
  const a = new RedisSettingsStore(await connect('instances:'), silent);
  const b = new RedisSettingsStore(await connect('instances:'), silent);
  expect(await b.get(SLACK, 'C1')).toEqual(DEFAULT_CHANNEL_SETTINGS);
  await a.update(SLACK, 'C1', { autoscan: true });
  expect(await b.get(SLACK, 'C1')).toMatchObject({ autoscan: true });
});

it('reads a value another version wrote, and cannot read, as the defaults, says so once, and a change repairs it', async () => {
  const { log, lines } = captureLogger();
  const store = new RedisSettingsStore(shared, log);
  await shared.client.hset(
    `${redis.prefix}settings`,
    'slack:C9',
    '{"autoscan":true,"replyMode":"digest"}',
    'slack:C8',
    'not json',
  );
  expect(await store.get(SLACK, 'C9')).toEqual(DEFAULT_CHANNEL_SETTINGS);
  expect(await store.get(SLACK, 'C9')).toEqual(DEFAULT_CHANNEL_SETTINGS);
  expect(await store.get(SLACK, 'C8')).toEqual(DEFAULT_CHANNEL_SETTINGS);
  expect(lines.filter((l) => l.includes('"field":"slack:C9"'))).toHaveLength(1);
  expect(lines.filter((l) => l.includes('"field":"slack:C8"'))).toHaveLength(1);
  expect(await store.update(SLACK, 'C9', { replyMode: 'all' })).toMatchObject({
    replyMode: 'all',
    autoscan: false,
  });
  expect(JSON.parse((await shared.client.hget(`${redis.prefix}settings`, 'slack:T1:C9')) ?? '')).toEqual({
    autoscan: false,
    replyMode: 'all',
  });
});
