import type { RedisConnection } from './redis-connection.js';
import type { StateStore } from './store.js';

/**
 * Counter that keeps its first expiry: INCRBY, then PEXPIRE only when the key has none (it was
 * just created). One script, so no other instance sees the counter without its expiry. (Redis 7's
 * `PEXPIRE … NX` would do the second step, but BullMQ supports 6.2, and so does this.)
 */
const INCREMENT = `
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return total`;

/** Push, trim and expire as one step: no reader sees the list over its cap or without a TTL. */
const PUSH_CAPPED = `
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/** Keys read per SCAN step: large enough to be quick, small enough not to block Redis. */
const SCAN_COUNT = 500;

/**
 * The state store in Redis, shared by every instance: the same calls as the embedded store, each
 * one atomic on the server. Keys are `<REDIS_PREFIX>state:<key>`. Every failure rejects with
 * StateUnavailableError within the connection's command timeout.
 */
export class RedisStateStore implements StateStore {
  readonly #redis: RedisConnection;
  readonly #prefix: string;

  /** The connection belongs to the caller, which closes it after the stores that use it. */
  constructor(connection: RedisConnection) {
    this.#redis = connection;
    this.#prefix = `${connection.settings.prefix}state:`;
  }

  #key(key: string): string {
    return this.#prefix + key;
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    const reply = await this.#redis.call((r) => r.set(this.#key(key), value, 'PX', millis(ttlMs), 'NX'));
    return reply === 'OK';
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.#redis.call((r) => r.get(this.#key(key)))) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.#redis.call((r) => r.set(this.#key(key), value, 'PX', millis(ttlMs)));
  }

  async increment(key: string, by: number, ttlMs: number): Promise<number> {
    if (!Number.isSafeInteger(by)) throw new RangeError(`increment takes whole numbers, not ${by}`);
    const total = await this.#redis.call(
      (r) => r.eval(INCREMENT, 1, this.#key(key), by, millis(ttlMs)) as Promise<number>,
    );
    return Number(total);
  }

  async delete(key: string): Promise<void> {
    await this.#redis.call((r) => r.del(this.#key(key)));
  }

  async pushCapped(key: string, value: string, max: number, ttlMs: number): Promise<void> {
    await this.#redis.call((r) =>
      r.eval(PUSH_CAPPED, 1, this.#key(key), value, Math.max(1, max), millis(ttlMs)),
    );
  }

  async list(key: string): Promise<string[]> {
    return this.#redis.call((r) => r.lrange(this.#key(key), 0, -1));
  }

  /** SCAN, never KEYS: the walk is done in small steps that do not stall Redis for other clients. */
  async entries(prefix: string): Promise<Array<[string, string]>> {
    const pattern = `${globEscape(this.#key(prefix))}*`;
    // SCAN may return a key twice (when the keyspace is rehashed mid-walk): a map keeps it once.
    const found = new Map<string, string>();
    let cursor = '0';
    do {
      const [next, keys] = await this.#redis.call((r) =>
        r.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT, 'TYPE', 'string'),
      );
      cursor = next;
      if (keys.length === 0) continue;
      const values = await this.#redis.call((r) => r.mget(keys));
      // A key that expired between the two steps reads as null.
      keys.forEach((k, i) => {
        const value = values[i];
        if (value !== null && value !== undefined) found.set(k.slice(this.#prefix.length), value);
      });
    } while (cursor !== '0');
    return [...found];
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** PX takes a positive whole number of milliseconds. */
function millis(ttlMs: number): number {
  return Math.max(1, Math.ceil(ttlMs));
}

/** SCAN's MATCH is a glob: the prefix's own `*`, `?`, `[`, `]` and `\` must match literally. */
export function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
