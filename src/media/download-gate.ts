import PQueue from 'p-queue';
import type { Priority } from '../bitmind/types.js';
import { busyError } from './busy.js';

/**
 * The downloads the whole process runs at once (DOWNLOAD_CONCURRENCY), shared by every check. A
 * download waiting here has opened nothing: no socket, no file. People go ahead of auto-scans; a
 * download that cannot start within `maxWaitMs` is given up as `busy` and leaves the queue.
 */
export class DownloadGate {
  readonly #queue: PQueue;
  #running = 0;
  #peak = 0;

  constructor(
    readonly concurrency: number,
    private readonly maxWaitMs: number,
  ) {
    this.#queue = new PQueue({ concurrency });
  }

  /** Downloads running now, and the most that ever ran at once (for tests and metrics). */
  get running(): number {
    return this.#running;
  }
  get peak(): number {
    return this.#peak;
  }

  /**
   * Runs `work` once a slot is free. Rejects with `busy` when none frees within `maxWaitMs`, and with
   * `signal`'s reason when the caller gives up (p-queue drops the waiting task from the queue).
   */
  async run<T>(priority: Priority, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    signal.throwIfAborted();
    const giveUp = new AbortController();
    const onAbort = (): void => giveUp.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => giveUp.abort(busyError()), this.maxWaitMs);
    try {
      return await this.#queue.add(
        async () => {
          clearTimeout(timer);
          this.#running++;
          this.#peak = Math.max(this.#peak, this.#running);
          try {
            return await work();
          } finally {
            this.#running--;
          }
        },
        { priority: priority === 'interactive' ? 1 : 0, signal: giveUp.signal },
      );
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }
}
