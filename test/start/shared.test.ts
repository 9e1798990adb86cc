import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckRequest } from '../../src/domain/types.js';
import type { Service } from '../../src/start.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { useRedis } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';
import { fakeSlack, pngScored, runCleanups, sharedInstance } from './support.js';

/**
 * Two running services on one Redis and one BitMind account (the simulator, limiting that account
 * as BitMind would): `start` wires the shared rate limit and the shared verdict cache.
 */
failOnStrayErrors();
const redis = useRedis();
// Each instance reads /status once (a call the account pays for too), then checks pictures.
const LIMIT = 5;
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ rateLimit: { limit: LIMIT, windowMs: 60_000 } });
});
afterEach(runCleanups);
afterAll(async () => {
  await sim.close();
});

async function instance(): Promise<Service> {
  return sharedInstance({ slack: await fakeSlack(), sim, redis, env: { BITMIND_RATE_LIMIT: String(LIMIT) } });
}

let n = 0;
function request(bytes: Buffer): CheckRequest {
  return {
    id: `shared-${++n}`,
    trigger: 'command',
    requester: { platform: 'test', userId: 'U1', channelId: 'C1' },
    media: [{ name: `${n}.png`, open: () => Promise.resolve(Readable.from([bytes])) }],
  };
}

describe('two instances of the running bot on one Redis', () => {
  it('share one BitMind rate limit and one verdict cache', async () => {
    const [a, b] = [await instance(), await instance()];
    const pictures = [0.1, 0.2, 0.3, 0.4].map((score) => pngScored(score));
    const apiCalls = () => sim.requests.filter((r) => r.path === '/image' || r.path === '/status');

    // The account's five calls of the minute: /status and two pictures through A, /status and one
    // picture through B.
    await a.core.checker.check(request(pictures[0]!));
    await a.core.checker.check(request(pictures[1]!));
    await b.core.checker.check(request(pictures[2]!));
    // A fourth picture on B waits for the minute to move on instead of meeting a 429.
    const fourth = b.core.checker.check(request(pictures[3]!));
    await waitFor(() => b.core.bitmind.queueStats().waiting === 1, { what: "B's fourth call to wait" });
    // What A judged is a hit on B, with the account's minute spent.
    const again = await b.core.checker.check(request(pictures[0]!));

    expect(again.items[0]).toMatchObject({ cached: true });
    expect(apiCalls().map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(b.core.bitmind.queueStats().waiting).toBe(1);
    // Stopping B gives the waiting check up (its report says so): it never went out uncounted.
    await b.stop();
    expect((await fourth).items[0]).toMatchObject({ error: { code: 'unavailable' } });
    expect(apiCalls()).toHaveLength(LIMIT);
  }, 60_000);
});
