import type { StateStore } from './store.js';

interface Entry {
  value: string | string[];
  expiresAt: number;
}

export interface MemoryStateOptions {
  /** Entries kept at most; the soonest to expire go first past it, so memory stays bounded. */
  readonly maxEntries?: number;
  readonly now?: () => number;
  /** Told of every change, for a store that keeps a journal (the embedded file store). */
  readonly onChange?: (key: string, entry: Readonly<Entry> | undefined) => void;
}

/**
 * The state store in one process's memory. Expired entries are dropped when read and swept when the
 * store is full, so nothing grows with the events seen beyond `maxEntries`.
 */
export class MemoryStateStore implements StateStore {
  readonly #entries = new Map<string, Entry>();
  readonly #max: number;
  readonly #now: () => number;
  readonly #onChange: MemoryStateOptions['onChange'];

  constructor(options: MemoryStateOptions = {}) {
    this.#max = options.maxEntries ?? 200_000;
    this.#now = options.now ?? Date.now;
    this.#onChange = options.onChange;
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #put(key: string, entry: Entry): void {
    this.#entries.set(key, entry);
    this.#onChange?.(key, entry);
    if (this.#entries.size > this.#max) this.#makeRoom();
  }

  /** Drops what has expired; if still full, the tenth of entries closest to expiry. */
  #makeRoom(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
    if (this.#entries.size <= this.#max) return;
    const soonest = [...this.#entries].sort((a, b) => a[1].expiresAt - b[1].expiresAt);
    for (const [key] of soonest.slice(0, Math.ceil(this.#max / 10))) {
      this.#entries.delete(key);
      this.#onChange?.(key, undefined);
    }
  }

  /** Entries held, expired ones not yet swept included. */
  get size(): number {
    return this.#entries.size;
  }

  /** Loads an entry as it was journalled, without telling `onChange` again. */
  restore(key: string, entry: Entry | undefined): void {
    if (entry === undefined || entry.expiresAt <= this.#now()) this.#entries.delete(key);
    else this.#entries.set(key, entry);
  }

  /** Every live entry, for a journal's compaction. */
  snapshot(): Array<[string, Entry]> {
    const now = this.#now();
    return [...this.#entries].filter(([, e]) => e.expiresAt > now);
  }

  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.#live(key)) return Promise.resolve(false);
    this.#put(key, { value, expiresAt: this.#now() + ttlMs });
    return Promise.resolve(true);
  }

  get(key: string): Promise<string | undefined> {
    const value = this.#live(key)?.value;
    return Promise.resolve(typeof value === 'string' ? value : undefined);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#put(key, { value, expiresAt: this.#now() + ttlMs });
    return Promise.resolve();
  }

  increment(key: string, by: number, ttlMs: number): Promise<number> {
    const entry = this.#live(key);
    const total = (entry && typeof entry.value === 'string' ? Number(entry.value) || 0 : 0) + by;
    this.#put(key, { value: String(total), expiresAt: entry?.expiresAt ?? this.#now() + ttlMs });
    return Promise.resolve(total);
  }

  delete(key: string): Promise<void> {
    if (this.#entries.delete(key)) this.#onChange?.(key, undefined);
    return Promise.resolve();
  }

  pushCapped(key: string, value: string, max: number, ttlMs: number): Promise<void> {
    const entry = this.#live(key);
    const list = Array.isArray(entry?.value) ? entry.value : [];
    this.#put(key, { value: [value, ...list].slice(0, max), expiresAt: this.#now() + ttlMs });
    return Promise.resolve();
  }

  list(key: string): Promise<string[]> {
    const value = this.#live(key)?.value;
    return Promise.resolve(Array.isArray(value) ? [...value] : []);
  }

  entries(prefix: string): Promise<Array<[string, string]>> {
    const now = this.#now();
    const found: Array<[string, string]> = [];
    for (const [key, entry] of this.#entries)
      if (key.startsWith(prefix) && entry.expiresAt > now && typeof entry.value === 'string')
        found.push([key, entry.value]);
    return Promise.resolve(found);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
