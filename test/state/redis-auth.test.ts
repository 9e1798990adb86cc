import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import {
  openRedisConnection,
  RedisConnection,
  StateUnavailableError,
} from '../../src/state/redis-connection.js';
import { RedisStateStore } from '../../src/state/redis-store.js';
import { captureLogger } from '../log/capture.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { useRedis } from '../helpers/redis.js';

failOnStrayErrors();
const PASSWORD = 'SENTINEL-right';
const redis = useRedis({ args: ['--requirepass', PASSWORD] });

/** REDIS_URL with the password in it, as an operator would write it. */
function settingsWith(password: string) {
  const url = new URL(redis.url);
  url.password = password;
  const config = loadConfig({ REDIS_URL: url.toString(), REDIS_PREFIX: 'auth-test:' });
  if (!config.redis) throw new Error('REDIS_URL was not taken');
  return config.redis;
}

it('connects with the password from REDIS_URL, and never logs it', async () => {
  const { log, lines } = captureLogger();
  const connection = new RedisConnection(settingsWith(PASSWORD), { logger: log });
  try {
    await connection.ready(5000);
    const store = new RedisStateStore(connection);
    await store.set('k', 'v', 60_000);
    expect(await store.get('k')).toBe('v');
  } finally {
    await connection.close();
  }
  expect(lines.join('')).not.toContain('SENTINEL');
});

it('with a wrong password: calls are refused as unavailable, and the start stops with one error saying why, without either password', async () => {
  const { log, lines } = captureLogger();
  const connection = new RedisConnection(settingsWith('SENTINEL-wrong'), { logger: log });
  try {
    await expect(connection.ready(1000)).rejects.toBeInstanceOf(StateUnavailableError);
    await expect(new RedisStateStore(connection).get('k')).rejects.toBeInstanceOf(StateUnavailableError);
  } finally {
    await connection.close();
  }

  const refused = await openRedisConnection(settingsWith('SENTINEL-wrong'), log, 1000).then(
    () => new Error('connected with a wrong password'),
    (err: unknown) => err as Error,
  );
  expect(refused.message).toMatch(/WRONGPASS|invalid password|NOAUTH/i);
  expect(refused.message).toContain(redis.url);
  expect(refused.message).toMatch(/check REDIS_URL and REDIS_PASSWORD/);
  expect(`${refused.message}${lines.join('')}`).not.toContain('SENTINEL');
});
