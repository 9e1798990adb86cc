import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MemoryStateStore, type MemoryStateOptions } from './memory-store.js';
import type { StateStore } from './store.js';

const lineSchema = z.union([
  z.object({ k: z.string(), v: z.union([z.string(), z.array(z.string())]), e: z.number() }),
  z.object({ k: z.string(), d: z.literal(1) }),
]);

/**
 * The embedded state store: memory, with a journal under DATA_DIR so what must outlive the process
 * does (delivery ids already answered, placeholders still waiting for their answer). Each change is
 * one appended line, written before the call returns: a SIGKILL loses nothing the process had
 * acknowledged (the page cache holds it), only a machine crash can. The journal is rewritten from
 * the live entries at open and whenever it grows to several times their number.
 */
export class FileStateStore implements StateStore {
  readonly #memory: MemoryStateStore;
  readonly #path: string;
  #lines = 0;
  #writing = false;

  private constructor(path: string, options: MemoryStateOptions) {
    this.#path = path;
    this.#memory = new MemoryStateStore({
      ...options,
      onChange: (key, entry) => this.#append(key, entry),
    });
  }

  /** Opens (or creates) the journal in `dir`; unreadable lines (a torn last write) are skipped. */
  static open(
    dir: string,
    options: MemoryStateOptions & { onSkipped?: (lines: number) => void } = {},
  ): FileStateStore {
    mkdirSync(dir, { recursive: true });
    const store = new FileStateStore(join(dir, 'state.jsonl'), options);
    let text = '';
    try {
      text = readFileSync(store.#path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    let skipped = 0;
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      let parsed;
      try {
        parsed = lineSchema.safeParse(JSON.parse(raw));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) {
        skipped++;
        continue;
      }
      const line = parsed.data;
      store.#memory.restore(line.k, 'd' in line ? undefined : { value: line.v, expiresAt: line.e });
    }
    if (skipped > 0) options.onSkipped?.(skipped);
    store.#compact();
    return store;
  }

  #append(key: string, entry: { value: string | string[]; expiresAt: number } | undefined): void {
    if (this.#writing) return;
    const line = entry ? { k: key, v: entry.value, e: entry.expiresAt } : { k: key, d: 1 };
    appendFileSync(this.#path, `${JSON.stringify(line)}\n`);
    if (++this.#lines > 4 * this.#memory.size + 1000) this.#compact();
  }

  /** Rewrites the journal as the live entries, through a temporary file and a rename. */
  #compact(): void {
    this.#writing = true;
    try {
      const live = this.#memory.snapshot();
      const temp = `${this.#path}.${process.pid}.tmp`;
      writeFileSync(
        temp,
        live.map(([k, e]) => `${JSON.stringify({ k, v: e.value, e: e.expiresAt })}\n`).join(''),
      );
      renameSync(temp, this.#path);
      this.#lines = live.length;
    } finally {
      this.#writing = false;
    }
  }

  setIfAbsent(key: string, value: string, ttlMs: number) {
    return this.#memory.setIfAbsent(key, value, ttlMs);
  }
  get(key: string) {
    return this.#memory.get(key);
  }
  set(key: string, value: string, ttlMs: number) {
    return this.#memory.set(key, value, ttlMs);
  }
  increment(key: string, by: number, ttlMs: number) {
    return this.#memory.increment(key, by, ttlMs);
  }
  delete(key: string) {
    return this.#memory.delete(key);
  }
  pushCapped(key: string, value: string, max: number, ttlMs: number) {
    return this.#memory.pushCapped(key, value, max, ttlMs);
  }
  list(key: string) {
    return this.#memory.list(key);
  }
  entries(prefix: string) {
    return this.#memory.entries(prefix);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
