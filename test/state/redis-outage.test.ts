import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisConnection, StateUnavailableError } from '../../src/state/redis-connection.js';
import { RedisStateStore } from '../../src/state/redis-store.js';
import { captureLogger } from '../log/capture.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { useRedis } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';

failOnStrayErrors();
const redis = useRedis({ own: true });
const COMMAND_TIMEOUT_MS = 500;
const { log, lines } = captureLogger('info');
let connection: RedisConnection;
let store: RedisStateStore;
let reconnects = 0;

beforeAll(async () => {
  connection = new RedisConnection(redis.settings(), { logger: log, commandTimeoutMs: COMMAND_TIMEOUT_MS });
  connection.client.on('reconnecting', () => reconnects++);
  await connection.ready(5000);
  store = new RedisStateStore(connection);
});
afterAll(async () => {
  await connection?.close();
});

const said = (text: string) => lines.filter((line) => line.includes(text)).length;

/** How long `call` took to reject, and with what. */
async function failure(call: () => Promise<unknown>): Promise<{ err: unknown; ms: number }> {
  const started = Date.now();
  const err = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { err, ms: Date.now() - started };
}

it('refuses calls at once while Redis is down, says so once, and recovers by itself', async () => {
  await store.set('before', 'kept?', 60_000);
  await redis.stop();

  const down = await failure(() => store.setIfAbsent('during', 'x', 60_000));
  expect(down.err).toBeInstanceOf(StateUnavailableError);
  expect((down.err as Error).message).toBe('shared state (Redis) is unavailable');
  expect(down.ms).toBeLessThan(COMMAND_TIMEOUT_MS + 1000);
  expect(connection.health()).toMatchObject({ ok: false });

  // Several reconnection attempts fail, each with an `error` event: still one line.
  const seen = reconnects;
  await waitFor(() => reconnects >= seen + 3, { what: 'three reconnection attempts', timeoutMs: 10_000 });
  expect(said('shared state (Redis) is unavailable')).toBe(1);

  await redis.start();
  await waitFor(
    async () =>
      (await store.set('after', 'yes', 60_000).then(
        () => true,
        () => false,
      )) || false,
    {
      what: 'calls to work again',
      timeoutMs: 10_000,
      intervalMs: 50,
    },
  );
  expect(await store.get('after')).toBe('yes');
  expect(connection.health()).toEqual({ ok: true });
  expect(said('shared state (Redis) is reachable again')).toBe(1);
});

it('gives up on a server that hangs within the command timeout, and goes on once it answers', async () => {
  redis.pause();
  try {
    const hung = await failure(() => store.get('anything'));
    expect(hung.err).toBeInstanceOf(StateUnavailableError);
    expect(hung.ms).toBeGreaterThanOrEqual(COMMAND_TIMEOUT_MS - 50);
    expect(hung.ms).toBeLessThan(COMMAND_TIMEOUT_MS + 1000);
  } finally {
    redis.resume();
  }
  await waitFor(async () => (await store.get('after').catch(() => undefined)) === 'yes', {
    what: 'the server to answer again',
    timeoutMs: 10_000,
    intervalMs: 50,
  });
});
