import type { CachedVerdict, VerdictStore } from './verdict-store.js';

/**
 * Verdicts by SHA-256 of the bytes, from a `VerdictStore` (this process's, or shared through Redis),
 * plus the checks of those bytes still in flight in this process, so the same file shared twice, or
 * at once in two channels, costs one BitMind call. Checks in flight are shared within a process
 * only: two instances judging the same new bytes at the same moment may both call BitMind.
 */
export class VerdictCache {
  readonly #store: VerdictStore;
  readonly #inFlight = new Map<string, Promise<CachedVerdict>>();

  constructor(store: VerdictStore) {
    this.#store = store;
  }

  /**
   * The verdict for these bytes: from the store, from a check already under way, or from `compute`.
   * Errors are not cached: the next request for the same bytes tries again.
   */
  async resolve(
    sha256: string,
    compute: () => Promise<CachedVerdict>,
  ): Promise<{ verdict: CachedVerdict; cached: boolean }> {
    const pending = this.#inFlight.get(sha256);
    if (pending) return { verdict: await pending, cached: true };
    const work = this.#lookUpOrCompute(sha256, compute);
    const shared = work.then((r) => r.verdict);
    // Its failure reaches whoever waits on it; with nobody waiting, it is not an unhandled rejection.
    shared.catch(() => {});
    this.#inFlight.set(sha256, shared);
    try {
      return await work;
    } finally {
      this.#inFlight.delete(sha256);
    }
  }

  /** The store is asked inside the in-flight entry, so a second request waits for the same answer. */
  async #lookUpOrCompute(
    sha256: string,
    compute: () => Promise<CachedVerdict>,
  ): Promise<{ verdict: CachedVerdict; cached: boolean }> {
    const hit = await this.#store.get(sha256);
    if (hit) return { verdict: hit, cached: true };
    const verdict = await compute();
    await this.#store.set(sha256, verdict);
    return { verdict, cached: false };
  }
}
