import type { Scope } from '../settings/store.js';
import type { StateStore } from '../state/store.js';
import { deleteByPrefix } from '../state/delete-by-prefix.js';

const HOUR_MS = 60 * 60 * 1000;

export interface Grant {
  readonly granted: number;
  /** Said of each medium past the grant. */
  readonly message: string;
}

/**
 * How many checks one person may ask for per hour, in clock-hour windows shared by every instance
 * (a counter per person and hour), so the refusal can say exactly when more are available.
 * `perHour` 0 turns it off.
 */
export function createPersonBudget(state: StateStore, perHour: number, now: () => number = Date.now) {
  const prefixOf = (scope: Scope) => `budget:${scope.platform}:${scope.workspace}:`;
  return {
    async take(scope: Scope, user: string, wanted: number): Promise<Grant> {
      if (perHour <= 0 || wanted === 0) return { granted: wanted, message: '' };
      const windowStart = Math.floor(now() / HOUR_MS) * HOUR_MS;
      const total = await state.increment(`${prefixOf(scope)}${user}:${windowStart}`, wanted, HOUR_MS);
      const before = total - wanted;
      const granted = Math.max(0, Math.min(wanted, perHour - before));
      return { granted, message: budgetMessage(perHour, windowStart + HOUR_MS, now()) };
    },
    forget: (scope: Scope) => deleteByPrefix(state, prefixOf(scope)),
  };
}

function budgetMessage(perHour: number, resetsAt: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((resetsAt - now) / 60_000));
  const at = new Date(resetsAt).toISOString().slice(11, 16);
  return `You have used your ${perHour} checks for this hour. More are available at ${at} UTC (in ${minutes} min).`;
}
