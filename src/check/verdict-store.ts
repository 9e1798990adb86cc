import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { Verdict } from '../domain/types.js';

export interface CachedVerdict extends Verdict {
  readonly simulated: boolean;
}

/** A cached verdict as it is kept outside the process: read back only through this schema. */
export const cachedVerdictSchema = z.object({
  isAI: z.boolean(),
  confidence: z.number().min(0).max(1),
  processingTime: z.number().nonnegative(),
  simulated: z.boolean(),
});

/**
 * Where verdicts are kept by SHA-256 of the bytes, for as long as CACHE_TTL_SECONDS says: in this
 * process (`MemoryVerdictStore`), or in Redis, shared by every instance (`RedisVerdictStore`). The
 * Checker does not know which. A store that cannot answer reads as a miss and forgets a write: the
 * cache saves BitMind calls, it never stands between a person and their answer.
 */
export interface VerdictStore {
  /** The verdicts for these hashes, in order: one question for all of a request's media. */
  getMany(sha256s: readonly string[]): Promise<Array<CachedVerdict | undefined>>;
  set(sha256: string, verdict: CachedVerdict): Promise<void>;
}

/** The embedded store: an LRU bounded in entries, each kept for the TTL. */
export class MemoryVerdictStore implements VerdictStore {
  readonly #done: LRUCache<string, CachedVerdict>;

  constructor(options: { maxEntries: number; ttlMs: number }) {
    this.#done = new LRUCache({ max: options.maxEntries, ttl: options.ttlMs });
  }

  getMany(sha256s: readonly string[]): Promise<Array<CachedVerdict | undefined>> {
    return Promise.resolve(sha256s.map((sha256) => this.#done.get(sha256)));
  }

  set(sha256: string, verdict: CachedVerdict): Promise<void> {
    this.#done.set(sha256, verdict);
    return Promise.resolve();
  }
}
