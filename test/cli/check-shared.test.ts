import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { RedisConnection } from '../../src/state/redis-connection.js';
import { RedisRateLog } from '../../src/state/redis-rate-log.js';
import { isApiCall } from '../cluster/support.js';
import { useRedis } from '../helpers/redis.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * `bitmind-bot check` beside running instances (REDIS_URL set, a real account): its calls wait on
 * the account's shared rate limit like theirs, and it reads the verdicts they share.
 */
const redis = useRedis();
const examples = resolve(import.meta.dirname, '../../examples');
let sim: Simulator;
let connection: RedisConnection;

beforeAll(async () => {
  sim = await startSimulator();
  connection = new RedisConnection(redis.settings(), { logger: createLogger({ level: 'silent' }) });
  await connection.ready(5000);
});
afterEach(() => sim.clearLog());
afterAll(async () => {
  await connection.close();
  await sim.close();
});

function check(file: string) {
  return runCli(['check', '--json', resolve(examples, file)], {
    env: {
      BITMIND_BASE_URL: sim.url,
      BITMIND_API_KEY: sim.credentials.apiKey,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
    },
    timeoutMs: 30_000,
  });
}

describe('bitmind-bot check with REDIS_URL', () => {
  it('waits out a pause another instance set after a 429 before calling BitMind', async () => {
    // As an instance does when BitMind answers 429 with Retry-After: 3.
    const pauseMs = 3000;
    await new RedisRateLog(connection).pause(pauseMs);
    const pausedAt = Date.now();

    const run = await check('landscape.png');

    expect(run.code, run.stderr).toBe(0);
    const calls = sim.requests.filter(isApiCall);
    expect(calls.length).toBeGreaterThan(0);
    // Redis's clock and ours are one machine's; 100 ms covers the pause being set before `pausedAt`.
    for (const call of calls) expect(call.at.getTime()).toBeGreaterThanOrEqual(pausedAt + pauseMs - 100);
    // And its starts are in the shared log, where the instances count them.
    expect(await connection.client.zcard(`${redis.prefix}ratelimit:log`)).toBeGreaterThan(0);
  });

  it('answers from the verdict cache the instances share, across processes', async () => {
    const imageCalls = () => sim.requests.filter((r) => r.path === '/image' || r.path === '/batch_image');
    const first = await check('generated-art.png');
    expect(first.code, first.stderr).toBe(0);
    expect(imageCalls()).toHaveLength(1);

    const second = await check('generated-art.png');

    expect(second.code, second.stderr).toBe(0);
    const [result] = (JSON.parse(second.stdout) as { results: Array<{ cached: boolean }> }).results;
    expect(result?.cached).toBe(true);
    expect(imageCalls()).toHaveLength(1);
  });

  it('says in one line when Redis cannot be reached, and calls nobody', async () => {
    const run = await runCli(['check', resolve(examples, 'landscape.png')], {
      env: {
        BITMIND_BASE_URL: sim.url,
        BITMIND_API_KEY: sim.credentials.apiKey,
        REDIS_URL: 'redis://127.0.0.1:9/0',
      },
      timeoutMs: 30_000,
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /shared state \(Redis\) at redis:\/\/127\.0\.0\.1:9\/0 is unavailable.*REDIS_URL/,
    );
    expect(sim.requests).toHaveLength(0);
  });
});
