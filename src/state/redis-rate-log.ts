import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RedisConnection } from './redis-connection.js';

/**
 * Admit one start or say how long to wait, as one atomic step on the server (a sliding log: a
 * sorted set of start times, scored in ms).
 * - Time is Redis's own (TIME), so instances whose clocks disagree still share one window.
 * - A pause set after a 429 comes first: nobody starts before it ends.
 * - Starts that left the window are dropped; if fewer than the caller's cap remain, this start is
 *   recorded and 0 returned; otherwise the wait until enough of the oldest have left.
 * - The set expires a window after its last start, so an idle bot leaves nothing behind.
 * KEYS: log, pause. ARGV: cap, window (ms), a member unique to this start.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return paused - now end
local cap = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < cap then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], count - cap, count - cap, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)`;

/** Moves the pause's end later, never earlier: two 429s keep the longer wait. KEYS: pause. ARGV: ms. */
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
if untilMs > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], untilMs, 'PX', ARGV[1])
end
return 1`;

const waitSchema = z.number().int().nonnegative();

/**
 * The BitMind rate limit's log of starts in Redis, shared by every instance (the `RateLog` of
 * `src/bitmind/shared-limiter.ts`): `<REDIS_PREFIX>ratelimit:log` (a sorted set of start times) and
 * `<REDIS_PREFIX>ratelimit:pause` (when a 429's pause ends, in Redis's clock). Failures reject
 * with StateUnavailableError within the connection's command timeout.
 */
export class RedisRateLog {
  readonly #redis: RedisConnection;
  readonly #log: string;
  readonly #pause: string;

  /** The connection belongs to the caller, which closes it. */
  constructor(connection: RedisConnection) {
    this.#redis = connection;
    this.#log = `${connection.settings.prefix}ratelimit:log`;
    this.#pause = `${connection.settings.prefix}ratelimit:pause`;
  }

  async take(cap: number, windowMs: number): Promise<number> {
    const reply = await this.#redis.call((r) =>
      r.eval(TAKE, 2, this.#log, this.#pause, cap, Math.ceil(windowMs), randomUUID()),
    );
    return waitSchema.parse(reply);
  }

  async pause(ms: number): Promise<void> {
    if (ms <= 0) return;
    await this.#redis.call((r) => r.eval(PAUSE, 1, this.#pause, Math.ceil(ms)));
  }
}
