import type { AuditTrail } from './audit/audit-log.js';
import { FileAuditTrail } from './audit/file-trail.js';
import { RedisAuditTrail } from './audit/redis-trail.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { FileSettingsStore } from './settings/file-store.js';
import { RedisSettingsStore } from './settings/redis-store.js';
import type { SettingsStore } from './settings/store.js';
import { FileStateStore } from './state/file-store.js';
import { openRedisConnection, type RedisConnection } from './state/redis-connection.js';
import { RedisStateStore } from './state/redis-store.js';
import type { StateStore } from './state/store.js';

export interface Stores {
  readonly mode: 'embedded' | 'redis';
  readonly state: StateStore;
  readonly settings: SettingsStore;
  /**
   * The Redis connection in the shared mode, for the core's shared BitMind rate limit and verdict
   * cache; closed with the stores.
   */
  readonly redis: RedisConnection | undefined;
  /** The audit trail: JSON-lines files under DATA_DIR/audit, or a Redis stream per workspace. */
  readonly audit: AuditTrail;
  /** Whether the stores can serve calls now, with the reason when not: for /readyz. */
  health(): { ok: true } | { ok: false; reason: string };
  close(): Promise<void>;
}

export interface OpenStoresOptions {
  readonly logger: Logger;
  /** Longest wait for Redis at start before giving up with StateUnavailableError (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** The clock the audit trail's retention is measured by (tests drive it). */
  readonly now?: () => number;
}

/**
 * The state and settings stores this instance runs on: in Redis, shared with every other instance,
 * when REDIS_URL is set; otherwise the embedded ones under DATA_DIR, as a single process has always
 * used. In Redis mode this waits for the first connection, so a wrong REDIS_URL stops the start
 * with one clear error instead of refusing every trigger; after that, outages are ridden out.
 */
export async function openStores(
  config: Pick<Config, 'dataDir' | 'redis' | 'auditRetentionDays'>,
  options: OpenStoresOptions,
): Promise<Stores> {
  const retention = {
    days: config.auditRetentionDays,
    now: options.now ?? Date.now,
    logger: options.logger.child({ component: 'audit' }),
  };
  if (!config.redis) {
    const state = FileStateStore.open(config.dataDir, {
      onSkipped: (lines) =>
        options.logger.warn({ lines }, 'skipped unreadable lines of the state journal (a torn last write)'),
    });
    let audit: AuditTrail;
    try {
      audit = await FileAuditTrail.open(config.dataDir, retention);
    } catch (err) {
      await state.close();
      throw err;
    }
    return {
      mode: 'embedded',
      state,
      settings: new FileSettingsStore(config.dataDir),
      redis: undefined,
      audit,
      health: () => ({ ok: true }),
      close: async () => {
        await audit.close();
        await state.close();
      },
    };
  }
  const connection = await openRedisConnection(config.redis, options.logger, options.connectTimeoutMs);
  const state = new RedisStateStore(connection);
  let audit: AuditTrail;
  try {
    audit = await RedisAuditTrail.open(connection, retention);
  } catch (err) {
    await connection.close();
    throw err;
  }
  return {
    mode: 'redis',
    state,
    settings: new RedisSettingsStore(connection, options.logger),
    redis: connection,
    audit,
    health: () => connection.health(),
    close: async () => {
      await audit.close();
      await state.close();
      await connection.close();
    },
  };
}
