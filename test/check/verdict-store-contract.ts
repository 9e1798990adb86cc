import { describe, expect, it } from 'vitest';
import type { CachedVerdict, VerdictStore } from '../../src/check/verdict-store.js';
import { waitFor } from '../helpers/wait.js';

/**
 * The contract every VerdictStore keeps, in-process and in Redis alike: one suite, run against
 * each, so the Checker's cache behaves the same whichever is under it. `open(ttlMs)` gives a store
 * whose entries live `ttlMs`.
 */
export function verdictStoreContract(name: string, open: (ttlMs: number) => VerdictStore): void {
  describe(`${name}: the verdict store contract`, () => {
    let n = 0;
    /** A hash no other test of this run uses. */
    const sha = () => `${Date.now().toString(16)}${(++n).toString(16)}`.padEnd(64, '0');
    const verdict: CachedVerdict = { isAI: true, confidence: 0.93, processingTime: 0.12, simulated: false };

    it('misses what was never set, and gives back what was', async () => {
      const store = open(60_000);
      const key = sha();
      expect(await store.get(key)).toBeUndefined();
      await store.set(key, verdict);
      expect(await store.get(key)).toEqual(verdict);
      expect(await store.get(sha())).toBeUndefined();
    });

    it('keeps the latest verdict for the same bytes', async () => {
      const store = open(60_000);
      const key = sha();
      await store.set(key, verdict);
      const again = { isAI: false, confidence: 0.1, processingTime: 0.2, simulated: true };
      await store.set(key, again);
      expect(await store.get(key)).toEqual(again);
    });

    it('forgets a verdict once its time to live has passed', async () => {
      const store = open(50);
      const key = sha();
      await store.set(key, verdict);
      await waitFor(async () => (await store.get(key)) === undefined, {
        what: 'the verdict to expire',
      });
    });
  });
}
