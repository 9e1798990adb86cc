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
  /** Hashes asked for in this tick, answered by one `getMany` (see `#lookUp`). */
  #asked: Array<{ sha256: string; answer: (hit: CachedVerdict | undefined) => void }> | undefined;

  constructor(store: VerdictStore) {
    this.#store = store;
  }

  /**
   * A verdict judged anew (a Recheck): `compute` runs whatever the store holds, and what it says
   * replaces the kept verdict for every later `resolve`, on every instance sharing the store.
   */
  async refresh(
    sha256: string,
    compute: () => Promise<CachedVerdict>,
  ): Promise<{ verdict: CachedVerdict; cached: boolean }> {
    const verdict = await compute();
    await this.#store.set(sha256, verdict);
    return { verdict, cached: false };
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
    const hit = await this.#lookUp(sha256);
    if (hit) return { verdict: hit, cached: true };
    const verdict = await compute();
    await this.#store.set(sha256, verdict);
    return { verdict, cached: false };
  }

  /**
   * Gathers the lookups of one tick (a request's media, judged together) into one question to the
   * store, so their answers arrive together too and the misses still reach the batch dispatcher in
   * one tick: one BitMind batch, not one call per round trip to Redis. A store that fails reads as
   * a miss for all of them.
   */
  #lookUp(sha256: string): Promise<CachedVerdict | undefined> {
    return new Promise((answer) => {
      if (this.#asked) {
        this.#asked.push({ sha256, answer });
        return;
      }
      const asked = [{ sha256, answer }];
      this.#asked = asked;
      queueMicrotask(() => {
        this.#asked = undefined;
        this.#store.getMany(asked.map((a) => a.sha256)).then(
          (hits) => asked.forEach((a, i) => a.answer(hits[i])),
          () => asked.forEach((a) => a.answer(undefined)),
        );
      });
    });
  }
}
