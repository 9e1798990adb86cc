import type { Simulator } from '../../src/simulator/index.js';

/** Paths the simulator counts as API calls (the ones a scripted fault without `path` meets). */
const API_PATHS = new Set(['/status', '/image', '/video', '/batch_image', '/batch_video']);

export interface FaultMixOptions {
  /** Fraction of API calls answered with a random 5xx (the simulator's own errorRate). */
  readonly serverErrors: number;
  /** Fraction of API calls answered 429 with `Retry-After: 1`. */
  readonly rateLimited: number;
  /** 429s come this many in a row, as a rate limit meets every call in flight at once. */
  readonly rateLimitClump: number;
  /** Fraction of API calls whose connection is reset after the first chunk of the body. */
  readonly resets: number;
  /** Revokes every token this often (a token expiring), when set. */
  readonly revokeEveryMs?: number;
}

/** What the simulator really answered, read from its request log. */
export interface FaultCounts {
  apiCalls: number;
  serverErrors: number;
  rateLimited: number;
  resets: number;
  unauthorized: number;
  revocations: number;
}

/**
 * Plays a fault mix against a simulator over time. 5xx come from the simulator's errorRate (drawn
 * per call). 429s and resets are scripted in step with the calls seen so far (every 100 ms), so
 * they are spread over the whole run. Each 429 pauses the client's whole limiter for its
 * Retry-After (1 s): scattered one by one, 5% of a few thousand calls would be minutes of pause,
 * so they come in clumps the size of the client's concurrency, as a real rate limit meets every
 * call in flight at once, and the pauses of one clump overlap. Counts come from what the
 * simulator answered; its log is read and cleared as it goes, so it does not grow.
 */
export function startFaultMix(sim: Simulator, options: FaultMixOptions) {
  const counts: FaultCounts = {
    apiCalls: 0,
    serverErrors: 0,
    rateLimited: 0,
    resets: 0,
    unauthorized: 0,
    revocations: 0,
  };
  // Half a fault owed from the start: shares round to the nearest whole fault, not down.
  let owed429 = options.rateLimitClump / 2;
  let owedResets = 0.5;
  sim.setFaults({ errorRate: options.serverErrors });

  /** Counts the answered entries of the log, then drops them (entries still open stay). */
  const harvest = () => {
    const open = [];
    let calls = 0;
    for (const entry of sim.requests) {
      if (entry.status === 0 && entry.fault !== 'reset') {
        open.push(entry);
        continue;
      }
      if (!API_PATHS.has(entry.path)) continue;
      calls++;
      if (entry.fault === 'reset') counts.resets++;
      else if (entry.status === 429) counts.rateLimited++;
      else if (entry.status >= 500) counts.serverErrors++;
      else if (entry.status === 401) counts.unauthorized++;
    }
    counts.apiCalls += calls;
    // Each scripted fault is met by exactly one call; aim for the asked share of calls.
    owed429 += calls * options.rateLimited;
    owedResets += calls * options.resets;
    for (; owed429 >= options.rateLimitClump; owed429 -= options.rateLimitClump) {
      for (let i = 0; i < options.rateLimitClump; i++)
        sim.next({ kind: 'status', status: 429, retryAfter: 1 });
    }
    for (; owedResets >= 1; owedResets--) sim.next({ kind: 'reset' });
    // `requests` is the simulator's live log: keep the entries still in flight, to count them later.
    sim.clearLog();
    (sim.requests as unknown[]).push(...open);
  };
  const feeder = setInterval(harvest, 100);
  const revoker =
    options.revokeEveryMs === undefined
      ? undefined
      : setInterval(() => {
          sim.revokeTokens();
          counts.revocations++;
        }, options.revokeEveryMs);

  return {
    counts,
    /** Stops scripting faults, counts what is left, and turns the random errors off. */
    stop(): FaultCounts {
      clearInterval(feeder);
      clearInterval(revoker);
      sim.setFaults({ errorRate: 0 });
      harvest();
      return counts;
    },
  };
}
