/**
 * The key-value state the trigger pipeline keeps between events: delivery ids already seen, the
 * reaction rule's per-message marks, per-person budgets, recent checks, placeholders awaiting
 * their answer. Values are strings and every call is a plain request and answer, so a shared
 * implementation (Redis) is one file: nothing here hands out a live object or a callback.
 */
export interface StateStore {
  /** Sets `key` unless it exists. True when this call set it: the caller won the race. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Adds `by` to a counter and returns the new total. A counter that did not exist starts at 0 and
   * lives `ttlMs` from this call; later increments keep its expiry (a fixed window).
   */
  increment(key: string, by: number, ttlMs: number): Promise<number>;
  delete(key: string): Promise<void>;
  /** Puts `value` first in a list kept to `max` entries, living `ttlMs` from this call. */
  pushCapped(key: string, value: string, max: number, ttlMs: number): Promise<void>;
  /** A list made by `pushCapped`, newest first; empty when absent. */
  list(key: string): Promise<string[]>;
  /** The live keys that start with `prefix`, with their values (lists excluded). */
  entries(prefix: string): Promise<Array<[key: string, value: string]>>;
  close(): Promise<void>;
}
