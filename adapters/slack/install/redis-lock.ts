import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { RedisConnection } from '../../../src/state/redis-connection.js';

/** Deletes the lock only while it is still this holder's: once it lapsed, it may be another's. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

const FIRST_PAUSE_MS = 25;
const LONGEST_PAUSE_MS = 250;

export interface LockTiming {
  /** How long a lock lasts if its holder dies holding it: longer than the work it guards may take. */
  readonly ttlMs: number;
  /** How long a caller waits for a lock another holds before giving up. */
  readonly waitMs: number;
}

/** Another holder kept the lock for longer than a caller may wait. */
export class LockWaitError extends Error {
  override name = 'LockWaitError';
}

/**
 * A lock on a name among every process sharing one Redis: `SET NX PX` with a token of the holder's
 * own, let go by a compare-and-delete script, so a holder that outlived its lock never deletes the
 * next holder's. A dead holder's lock lapses after `ttlMs`.
 */
export class RedisLock {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    private readonly timing: LockTiming,
  ) {}

  /**
   * Runs `work` holding `name`. While another holds it, asks again after a pause that grows to
   * LONGEST_PAUSE_MS, and each time asks `settled()` whether the holder's work made this caller's
   * needless: then `work` runs without the lock (it finds what the holder left). Gives up with
   * LockWaitError after `waitMs`, so no caller waits on a lock for ever.
   */
  async around<T>(name: string, work: () => Promise<T>, settled: () => Promise<boolean>): Promise<T> {
    const key = this.prefix + name;
    const token = randomUUID();
    const deadline = Date.now() + this.timing.waitMs;
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
      const taken = await this.redis.call((r) => r.set(key, token, 'PX', this.timing.ttlMs, 'NX'));
      if (taken === 'OK') {
        try {
          return await work();
        } finally {
          // A release that fails (Redis gone) leaves the lock to lapse after its TTL.
          await this.redis.call((r) => r.eval(RELEASE, 1, key, token)).catch(() => undefined);
        }
      }
      if (await settled()) return work();
      if (Date.now() + pause > deadline)
        throw new LockWaitError(
          `${name} stayed locked by another instance for over ${Math.round(this.timing.waitMs / 1000)} s`,
        );
      await delay(pause);
    }
  }
}
