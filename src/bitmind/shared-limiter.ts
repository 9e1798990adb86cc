import type { Logger } from '../log.js';
import { BitmindError } from './errors.js';
import { paddedWindow, rankOf, type CallLimiter, type LimiterOptions } from './limiter.js';
import type { Priority, QueueStats } from './types.js';

/**
 * The account's log of call starts, shared by every instance (in Redis: `src/state/redis-rate-log.ts`).
 * Both calls may reject when the log cannot be reached.
 */
export interface RateLog {
  /**
   * Records a start now if fewer than `cap` starts lie within the last `windowMs` and no pause is
   * in force, as one atomic step: 0 when recorded, otherwise how many ms to wait before asking again.
   */
  take(cap: number, windowMs: number): Promise<number>;
  /** Holds every instance's starts for `ms` from now (a 429's Retry-After). */
  pause(ms: number): Promise<void>;
}

export interface SharedLimiterOptions extends LimiterOptions {
  readonly log: RateLog;
  readonly logger: Logger;
  /**
   * While the log has been unreachable for longer than this, calls fail at once instead of waiting
   * (default 30 s): a short outage (a restart, a failover) is ridden out, a long one is told.
   */
  readonly outageWaitMs?: number;
}

/** Retries while the log is unreachable: often enough to resume quickly, rarely enough to be quiet. */
const OUTAGE_RETRY_MS = 500;
/** No wait shorter than this: a race lost to another instance must not spin. */
const MIN_WAIT_MS = 5;
const DEFAULT_OUTAGE_WAIT_MS = 30_000;

interface Waiter {
  readonly rank: number;
  readonly start: () => void;
  readonly fail: (err: Error) => void;
}

/**
 * How many starts of the window auto-scans leave to people: auto-scans are admitted only while the
 * shared log holds fewer than `limit - reserve` starts. Why a reserve rather than a shared queue:
 * the log is the only thing instances share, and with it a person's call never waits behind
 * auto-scans of other instances — when the log is full, the first start that leaves the window can
 * only be taken by a person (an auto-scan needs `reserve + 1` free), and while auto-scans alone run,
 * a person arriving finds the reserve free and goes at once. The price is that auto-scan alone uses
 * at most 95% of the plan (one start of a small one). With a limit of 1 there is nothing to spare:
 * no reserve, and people go first only within an instance.
 */
function interactiveReserve(limit: number): number {
  return limit < 2 ? 0 : Math.max(1, Math.floor(limit / 20));
}

/**
 * The rate limiter when several instances share one BitMind account: `limit` starts in any window
 * across all of them, counted in the shared `RateLog` with the same margin as the in-process
 * `Limiter` (its comment says why the margin). Within the instance, calls wait in one list by rank
 * (people, then auto-scans; a retry ahead of new calls of its kind) and the head asks the log for a
 * start only when one of the instance's `concurrency` places is free, so a start is recorded just
 * before the call goes out, never while it still waits for a place.
 *
 * Redis trouble: a failed `take` is tried again every half second while calls wait; once the log has
 * been unreachable for `outageWaitMs`, waiting calls fail with an `unavailable` BitmindError (said
 * to the person as "try again in a minute"). Never more calls than the limit: when in doubt, none.
 */
export class SharedLimiter implements CallLimiter {
  readonly #options: SharedLimiterOptions;
  readonly #window: number;
  readonly #reserve: number;
  readonly #waiting: Waiter[] = [];
  #running = 0;
  #pumping = false;
  #pumpAgain = false;
  #timer: NodeJS.Timeout | undefined;
  /** Until when this instance holds its calls after a 429, whatever the shared log could record. */
  #pausedUntil = 0;
  #unreachableSince: number | undefined;
  #closed = false;

  constructor(options: SharedLimiterOptions) {
    this.#options = options;
    this.#window = paddedWindow(options.windowMs);
    this.#reserve = interactiveReserve(options.limit);
  }

