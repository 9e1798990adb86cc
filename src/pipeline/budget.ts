import { z } from 'zod';
import type { BudgetGrant } from '../domain/types.js';
import type { Scope } from '../settings/store.js';
import type { StateStore } from '../state/store.js';
import { deleteByPrefix } from '../state/delete-by-prefix.js';
import { parseStored } from '../state/stored-json.js';

const HOUR_MS = 60 * 60 * 1000;
/**
 * A job's grant is kept as long as the job can run again: its reply handle (`via:`) and its owed
 * mark live a day, and a job past them has no one left to answer.
 */
const JOB_GRANT_FOR_MS = 24 * HOUR_MS;

const grantSchema = z.object({
  granted: z.number().int().nonnegative(),
  perHour: z.number().int(),
  resetsAt: z.number(),
});

/**
 * How many checks one person may ask for per hour, in clock-hour windows shared by every instance
 * (a counter per person and hour), so the refusal can say exactly when more are available.
 * `perHour` 0 turns it off.
 */
export function createPersonBudget(state: StateStore, perHour: number, now: () => number = Date.now) {
  const prefixOf = (scope: Scope) => `budget:${scope.platform}:${scope.workspace}:`;
  const windowStart = () => Math.floor(now() / HOUR_MS) * HOUR_MS;
  // User ids never start with "job:" (Slack's are U…/W…, Discord's digits), so the two never meet.
  const jobKeyOf = (scope: Scope, jobId: string) => `${prefixOf(scope)}job:${jobId}`;

  /** Counts `wanted` against the person's current hour; `counter` is the key charged. */
  async function charge(scope: Scope, user: string, wanted: number) {
    const start = windowStart();
    const counter = `${prefixOf(scope)}${user}:${start}`;
    const total = await state.increment(counter, wanted, HOUR_MS);
    const granted = Math.max(0, Math.min(wanted, perHour - (total - wanted)));
    const grant: BudgetGrant = { granted, perHour, resetsAt: start + HOUR_MS };
    return { grant, counter };
  }

  const keptGrant = async (key: string) => parseStored(grantSchema, await state.get(key));

  return {
    /**
     * Charges `user` for `wanted` checks and says how many they may have. With `jobId` the grant
     * belongs to that job: a job a durable queue runs again (a stalled instance, Redis away
     * mid-check, a graceful hand-back) or a restart resumes gets its first run's grant back,
     * uncharged.
     *
     * Two runs of one job taking at once is all but impossible (a stalled job runs again only once
     * its lock has expired, long after its first run took its grant, the first thing it does), so
     * there is no lock to wait on. Should it happen, the first run to keep its grant speaks for
     * both and the other gives its charge back: one answer, one charge. What is left is a charge
     * made just before Redis goes away and kept by no grant; that run fails and the next charges
     * again.
     */
    async take(scope: Scope, user: string, wanted: number, jobId?: string): Promise<BudgetGrant> {
      if (perHour <= 0 || wanted === 0)
        return { granted: wanted, perHour, resetsAt: windowStart() + HOUR_MS };
      if (jobId === undefined) return (await charge(scope, user, wanted)).grant;
      const key = jobKeyOf(scope, jobId);
      const kept = await keptGrant(key);
      if (kept) return kept;
      const { grant, counter } = await charge(scope, user, wanted);
      if (await state.setIfAbsent(key, JSON.stringify(grant), JOB_GRANT_FOR_MS)) return grant;
      await state.increment(counter, -wanted, HOUR_MS);
      return (await keptGrant(key)) ?? grant;
    },
    forget: (scope: Scope) => deleteByPrefix(state, prefixOf(scope)),
  };
}
