import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { openRedisConnection } from '../state/redis-connection.js';
import type { AuditTrail } from './audit-log.js';
import { FileAuditTrail } from './file-trail.js';
import { RedisAuditTrail } from './redis-trail.js';

/**
 * The audit trail alone, for a command run beside the bot (`audit export`, `audit forget`): in
 * Redis with REDIS_URL, on a connection of its own, else the files under DATA_DIR. Closing it
 * closes that connection. The running bot opens its trail with its other stores (src/stores.ts).
 */
export async function openAuditTrail(
  config: Pick<Config, 'dataDir' | 'redis' | 'auditRetentionDays'>,
  logger: Logger,
): Promise<AuditTrail> {
  const retention = { days: config.auditRetentionDays, now: Date.now, logger };
  if (!config.redis) return FileAuditTrail.open(config.dataDir, retention);
  const connection = await openRedisConnection(config.redis, logger);
  try {
    const trail = await RedisAuditTrail.open(connection, retention);
    return {
      record: (entry) => trail.record(entry),
      entries: (query) => trail.entries(query),
      forget: (scope) => trail.forget(scope),
      trim: () => trail.trim(),
      close: async () => {
        await trail.close();
        await connection.close();
      },
    };
  } catch (err) {
    await connection.close();
    throw err;
  }
}
