import { setMaxListeners } from 'node:events';
import { abortable } from './bitmind/index.js';
import { linkSignals } from './deadline.js';
import { CheckError, type CheckService } from './domain/types.js';
import { RESTARTING } from './check/wording.js';
import type { Logger } from './log.js';

/** Kept at the end of the grace period for checks cut off at the deadline to post their last word. */
const LAST_WORD_MS = 2000;

/**
 * The work a running bot has accepted, shared by the adapters and the composition root, so a
 * shutdown is one story whatever the platform: stop taking new checks, let those in flight finish
 * and reply, cut off what cannot finish in time with a reply that says so.
 */
export interface WorkTracker {
  /** True until draining begins. */
  readonly accepting: boolean;
  /** Tasks not yet settled. */
  readonly size: number;
  /**
   * Runs `work` in the background, tracked until it settles. Work answers its own failures; what
   * still escapes is logged here, as the last net.
   */
  run(label: string, work: () => Promise<void>): void;
  /**
   * `checker`, shutdown-aware: once draining it refuses new checks, and at the deadline it cuts off
   * the checks still running (their signal aborts and the call gives up waiting). Both fail with a
   * CheckError saying BitMind is restarting, which every adapter already turns into a reply in
   * place of the verdict.
   */
  guard(checker: CheckService): CheckService;
  /**
   * Stops accepting, waits for the tasks in flight, cuts off what has not finished when the grace
   * period is nearly over, and gives those the rest of it to reply. Every caller gets the same
   * drain; it resolves to the number of tasks still unsettled at the end.
   */
  drain(graceMs: number): Promise<number>;
  /** Resolves once no task is running, including tasks started while it waited (tests, shutdown). */
  idle(): Promise<void>;
}

export function createWorkTracker(logger: Logger): WorkTracker {
  const running = new Set<Promise<void>>();
  const cutoff = new AbortController();
  // Every check in flight listens for the cutoff, and each removes its listener when it settles:
  // hundreds at once under load is expected, not a leak.
  setMaxListeners(0, cutoff.signal);
  let accepting = true;
  let draining: Promise<number> | undefined;

  /** True when every task (including any started meanwhile) settled within `ms`. */
  async function settledWithin(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (running.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, left)));
      await Promise.race([Promise.allSettled(running), timeUp]);
      clearTimeout(timer);
    }
    return true;
  }

  async function drainOnce(graceMs: number): Promise<number> {
    accepting = false;
    const lastWord = Math.min(LAST_WORD_MS, graceMs / 4);
    logger.info({ inFlight: running.size, graceMs }, 'draining: no new checks, finishing those in flight');
    if (!(await settledWithin(graceMs - lastWord))) {
      logger.warn({ inFlight: running.size }, 'grace period over: cutting off the checks still running');
      cutoff.abort(new CheckError('unavailable', RESTARTING));
      await settledWithin(lastWord);
    }
    if (running.size > 0) logger.warn({ left: running.size }, 'tasks still running at shutdown');
    return running.size;
  }

  return {
    get accepting() {
      return accepting;
    },
    get size() {
      return running.size;
    },
    run(label, work) {
      const task = work()
        .catch((err: unknown) => logger.error({ err, task: label }, 'background task failed'))
        .finally(() => running.delete(task));
      running.add(task);
    },
    guard(checker) {
      return {
        check(request, options = {}) {
          if (!accepting) return Promise.reject(new CheckError('unavailable', RESTARTING));
          // Linked by listeners, not AbortSignal.any: a caller's timeout signal must outlive the check.
          const linked = linkSignals(options.signal ? [options.signal, cutoff.signal] : [cutoff.signal]);
          // A check waiting on a BitMind call shared with other requests (batching, de-duplication)
          // cannot drop out of it, so at the cutoff it is let go.
          return abortable(
            checker.check(request, { ...options, signal: linked.signal }),
            cutoff.signal,
          ).finally(linked.clear);
        },
      };
    },
    drain(graceMs) {
      draining ??= drainOnce(graceMs);
      return draining;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled(running);
    },
  };
}
