import type { AutoscanSeed } from '../config.js';
import type { Logger } from '../log.js';
import type { RedisConnection } from '../state/redis-connection.js';
import { StateUnavailableError } from '../state/redis-connection.js';
import { globEscape } from '../state/redis-store.js';
import type { z } from 'zod';
import type { ChannelEntry, ChannelSettings, Scope, SettingsStore, WorkspaceSettings } from './store.js';
import {
  channelKey,
  channelsOf,
  fromSettings,
  fromWorkspaceSettings,
  lookupKeys,
  seedKey,
  seededSettings,
  storedChannelSchema,
  storedWorkspaceSchema,
  toSettings,
  toWorkspaceSettings,
  workspaceKey,
  workspacePrefix,
  workspacesIn,
} from './stored.js';

/**
 * Writes the new value only if the field still holds what the caller read (an absent field reads
 * as ''), so two instances changing one channel at once cannot lose either change: the loser reads
 * again and reapplies its patch.
 */
const COMPARE_AND_SET = `
if (redis.call('HGET', KEYS[1], ARGV[1]) or '') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1`;

/** Bounds the compare-and-set loop; losing this many races in a row means something is wrong. */
const MAX_ATTEMPTS = 20;

/**
 * Settings in two Redis hashes: `<REDIS_PREFIX>settings`, field `platform:workspace:channel`, value
 * the channel's JSON, and `<REDIS_PREFIX>workspaces`, field `platform:workspace`. No cache: every
 * read is one round trip, so a change made through any instance is in force on every other at the
 * next trigger. What is read back is validated, since another version of the bot may have written
 * it; a value that does not validate counts as the defaults (auto-scan off) and is said once in the
 * log, until a moderator's change replaces it.
 */
export class RedisSettingsStore implements SettingsStore {
  readonly #redis: RedisConnection;
  readonly #channels: string;
  readonly #workspaces: string;
  readonly #logger: Logger;
  /** Fields already reported as unreadable: one line each, not one per trigger. */
  readonly #reported = new Set<string>();

  constructor(connection: RedisConnection, logger: Logger) {
    this.#redis = connection;
    this.#channels = `${connection.settings.prefix}settings`;
    this.#workspaces = `${connection.settings.prefix}workspaces`;
    this.#logger = logger;
  }

  async get(scope: Scope, channelId: string): Promise<ChannelSettings> {
    return this.#channel(lookupKeys(scope, channelId)).then(({ settings }) => settings);
  }

