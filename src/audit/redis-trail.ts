import type { Logger } from '../log.js';
import type { Scope } from '../settings/store.js';
import type { RedisConnection } from '../state/redis-connection.js';
import { globEscape } from '../state/redis-store.js';
import type { AuditEntry, AuditQuery, AuditTrail } from './audit-log.js';
import { parseEntry } from './entry-schema.js';
import { cutoffOf, DAY_MS, trimEveryHour, trimmedAtOpen, wanted, type Retention } from './retention.js';

/**
 * Adds an entry with the id `<ms>-<seq>`, `ms` its own time or the stream's last, whichever is
 * later (ids must grow: two instances' clocks, or a check that finished late, must not make XADD
 * refuse); the sequence is made here rather than with `<ms>-*`, which needs Redis 7 (6.2 is the
 * floor). Trims what is older than the cutoff (`~`: cheaply, whole nodes; the timer trims exactly),
 * and lets the stream expire when nothing is added for the whole retention.
 */
const ADD = `
local ms = tonumber(ARGV[1])
local seq = 0
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)[1]
if last then
  local lastMs, lastSeq = string.match(last[1], '^(%d+)-(%d+)$')
  if tonumber(lastMs) >= ms then
    ms = tonumber(lastMs)
    seq = tonumber(lastSeq) + 1
  end
end
redis.call('XADD', KEYS[1], 'MINID', '~', ARGV[2], string.format('%d-%d', ms, seq), 'entry', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

/** Stream entries read per XRANGE call; SCAN keys per step. */
const PAGE = 500;
/** Bounds every SCAN walk: far more workspaces than any bot has, at PAGE keys a step. */
const MAX_SCAN_STEPS = 100_000;

export interface RedisTrailOptions extends Retention {
  readonly logger: Logger;
}

/**
 * The shared audit trail: one Redis stream per workspace, `<REDIS_PREFIX>audit:<platform>:<workspace>`,
 * each entry's JSON in the field `entry`, its id the entry's time. Trimmed by time as entries are
 * added and on a timer, and expired whole when a workspace is quiet for the retention.
 */
export class RedisAuditTrail implements AuditTrail {
  readonly #redis: RedisConnection;
  readonly #options: RedisTrailOptions;
  readonly #prefix: string;
  readonly #timer: { stop(): void };
  #reported = false;

  private constructor(connection: RedisConnection, options: RedisTrailOptions) {
    this.#redis = connection;
    this.#options = options;
    this.#prefix = `${connection.settings.prefix}audit:`;
    this.#timer = trimEveryHour(() => this.trim(), options.logger);
  }

  static async open(connection: RedisConnection, options: RedisTrailOptions): Promise<RedisAuditTrail> {
    return trimmedAtOpen(new RedisAuditTrail(connection, options));
  }

  keyOf(scope: Scope): string {
    return `${this.#prefix}${scope.platform}:${scope.workspace}`;
  }

  async record(entry: AuditEntry): Promise<void> {
    const { days } = this.#options;
    const at = Date.parse(entry.at);
    const cutoff = cutoffOf(this.#options);
    if (days === 0 || at < cutoff) return;
    const key = this.keyOf(entry);
    await this.#redis.call((r) =>
      r.eval(ADD, 1, key, String(at), String(cutoff), JSON.stringify(entry), String(days * DAY_MS)),
    );
  }

  async *entries(query: AuditQuery = {}): AsyncIterable<AuditEntry> {
    const cutoff = cutoffOf(this.#options);
    if (cutoff === Infinity) return;
    const from = Math.max(cutoff, query.since ?? cutoff);
    const to = query.until === undefined ? '+' : `${query.until - 1}`;
    const keys = query.scope ? [this.keyOf(query.scope)] : await this.#keys();
    // Each stream is in time order; merging their heads keeps the whole export in time order.
    const cursors = keys.map((key) => new StreamCursor(this.#redis, key, `${from}`, to));
    for (;;) {
      let next: { cursor: StreamCursor; ms: number } | undefined;
      for (const cursor of cursors) {
        const head = await cursor.head();
        if (head && (!next || head.ms < next.ms)) next = { cursor, ms: head.ms };
      }
      // Ends: every cursor reads each stream once, forward, so the loop is bounded by their length.
      const taken = next?.cursor.take();
      if (!taken) return;
      const entry = parseEntry(taken.text);
      if (!entry) this.#unreadable(taken.key);
      else if (wanted(entry, query, cutoff)) yield entry;
    }
  }

  async trim(): Promise<void> {
    const cutoff = cutoffOf(this.#options);
    for (const key of await this.#keys())
      await this.#redis.call((r) => (cutoff === Infinity ? r.del(key) : r.xtrim(key, 'MINID', cutoff)));
  }

  async forget(scope: Scope): Promise<void> {
    await this.#redis.call((r) => r.del(this.keyOf(scope)));
  }

  close(): Promise<void> {
    this.#timer.stop();
    return Promise.resolve();
  }

  /** Every workspace's stream, by SCAN in small steps (never KEYS, which stalls Redis). */
  async #keys(): Promise<string[]> {
    const found = new Set<string>();
    let cursor = '0';
    for (let step = 0; step < MAX_SCAN_STEPS; step++) {
      const [next, keys] = await this.#redis.call((r) =>
        r.scan(cursor, 'MATCH', `${globEscape(this.#prefix)}*`, 'COUNT', PAGE, 'TYPE', 'stream'),
      );
      for (const key of keys) found.add(key);
      cursor = next;
      if (cursor === '0') break;
    }
    return [...found].sort();
  }

  #unreadable(key: string): void {
    if (this.#reported) return;
    this.#reported = true;
    this.#options.logger.warn({ key }, 'skipped audit entries this version cannot read');
  }
}

interface Raw {
  readonly key: string;
  readonly ms: number;
  readonly text: string;
}

/** Reads one stream a page at a time, from `start` to `end` (ids), holding one page. */
class StreamCursor {
  #page: Raw[] = [];
  #start: string;
  #done = false;

  constructor(
    private readonly redis: RedisConnection,
    private readonly key: string,
    start: string,
    private readonly end: string,
  ) {
    this.#start = start;
  }

  take(): Raw | undefined {
    return this.#page.shift();
  }

  async head(): Promise<Raw | undefined> {
    if (this.#page.length > 0 || this.#done) return this.#page[0];
    const rows = await this.redis.call((r) => r.xrange(this.key, this.#start, this.end, 'COUNT', PAGE));
    if (rows.length < PAGE) this.#done = true;
    const last = rows.at(-1);
    // Exclusive from the last id read: `(` is XRANGE's exclusive start.
    if (last) this.#start = `(${last[0]}`;
    this.#page = rows.map(([id, fields]) => {
      const at = fields.indexOf('entry');
      return { key: this.key, ms: Number(id.split('-')[0]), text: at < 0 ? '' : (fields[at + 1] ?? '') };
    });
    return this.#page[0];
  }
}
