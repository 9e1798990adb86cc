import type { BudgetGrant } from '../domain/types.js';
import type { Scope } from '../settings/store.js';
import type { StateStore } from '../state/store.js';
import { deleteByPrefix } from '../state/delete-by-prefix.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * How many checks one person may ask for per hour, in clock-hour windows shared by every instance
 * (a counter per person and hour), so the refusal can say exactly when more are available.
 * `perHour` 0 turns it off.
 */
export function createPersonBudget(state: StateStore, perHour: number, now: () => number = Date.now) {
  const prefixOf = (scope: Scope) => `budget:${scope.platform}:${scope.workspace}:`;
  return {
    /** Charges `user` for `wanted` checks and says how many they may have, and when the hour ends. */
    async take(scope: Scope, user: string, wanted: number): Promise<BudgetGrant> {
      const windowStart = Math.floor(now() / HOUR_MS) * HOUR_MS;
      const resetsAt = windowStart + HOUR_MS;
      if (perHour <= 0 || wanted === 0) return { granted: wanted, perHour, resetsAt };
      const total = await state.increment(`${prefixOf(scope)}${user}:${windowStart}`, wanted, HOUR_MS);
      const before = total - wanted;
      const granted = Math.max(0, Math.min(wanted, perHour - before));
      return { granted, perHour, resetsAt };
    },
    forget: (scope: Scope) => deleteByPrefix(state, prefixOf(scope)),
  };
}