  async update(scope: Scope, channelId: string, patch: Partial<ChannelSettings>): Promise<ChannelSettings> {
    const field = channelKey(scope, channelId);
    return this.#compareAndSet(this.#channels, field, async () => {
      const { own, settings } = await this.#channel(lookupKeys(scope, channelId));
      const next = { ...settings, ...patch };
      return { own, next, written: JSON.stringify(fromSettings(next)) };
    });
  }

  /** HSETNX: a channel that has any value, seeded or chosen since, keeps it. */
  async seed(seeds: readonly AutoscanSeed[]): Promise<void> {
    if (seeds.length === 0) return;
    await this.#redis.call(async (r) => {
      const batch = r.multi();
      for (const s of seeds) batch.hsetnx(this.#channels, seedKey(s), JSON.stringify(seededSettings(s)));
      const results = await batch.exec();
      const failed = results?.find(([err]) => err);
      if (!results || failed) throw failed?.[0] ?? new Error('the seeding transaction was aborted');
    });
  }

  async workspace(scope: Scope): Promise<WorkspaceSettings> {
    const field = workspaceKey(scope);
    const raw = await this.#redis.call((r) => r.hget(this.#workspaces, field));
    return toWorkspaceSettings(this.#parse(storedWorkspaceSchema, field, raw));
  }

  async updateWorkspace(scope: Scope, patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
    const field = workspaceKey(scope);
    return this.#compareAndSet(this.#workspaces, field, async () => {
      const own = await this.#redis.call((r) => r.hget(this.#workspaces, field));
      const next = { ...toWorkspaceSettings(this.#parse(storedWorkspaceSchema, field, own)), ...patch };
      return { own, next, written: JSON.stringify(fromWorkspaceSettings(next)) };
    });
  }

  /** Every field of the platform (its workspaces' own, seeds, the first format's), read in pages. */
  async channels(scope: Scope): Promise<readonly ChannelEntry[]> {
    const fields: Array<[string, unknown]> = [];
    await this.#scan(this.#channels, `${scope.platform}:`, (page) => {
      for (let i = 0; i + 1 < page.length; i += 2) {
        let value: unknown;
        try {
          value = JSON.parse(page[i + 1] ?? '');
        } catch {
          continue;
        }
        fields.push([page[i] ?? '', value]);
      }
    });
    return channelsOf(scope, fields);
  }

  /** The platform's fields of both hashes, read in pages; a field's name says its workspace. */
  async workspaces(platform: string): Promise<readonly string[]> {
    const fieldsOf = async (hash: string) => {
      const fields: string[] = [];
      await this.#scan(hash, `${platform}:`, (page) => {
        for (let i = 0; i < page.length; i += 2) fields.push(page[i] ?? '');
      });
      return fields;
    };
    return workspacesIn(platform, await fieldsOf(this.#channels), await fieldsOf(this.#workspaces));
  }

  async forget(scope: Scope): Promise<void> {
    await this.#scan(this.#channels, workspacePrefix(scope), async (page) => {
      const fields = page.filter((_, i) => i % 2 === 0);
      if (fields.length > 0) await this.#redis.call((r) => r.hdel(this.#channels, ...fields));
    });
    await this.#redis.call((r) => r.hdel(this.#workspaces, workspaceKey(scope)));
  }

  /**
   * HSCAN of `hash` in pages of field, value, field, value…: a workspace has a few channels among
   * possibly many thousands.
   */
  async #scan(hash: string, prefix: string, each: (page: string[]) => Promise<void> | void): Promise<void> {
    let cursor = '0';
    for (let page = 0; page < MAX_SCAN_PAGES; page++) {
      const [next, flat] = await this.#redis.call((r) =>
        r.hscan(hash, cursor, 'MATCH', `${globEscape(prefix)}*`, 'COUNT', 500),
      );
      await each(flat);
      cursor = next;
      if (cursor === '0') break;
    }
  }

  /** The first of `fields` that holds a value, parsed, and whether the first (this workspace's own) did. */
  async #channel(fields: readonly string[]): Promise<{ own: string | null; settings: ChannelSettings }> {
    const values = await this.#redis.call((r) => r.hmget(this.#channels, ...fields));
    const at = values.findIndex((v) => v !== null);
    const stored =
      at < 0 ? undefined : this.#parse(storedChannelSchema, fields[at] ?? '', values[at] ?? null);
    return { own: values[0] ?? null, settings: toSettings(stored) };
  }

  /**
   * Writes what `build` makes of the field's current value, only if the field still holds what it
   * read; the loser of a race reads again and reapplies its patch.
   */
  async #compareAndSet<T>(
    key: string,
    field: string,
    build: () => Promise<{ own: string | null; next: T; written: string }>,
  ): Promise<T> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { own, next, written } = await build();
      const done = await this.#redis.call(
        (r) => r.eval(COMPARE_AND_SET, 1, key, field, own ?? '', written) as Promise<number>,
      );
      if (done === 1) return next;
    }
    throw new StateUnavailableError(
      new Error(`settings of ${field} kept changing under ${MAX_ATTEMPTS} attempts`),
    );
  }

  #parse<T>(schema: z.ZodType<T>, field: string, raw: string | null): T | undefined {
    if (raw === null) return undefined;
    let parsed;
    try {
      parsed = schema.safeParse(JSON.parse(raw));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) return parsed.data;
    if (!this.#reported.has(field)) {
      this.#reported.add(field);
      const problem = parsed?.error.issues[0];
      this.#logger.warn(
        { field, problem: problem ? `${problem.path.join('.')}: ${problem.message}` : 'not JSON' },
        'settings in Redis are not readable by this version; using the defaults until they are changed',
      );
    }
    return undefined;
  }
}

/** Bounds a scan; at 500 fields a page, far more fields than any bot has. */
const MAX_SCAN_PAGES = 10_000;