  run<T>(task: () => Promise<T>, priority: Priority, retry: boolean, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const onAbort = () => {
        this.#remove(waiter);
        reject(signal?.reason as Error);
      };
      const waiter: Waiter = {
        rank: rankOf(priority, retry),
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.#running++;
          task()
            .then(resolve, reject)
            .finally(() => {
              this.#running--;
              this.#wake();
            });
        },
        fail: (err) => {
          signal?.removeEventListener('abort', onAbort);
          reject(err);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      // After every waiter of its rank or higher: arrival order within a rank.
      const at = this.#waiting.findIndex((w) => w.rank < waiter.rank);
      this.#waiting.splice(at === -1 ? this.#waiting.length : at, 0, waiter);
      this.#wake();
    });
  }

  pauseFor(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
    // Every other instance learns it from the log; if the log cannot be reached, this one still holds.
    this.#options.log.pause(ms).catch((err: unknown) => {
      this.#options.logger.warn(
        { err, pauseMs: ms },
        'could not share a 429 pause through Redis: only this instance pauses',
      );
    });
  }

  stats(): QueueStats {
    return { waiting: this.#waiting.length, running: this.#running };
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  #remove(waiter: Waiter): void {
    const at = this.#waiting.indexOf(waiter);
    if (at !== -1) this.#waiting.splice(at, 1);
  }

  /** Asks again now: a call arrived (perhaps a person ahead of a waiting auto-scan) or one ended. */
  #wake(): void {
    if (this.#closed) return;
    if (this.#pumping) {
      this.#pumpAgain = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = undefined;
    void this.#pump();
  }

  #wakeIn(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#wake(), Math.max(MIN_WAIT_MS, ms));
  }

  /** Starts waiting calls while places are free and the log admits them; one `take` at a time. */
  async #pump(): Promise<void> {
    this.#pumping = true;
    try {
      // Each turn starts a call or ends the pump, so the turns are bounded by the calls waiting.
      while (!this.#closed) {
        this.#pumpAgain = false;
        const head = this.#waiting[0];
        if (!head || this.#running >= this.#options.concurrency) return;
        const paused = this.#pausedUntil - Date.now();
        if (paused > 0) return this.#wakeIn(paused);
        const wait = await this.#take(head);
        if (wait === undefined) return;
        if (wait > 0) {
          // A person may have arrived while we asked: then ask for them now, not after the wait.
          if (this.#pumpAgain && this.#waiting[0] !== head) continue;
          return this.#wakeIn(wait);
        }
        // The start is recorded: it goes to the call it was asked for, or, if that one was
        // abandoned meanwhile, to whoever is first now (an unused start only makes us stricter).
        const waiter = this.#waiting.includes(head) ? head : this.#waiting[0];
        if (waiter) {
          this.#remove(waiter);
          waiter.start();
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** The log's answer for `head`, or undefined when it cannot be reached (a retry is scheduled). */
  async #take(head: Waiter): Promise<number | undefined> {
    const interactive = head.rank >= rankOf('interactive', false);
    const cap = this.#options.limit - (interactive ? 0 : this.#reserve);
    try {
      const wait = await this.#options.log.take(cap, this.#window);
      this.#unreachableSince = undefined;
      return wait;
    } catch (err) {
      const since = (this.#unreachableSince ??= Date.now());
      const outageWaitMs = this.#options.outageWaitMs ?? DEFAULT_OUTAGE_WAIT_MS;
      if (Date.now() - since >= outageWaitMs) this.#failAll(err, outageWaitMs);
      else this.#wakeIn(OUTAGE_RETRY_MS);
      return undefined;
    }
  }

  #failAll(cause: unknown, outageWaitMs: number): void {
    const error = new BitmindError(
      'unavailable',
      'BitMind could not be called: the rate limit shared by the instances of this bot (in Redis) is unreachable. Try again in a minute.',
      { cause },
    );
    this.#options.logger.warn(
      { waiting: this.#waiting.length, unreachableForMs: outageWaitMs },
      'the shared BitMind rate limit (Redis) is unreachable: failing the calls waiting for it',
    );
    for (const waiter of this.#waiting.splice(0)) waiter.fail(error);
  }
}
