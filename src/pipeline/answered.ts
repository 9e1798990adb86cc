import { setTimeout as sleep } from 'node:timers/promises';
import { StateUnavailableError } from '../state/redis-connection.js';
import type { StateStore } from '../state/store.js';

/** A job's answer is remembered as long as it could be owed: a day. */
const ANSWERED_FOR_MS = 24 * 60 * 60 * 1000;
/** How long a mark is retried through a Redis outage before the job is let go unmarked. */
const PERSIST_FOR_MS = 120_000;
const FIRST_WAIT_MS = 250;
const LONGEST_WAIT_MS = 2000;

/**
 * "This job's answer went out", for a durable queue that may run a job twice: an instance can
 * deliver and die before the queue hears the job is done, and the job then runs again elsewhere.
 * The mark is written after the delivery and before the job completes, and read before a job runs
 * and again before it delivers, so a second run answers nothing. Only a death in the moment
 * between delivering and marking can still answer twice.
 */
export function createAnsweredMarks(state: StateStore) {
  return {
    /** Whether the job's answer went out; through an outage it waits for Redis, then says no. */
    async has(jobId: string, signal?: AbortSignal): Promise<boolean> {
      return (await persist(() => state.get(key(jobId)), signal)) !== undefined;
    },
    /** Marks the job answered, waiting out a Redis outage (a lost mark would answer twice). */
    async set(jobId: string): Promise<void> {
      await persist(() => state.set(key(jobId), '1', ANSWERED_FOR_MS));
    },
  };
}

function key(jobId: string): string {
  return `answered:${jobId}`;
}

/**
 * Runs `call` until the state store answers, backing off to 2 s, for at most two minutes (or until
 * `signal` aborts); an outage longer than that ends as undefined. Errors other than the store
 * being unreachable are not retried.
 */
async function persist<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T | undefined> {
  const deadline = Date.now() + PERSIST_FOR_MS;
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof StateUnavailableError)) throw err;
      if (Date.now() + wait > deadline || signal?.aborted) return undefined;
      await sleep(wait, undefined, { signal }).catch(() => undefined);
    }
  }
}
