import PQueue from 'p-queue';
import type { Priority, QueueStats } from './types.js';

export interface LimiterOptions {
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** At most `limit` requests start in any window of `windowMs`. */
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Why a sliding window with a margin, not p-queue's default fixed window: a fixed window lets
 * `limit` requests start at the end of one window and `limit` more at the start of the next, which a
 * server counting over a sliding (or differently aligned) window sees as twice its limit. In strict
 * mode no more than `limit` requests start in any rolling window, so every window the server can
 * draw, sliding or fixed, holds at most `limit` starts. The server counts arrivals, not starts:
 * request i+limit starts at least `windowMs + margin` after request i, so the server sees them
 * `windowMs` or more apart unless request i took longer than `margin` more than i+limit to arrive
 * (a fresh connection and TLS handshake against one reused socket), which the margin absorbs.
 * Bursts up to `limit` still leave at once, so a person with a few files is not paced out over
 * the minute.
 */
export function paddedWindow(windowMs: number): number {
  return Math.ceil(windowMs + Math.max(windowMs * 0.05, 250));
}

const PRIORITY: Record<Priority, number> = { background: 0, interactive: 2 };

/** The order calls leave in: people before auto-scans, and a retry before new calls of its kind. */
export function rankOf(priority: Priority, retry: boolean): number {
  return PRIORITY[priority] + (retry ? 1 : 0);
}

/** What the transport and the client need of a limiter, in-process or shared through Redis. */
export interface CallLimiter {
  /** Runs `task` when the limits allow. A retry goes ahead of new calls of its own priority. */
  run<T>(task: () => Promise<T>, priority: Priority, retry: boolean, signal?: AbortSignal): Promise<T>;
  /** Holds every queued call for `ms` (a 429 said the server's wall is near); calls in flight go on. */
  pauseFor(ms: number): void;
  stats(): QueueStats;
  close(): void;
}

/**
 * The rate limiter for BitMind calls: concurrency, requests per window, priorities (a person waiting
 * goes ahead of auto-scans) and a pause that holds every queued call after a 429.
 */
export class Limiter implements CallLimiter {
  readonly #queue: PQueue;
  #resumeAt = 0;
  #resumeTimer: NodeJS.Timeout | undefined;

  constructor(options: LimiterOptions) {
    this.#queue = new PQueue({
      concurrency: options.concurrency,
      intervalCap: options.limit,
      interval: paddedWindow(options.windowMs),
      strict: true,
    });
  }

  run<T>(task: () => Promise<T>, priority: Priority, retry: boolean, signal?: AbortSignal): Promise<T> {
    return this.#queue.add(task, { priority: rankOf(priority, retry), signal });
  }

  pauseFor(ms: number): void {
    const until = Date.now() + ms;
    if (until <= this.#resumeAt) return;
    this.#resumeAt = until;
    this.#queue.pause();
    clearTimeout(this.#resumeTimer);
    this.#resumeTimer = setTimeout(() => {
      this.#resumeTimer = undefined;
      this.#queue.start();
    }, ms);
  }

  stats(): QueueStats {
    return { waiting: this.#queue.size, running: this.#queue.pending };
  }

  close(): void {
    clearTimeout(this.#resumeTimer);
  }
}
