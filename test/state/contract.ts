import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StateStore } from '../../src/state/store.js';
import { waitFor } from '../helpers/wait.js';

/**
 * The contract every StateStore keeps, in-process and shared alike: one suite, run against each
 * implementation, so the pipeline's rules hold whichever store is under them.
 */
export function stateStoreContract(name: string, open: () => Promise<StateStore> | StateStore): void {
  describe(`${name}: the state store contract`, () => {
    let store: StateStore;
    let n = 0;
    /** A key no other test of this run uses (a shared server keeps keys between tests). */
    const key = (label: string) => `contract:${label}:${Date.now()}:${++n}`;

    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('sets if absent once: the first caller wins, later ones are told no', async () => {
      const k = key('nx');
      const results = await Promise.all([1, 2, 3, 4].map((i) => store.setIfAbsent(k, String(i), 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.get(k)).toBe(String(results.indexOf(true) + 1));
    });

    it('gets what was set, overwrites on set, and forgets on delete', async () => {
      const k = key('kv');
      expect(await store.get(k)).toBeUndefined();
      await store.set(k, 'one', 60_000);
      await store.set(k, 'two', 60_000);
      expect(await store.get(k)).toBe('two');
      await store.delete(k);
      expect(await store.get(k)).toBeUndefined();
      expect(await store.setIfAbsent(k, 'three', 60_000)).toBe(true);
    });

    it('expires entries after their time to live', async () => {
      const k = key('ttl');
      await store.set(k, 'brief', 150);
      expect(await store.get(k)).toBe('brief');
      await waitFor(async () => (await store.get(k)) === undefined, {
        what: 'the entry to expire',
        timeoutMs: 3000,
      });
      expect(await store.setIfAbsent(k, 'again', 60_000)).toBe(true);
    });

    it('increments from zero, adds up concurrent increments, and keeps the first expiry', async () => {
      const k = key('incr');
      expect(await store.increment(k, 2, 60_000)).toBe(2);
      const totals = await Promise.all([1, 1, 1].map((by) => store.increment(k, by, 60_000)));
      expect([...totals].sort()).toEqual([3, 4, 5]);
      const brief = key('incr-ttl');
      await store.increment(brief, 1, 150);
      await waitFor(async () => (await store.increment(brief, 0, 60_000)) === 0, {
        what: 'the counter to expire with its first time to live',
        timeoutMs: 3000,
      });
    });

    it('keeps a capped list, newest first', async () => {
      const k = key('list');
      expect(await store.list(k)).toEqual([]);
      for (const v of ['a', 'b', 'c', 'd']) await store.pushCapped(k, v, 3, 60_000);
      expect(await store.list(k)).toEqual(['d', 'c', 'b']);
    });

    it('expires a capped list with its time to live, counted from the last push', async () => {
      const k = key('list-ttl');
      await store.pushCapped(k, 'a', 3, 150);
      expect(await store.list(k)).toEqual(['a']);
      await waitFor(async () => (await store.list(k)).length === 0, {
        what: 'the list to expire',
        timeoutMs: 3000,
      });
    });

    it('leaves lists and other prefixes out of the entries', async () => {
      const prefix = key('mixed');
      await store.set(`${prefix}:value`, 'v', 60_000);
      await store.pushCapped(`${prefix}:list`, 'x', 3, 60_000);
      expect(await store.entries(`${prefix}:`)).toEqual([[`${prefix}:value`, 'v']]);
    });

    it('lists the live entries under a prefix, and no others', async () => {
      const prefix = key('prefix');
      await store.set(`${prefix}:a`, '1', 60_000);
      await store.set(`${prefix}:b`, '2', 60_000);
      await store.set(`${prefix}x:c`, '3', 60_000);
      await store.set(`other:${prefix}`, '4', 60_000);
      const found = await store.entries(`${prefix}:`);
      expect(found.sort()).toEqual([
        [`${prefix}:a`, '1'],
        [`${prefix}:b`, '2'],
      ]);
    });
  });
}
