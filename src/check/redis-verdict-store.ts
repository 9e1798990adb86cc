import type { Logger } from '../log.js';
import type { RedisConnection } from '../state/redis-connection.js';
import { cachedVerdictSchema, type CachedVerdict, type VerdictStore } from './verdict-store.js';

/**
 * Verdicts in Redis, shared by every instance: `<REDIS_PREFIX>verdict:<sha256>`, the verdict's
 * JSON, expiring after CACHE_TTL_SECONDS (Redis bounds them by TTL; CACHE_MAX_ENTRIES is the
 * embedded store's). What is read back is validated, since another version of the bot may have
 * written it; anything else is a miss. Redis trouble is a miss too, and a lost write: the
 * connection has logged the outage, and the check goes on to BitMind.
 */
export class RedisVerdictStore implements VerdictStore {
  readonly #redis: RedisConnection;
  readonly #prefix: string;
  readonly #ttlMs: number;
  readonly #logger: Logger;

  constructor(connection: RedisConnection, options: { ttlMs: number; logger: Logger }) {
    this.#redis = connection;
    this.#prefix = `${connection.settings.prefix}verdict:`;
    this.#ttlMs = Math.max(1, Math.ceil(options.ttlMs));
    this.#logger = options.logger;
  }

  async getMany(sha256s: readonly string[]): Promise<Array<CachedVerdict | undefined>> {
    if (sha256s.length === 0) return [];
    let raws: Array<string | null>;
    try {
      raws = await this.#redis.call((r) => r.mget(sha256s.map((sha256) => this.#prefix + sha256)));
    } catch {
      return sha256s.map(() => undefined);
    }
    return sha256s.map((sha256, i) => this.#parse(sha256, raws[i] ?? null));
  }

  #parse(sha256: string, raw: string | null): CachedVerdict | undefined {
    if (raw === null) return undefined;
    let parsed;
    try {
      parsed = cachedVerdictSchema.safeParse(JSON.parse(raw));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) return parsed.data;
    this.#logger.debug({ sha256 }, 'a cached verdict in Redis is not readable by this version: a miss');
    return undefined;
  }

  async set(sha256: string, verdict: CachedVerdict): Promise<void> {
    const { isAI, confidence, processingTime, simulated } = verdict;
    const value = JSON.stringify({ isAI, confidence, processingTime, simulated });
    try {
      await this.#redis.call((r) => r.set(this.#prefix + sha256, value, 'PX', this.#ttlMs));
    } catch {
      // A lost write costs one more BitMind call for these bytes later; nothing more.
    }
  }
}
