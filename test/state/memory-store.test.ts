import { expect, it } from 'vitest';
import { MemoryStateStore } from '../../src/state/memory-store.js';
import { stateStoreContract } from './contract.js';

stateStoreContract('in memory', () => new MemoryStateStore());

it('stays within its entry bound, dropping what expires soonest first', async () => {
  const store = new MemoryStateStore({ maxEntries: 100 });
  await store.set('keep', 'long', 3_600_000);
  for (let i = 0; i < 1000; i++) await store.set(`brief:${i}`, 'x', 60_000 + i);
  expect(store.size).toBeLessThanOrEqual(100);
  expect(await store.get('keep')).toBe('long');
});
