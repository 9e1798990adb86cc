import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../log.js';
import type { Scope } from '../settings/store.js';
import type { AuditEntry, AuditQuery, AuditTrail } from './audit-log.js';
import { parseEntry } from './entry-schema.js';
import { cutoffOf, DAY_MS, trimEveryHour, trimmedAtOpen, wanted, type Retention } from './retention.js';

const FILE = /^audit-(\d{4}-\d{2}-\d{2})\.jsonl$/;
const fileOf = (day: string) => `audit-${day}.jsonl`;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface FileTrailOptions extends Retention {
  readonly logger: Logger;
}

/**
 * The embedded audit trail: append-only JSON lines under `DATA_DIR/audit/`, one file per UTC day
 * (`audit-2026-12-01.jsonl`), so retention deletes whole files and a reader skips days outside
 * its range. Files are the operator's alone (mode 0600). Writes, trims and forgets of this process
 * run one at a time, so a trim never rewrites a file under an append.
 */
export class FileAuditTrail implements AuditTrail {
  readonly dir: string;
  readonly #options: FileTrailOptions;
  readonly #timer: { stop(): void };
  #queue: Promise<unknown> = Promise.resolve();
  /** Unreadable lines are said once per file, not once per read. */
  readonly #reported = new Set<string>();

  private constructor(dataDir: string, options: FileTrailOptions) {
    this.dir = join(dataDir, 'audit');
    this.#options = options;
    this.#timer = trimEveryHour(() => this.trim(), options.logger);
  }

  /** Opens the trail and trims it at once: a bot that was stopped for a month starts within its retention. */
  static async open(dataDir: string, options: FileTrailOptions): Promise<FileAuditTrail> {
    return trimmedAtOpen(new FileAuditTrail(dataDir, options));
  }

  record(entry: AuditEntry): Promise<void> {
    if (this.#options.days === 0) return Promise.resolve();
    const at = Date.parse(entry.at);
    return this.#serial(async () => {
      if (at < cutoffOf(this.#options)) return;
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await appendFile(join(this.dir, fileOf(dayOf(at))), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    });
  }

  async *entries(query: AuditQuery = {}): AsyncIterable<AuditEntry> {
    const cutoff = cutoffOf(this.#options);
    const from = Math.max(cutoff, query.since ?? cutoff);
    for (const [day, name] of await this.#files()) {
      const start = Date.parse(`${day}T00:00:00Z`);
      if (start + DAY_MS <= from || (query.until !== undefined && start >= query.until)) continue;
      for await (const entry of this.#read(name)) if (wanted(entry, query, cutoff)) yield entry;
    }
  }

  trim(): Promise<void> {
    return this.#serial(async () => {
      const cutoff = cutoffOf(this.#options);
      for (const [day, name] of await this.#files()) {
        const start = Date.parse(`${day}T00:00:00Z`);
        if (start + DAY_MS <= cutoff) await rm(join(this.dir, name), { force: true });
        // The day the cutoff falls in keeps its later lines only.
        else if (start < cutoff) await this.#rewrite(name, (e) => Date.parse(e.at) >= cutoff);
      }
    });
  }

  forget(scope: Scope): Promise<void> {
    return this.#serial(async () => {
      for (const [, name] of await this.#files())
        await this.#rewrite(name, (e) => e.platform !== scope.platform || e.workspace !== scope.workspace);
    });
  }

  async close(): Promise<void> {
    this.#timer.stop();
    await this.#queue.catch(() => undefined);
  }

  /** The day files, oldest first; none when the folder does not exist yet. */
  async #files(): Promise<Array<[day: string, name: string]>> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return names
      .flatMap((name): Array<[string, string]> => {
        const day = FILE.exec(name)?.[1];
        return day ? [[day, name]] : [];
      })
      .sort(([a], [b]) => a.localeCompare(b));
  }

  async *#read(name: string): AsyncIterable<AuditEntry> {
    const stream = createReadStream(join(this.dir, name), { encoding: 'utf8' });
    let unreadable = 0;
    try {
      for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
        if (line.trim() === '') continue;
        const entry = parseEntry(line);
        if (entry) yield entry;
        else unreadable++;
      }
    } catch (err) {
      // Deleted by a trim between the listing and the read: nothing left to read there.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    } finally {
      stream.destroy();
    }
    if (unreadable > 0 && !this.#reported.has(name)) {
      this.#reported.add(name);
      this.#options.logger.warn(
        { file: name, lines: unreadable },
        'skipped audit lines this version cannot read (a torn write, or another version)',
      );
    }
  }

  /** Writes `name` again with only the entries `keep` keeps (atomically: a temporary file renamed over it). */
  async #rewrite(name: string, keep: (entry: AuditEntry) => boolean): Promise<void> {
    const kept: string[] = [];
    let dropped = 0;
    for await (const entry of this.#read(name)) {
      if (keep(entry)) kept.push(JSON.stringify(entry));
      else dropped++;
    }
    if (dropped === 0) return;
    const path = join(this.dir, name);
    if (kept.length === 0) {
      await rm(path, { force: true });
      return;
    }
    // Its own name: `audit export` in another process may trim the same day at the same moment.
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(`${kept.join('\n')}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
