import { CheckError } from '../domain/types.js';
import { busyError } from './busy.js';
import { formatSize } from './limits.js';

interface Waiter {
  readonly bytes: number;
  readonly grant: () => void;
}

/**
 * The bytes every temporary file of the process may hold together (SPOOL_MAX_MB). A spool reserves
 * its bytes before it writes them: all at once when the size is announced, else chunk by chunk as
 * they arrive, so the total on disk never passes the budget. A reservation that does not fit waits,
 * in arrival order, for files to be removed; past `maxWaitMs` it is answered `busy`.
 */
export class DiskBudget {
  #used = 0;
  #peak = 0;
  readonly #waiting: Waiter[] = [];

  constructor(
    readonly totalBytes: number,
    private readonly maxWaitMs: number,
  ) {}

  get usedBytes(): number {
    return this.#used;
  }
  /** The most ever reserved at once. */
  get peakBytes(): number {
    return this.#peak;
  }

  claim(): DiskClaim {
    let reserved = 0;
    return {
      cover: async (total, signal) => {
        if (total <= reserved) return;
        const more = total - reserved;
        await this.#take(more, signal);
        reserved += more;
      },
      release: () => {
        this.#give(reserved);
        reserved = 0;
      },
    };
  }

  async #take(bytes: number, signal: AbortSignal): Promise<void> {
    if (this.#waiting.length === 0 && this.#used + bytes <= this.totalBytes) {
      this.#grant(bytes);
      return;
    }
    // Larger than the whole budget: no amount of waiting makes room, so "try again" would be untrue.
    if (bytes > this.totalBytes) {
      throw new CheckError(
        'too_large',
        `That file needs more temporary space than this bot has (${formatSize(this.totalBytes)}); its operator can raise SPOOL_MAX_MB.`,
      );
    }
    signal.throwIfAborted();
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        bytes,
        grant: () => {
          settle();
          this.#grant(bytes);
          resolve();
        },
      };
      const drop = (error: Error): void => {
        settle();
        this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
        reject(error);
        this.#wake();
      };
      const onAbort = (): void =>
        drop(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted.', 'AbortError'));
      const timer = setTimeout(() => drop(busyError()), this.maxWaitMs);
      const settle = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
    });
  }

  #grant(bytes: number): void {
    this.#used += bytes;
    this.#peak = Math.max(this.#peak, this.#used);
  }

  #give(bytes: number): void {
    this.#used -= bytes;
    this.#wake();
  }

  /** Lets waiters in, first come first served, while the first one fits. */
  #wake(): void {
    for (let first = this.#waiting[0]; first; first = this.#waiting[0]) {
      if (this.#used + first.bytes > this.totalBytes) return;
      this.#waiting.shift();
      first.grant();
    }
  }
}

export interface DiskClaim {
  /** Waits until this claim holds at least `total` bytes; rejects with `busy` or `signal`'s reason. */
  cover(total: number, signal: AbortSignal): Promise<void>;
  /** Gives every reserved byte back; safe to call more than once. */
  release(): void;
}
