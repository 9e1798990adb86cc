import { LRUCache } from 'lru-cache';
import type { Verdict } from '../domain/types.js';

export interface CachedVerdict extends Verdict {
  readonly simulated: boolean;
}

/**
 * Verdicts by SHA-256 of the bytes, plus the checks of those bytes still in flight, so the same
 * file shared twice, or at once in two channels, costs one BitMind call.
 */
export class VerdictCache {
  readonly #done: LRUCache<string, CachedVerdict>;
  readonly #inFlight = new Map<string, Promise<CachedVerdict>>();

  constructor(options: { maxEntries: number; ttlMs: number }) {
    this.#done = new LRUCache({ max: options.maxEntries, ttl: options.ttlMs });
  }

  /** Drops the verdict kept for these bytes, so the next `resolve` asks again (a Recheck). */
  forget(sha256: string): void {
    this.#done.delete(sha256);
  }

  /**
   * The verdict for these bytes: from the cache, from a check already under way, or from `compute`.
   * Errors are not cached: the next request for the same bytes tries again.
   */
  async resolve(
    sha256: string,
    compute: () => Promise<CachedVerdict>,
  ): Promise<{ verdict: CachedVerdict; cached: boolean }> {
    const hit = this.#done.get(sha256);
    if (hit) return { verdict: hit, cached: true };
    const pending = this.#inFlight.get(sha256);
    if (pending) return { verdict: await pending, cached: true };
    const work = compute();
    this.#inFlight.set(sha256, work);
    try {
      const verdict = await work;
      this.#done.set(sha256, verdict);
      return { verdict, cached: false };
    } finally {
      this.#inFlight.delete(sha256);
    }
  }
}
