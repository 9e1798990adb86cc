import { describe, expect, it } from 'vitest';
import type { CachedVerdict, VerdictStore } from '../../src/check/verdict-store.js';
import { waitFor } from '../helpers/wait.js';

/**
 * The contract every VerdictStore keeps, in-process and in Redis alike: one suite, run against
 * each, so the Checker's cache behaves the same whichever is under it. `open(ttlMs)` gives a store
 * whose entries live `ttlMs`.
 */
/** One hash's verdict, through the store's one way of reading. */
async function get(store: VerdictStore, sha256: string): Promise<CachedVerdict | undefined> {
  return (await store.getMany([sha256]))[0];
}

export function verdictStoreContract(name: string, open: (ttlMs: number) => VerdictStore): void {
  describe(`${name}: the verdict store contract`, () => {
    let n = 0;
    /** A hash no other test of this run uses. */
    const sha = () => `${Date.now().toString(16)}${(++n).toString(16)}`.padEnd(64, '0');
    const verdict: CachedVerdict = { isAI: true, confidence: 0.93, processingTime: 0.12, simulated: false };

    it('misses what was never set, and gives back what was', async () => {
      const store = open(60_000);
      const key = sha();
      expect(await get(store, key)).toBeUndefined();
      await store.set(key, verdict);
      expect(await get(store, key)).toEqual(verdict);
      expect(await get(store, sha())).toBeUndefined();
    });

    it('answers several hashes at once, in the order asked, hits and misses alike', async () => {
      const store = open(60_000);
      const [first, missing, second] = [sha(), sha(), sha()];
      const other = { ...verdict, isAI: false };
      await store.set(first, verdict);
      await store.set(second, other);
      expect(await store.getMany([second, missing, first])).toEqual([other, undefined, verdict]);
      expect(await store.getMany([])).toEqual([]);
    });

    it('keeps the latest verdict for the same bytes', async () => {
      const store = open(60_000);
      const key = sha();
      await store.set(key, verdict);
      const again = { isAI: false, confidence: 0.1, processingTime: 0.2, simulated: true };
      await store.set(key, again);
      expect(await get(store, key)).toEqual(again);
    });

    it('forgets a verdict once its time to live has passed', async () => {
      const store = open(50);
      const key = sha();
      await store.set(key, verdict);
      await waitFor(async () => (await get(store, key)) === undefined, {
        what: 'the verdict to expire',
      });
    });
  });
}
