import { describe, expect, it } from 'vitest';
import { createPersonBudget } from '../../src/pipeline/budget.js';
import { MemoryStateStore } from '../../src/state/memory-store.js';

const HOUR_MS = 3_600_000;
/** 15:35 UTC: the budget's hour ends at 16:00. */
const NOW = Date.UTC(2026, 11, 1, 15, 35);
const scope = { platform: 'fake', workspace: 'W1' };

/** A memory store that counts its increments: a charge given back is still a charge made. */
class CountingStore extends MemoryStateStore {
  increments = 0;
  override increment(key: string, by: number, ttlMs: number): Promise<number> {
    this.increments++;
    return super.increment(key, by, ttlMs);
  }
}

function budgetOf(perHour: number) {
  const state = new CountingStore();
  return { state, budget: createPersonBudget(state, perHour, () => NOW) };
}

describe('the per-person budget', () => {
  it('grants up to the hour’s allowance and says when the next hour starts', async () => {
    const { budget } = budgetOf(4);
    const resetsAt = Date.UTC(2026, 11, 1, 16, 0);
    expect(await budget.take(scope, 'U1', 3)).toEqual({ granted: 3, perHour: 4, resetsAt });
    expect(await budget.take(scope, 'U1', 3)).toEqual({ granted: 1, perHour: 4, resetsAt });
    expect(await budget.take(scope, 'U1', 1)).toEqual({ granted: 0, perHour: 4, resetsAt });
  });

  it('charges a job once: a second take for the same job id returns the same grant and counts nothing', async () => {
    const { state, budget } = budgetOf(4);
    const first = await budget.take(scope, 'U1', 3, 'job-1');
    expect(await budget.take(scope, 'U1', 3, 'job-1')).toEqual(first);
    expect(state.increments).toBe(1);
    // Only job-1's three were counted: one is left for another job.
    expect((await budget.take(scope, 'U1', 3, 'job-2')).granted).toBe(1);
  });

  it('keeps a job’s grant when it runs again in a later hour (the hour it was charged in is the one it tells)', async () => {
    const state = new MemoryStateStore();
    let now = NOW;
    const budget = createPersonBudget(state, 4, () => now);
    const first = await budget.take(scope, 'U1', 2, 'job-1');
    now += HOUR_MS;
    expect(await budget.take(scope, 'U1', 2, 'job-1')).toEqual(first);
  });

  it('charges a request without a job id every time (a Recheck is a new request)', async () => {
    const { budget } = budgetOf(4);
    await budget.take(scope, 'U1', 2);
    expect((await budget.take(scope, 'U1', 3)).granted).toBe(2);
  });

  it('two runs of one job taking at once agree on one grant, and the person is charged once', async () => {
    const { budget } = budgetOf(4);
    const [a, b] = await Promise.all([
      budget.take(scope, 'U1', 3, 'job-1'),
      budget.take(scope, 'U1', 3, 'job-1'),
    ]);
    expect(a).toEqual(b);
    expect((await budget.take(scope, 'U1', 3, 'job-2')).granted).toBe(1);
  });

  it('reads a kept grant it cannot parse as none, and charges the run anew', async () => {
    const { state, budget } = budgetOf(4);
    await state.set('budget:fake:W1:job:job-1', '{"granted":"all"}', HOUR_MS);
    // The garbage stays (set-if-absent never overwrites), so the run keeps its own grant and its charge back.
    expect((await budget.take(scope, 'U1', 3, 'job-1')).granted).toBe(3);
    expect((await budget.take(scope, 'U1', 3, 'job-2')).granted).toBe(3);
  });

  it('is off at 0, and forgetting a workspace deletes its counters and its jobs’ grants', async () => {
    const off = budgetOf(0);
    expect((await off.budget.take(scope, 'U1', 50, 'job-1')).granted).toBe(50);
    expect(await off.state.entries('')).toEqual([]);

    const { state, budget } = budgetOf(4);
    await budget.take(scope, 'U1', 1, 'job-1');
    await budget.take({ ...scope, workspace: 'W2' }, 'U1', 1, 'job-2');
    await budget.forget(scope);
    expect((await state.entries('')).map(([key]) => key).sort()).toEqual([
      `budget:fake:W2:U1:${NOW - (NOW % HOUR_MS)}`,
      'budget:fake:W2:job:job-2',
    ]);
  });
});
