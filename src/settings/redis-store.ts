import type { AutoscanSeed } from '../config.js';
import type { Logger } from '../log.js';
import type { RedisConnection } from '../state/redis-connection.js';
import { StateUnavailableError } from '../state/redis-connection.js';
import type { ChannelSettings, SettingsStore } from './store.js';
import { channelKey, fromSettings, storedChannelSchema, toSettings } from './stored.js';

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
 * Channel settings in one Redis hash, `<REDIS_PREFIX>settings`, field `platform:channel`, value
 * the channel's JSON. No cache: every read is one HGET, so a change made through any instance is
 * in force on every other at the next trigger. What is read back is validated, since another
 * version of the bot may have written it; a value that does not validate counts as the defaults
 * (auto-scan off) and is said once in the log, until a moderator's change replaces it.
 */
export class RedisSettingsStore implements SettingsStore {
  readonly #redis: RedisConnection;
  readonly #key: string;
  readonly #logger: Logger;
  /** Fields already reported as unreadable: one line each, not one per trigger. */
  readonly #reported = new Set<string>();

  constructor(connection: RedisConnection, logger: Logger) {
    this.#redis = connection;
    this.#key = `${connection.settings.prefix}settings`;
    this.#logger = logger;
  }

  async get(platform: string, channelId: string): Promise<ChannelSettings> {
    const field = channelKey(platform, channelId);
    return this.#parse(field, await this.#redis.call((r) => r.hget(this.#key, field)));
  }

  async update(
    platform: string,
    channelId: string,
    patch: Partial<ChannelSettings>,
  ): Promise<ChannelSettings> {
    const field = channelKey(platform, channelId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const raw = await this.#redis.call((r) => r.hget(this.#key, field));
      const next = { ...this.#parse(field, raw), ...patch };
      const written = await this.#redis.call(
        (r) =>
          r.eval(
            COMPARE_AND_SET,
            1,
            this.#key,
            field,
            raw ?? '',
            JSON.stringify(fromSettings(next)),
          ) as Promise<number>,
      );
      if (written === 1) return next;
    }
    throw new StateUnavailableError(
      new Error(`settings of ${field} kept changing under ${MAX_ATTEMPTS} attempts`),
    );
  }

  /** HSETNX: a channel that has any value, seeded or chosen since, keeps it. */
  async seed(seeds: readonly AutoscanSeed[]): Promise<void> {
    if (seeds.length === 0) return;
    await this.#redis.call(async (r) => {
      const batch = r.multi();
      for (const s of seeds)
        batch.hsetnx(
          this.#key,
          channelKey(s.platform, s.channelId),
          JSON.stringify(
            fromSettings({ autoscan: true, replyMode: s.replyMode, triggerReaction: undefined }),
          ),
        );
      const results = await batch.exec();
      const failed = results?.find(([err]) => err);
      if (!results || failed) throw failed?.[0] ?? new Error('the seeding transaction was aborted');
    });
  }

  #parse(field: string, raw: string | null): ChannelSettings {
    if (raw === null) return toSettings(undefined);
    let parsed;
    try {
      parsed = storedChannelSchema.safeParse(JSON.parse(raw));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) return toSettings(parsed.data);
    if (!this.#reported.has(field)) {
      this.#reported.add(field);
      const problem = parsed?.error.issues[0];
      this.#logger.warn(
        { channel: field, problem: problem ? `${problem.path.join('.')}: ${problem.message}` : 'not JSON' },
        'channel settings in Redis are not readable by this version; using the defaults until they are changed',
      );
    }
    return toSettings(undefined);
  }
}
