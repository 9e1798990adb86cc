import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Config } from '../../../src/config.js';
import type { Logger } from '../../../src/log.js';
import { writeFileAtomically } from '../../../src/state/atomic-file.js';
import { RedisConnection } from '../../../src/state/redis-connection.js';
import { RedisLock, type LockTiming } from './redis-lock.js';

/**
 * Where installation records live, as strings under keys: the values arrive sealed, so neither
 * backend ever holds a token in the clear. Installs are rare and events many, so reads are cheap.
 */
export interface InstallationBackend {
  /** The file's path or the Redis key, for errors and the doctor. */
  readonly where: string;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** Every key starting with `prefix`, with its value. */
  entries(prefix: string): Promise<Array<[string, string]>>;
  /**
   * The lock that keeps token refreshes of one installation to one at a time among the processes
   * sharing this backend (Redis); undefined for the file, which one process owns.
   */
  refreshLock(timing: LockTiming): RedisLock | undefined;
  close(): Promise<void>;
}

/** The store cannot be read as it is: the operator must mend or restore it; it is never reset. */
export class InstallationStoreError extends Error {
  override name = 'InstallationStoreError';
}

const fileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), z.string()) });

export const INSTALLATIONS_FILE = 'slack-installations.json';

/**
 * One JSON file under DATA_DIR, read once at start and rewritten atomically at each change
 * (changes run one at a time). A file that is there but unreadable stops the start.
 */
class FileBackend implements InstallationBackend {
  #entries: Record<string, string>;
  #writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly where: string,
    entries: Record<string, string>,
  ) {
    this.#entries = entries;
  }

  /** Without a logger (the doctor), a missing file is not worth a warning: it is only read. */
  static async open(path: string, logger: Logger | undefined): Promise<FileBackend> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      logger?.warn(
        { path },
        'no Slack installation store yet: starting with no installed workspace (if workspaces had installed the app, restore this file from a backup)',
      );
      return new FileBackend(path, {});
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new InstallationStoreError(
        `${path} (the Slack installation store under DATA_DIR) is not valid JSON: restore it from a backup; the bot will not overwrite it`,
      );
    }
    const result = fileSchema.safeParse(parsed);
    if (!result.success)
      throw new InstallationStoreError(
        `${path} (the Slack installation store under DATA_DIR) does not hold installations: restore it from a backup; the bot will not overwrite it`,
      );
    return new FileBackend(path, result.data.entries);
  }

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(Object.hasOwn(this.#entries, key) ? this.#entries[key] : undefined);
  }

  set(key: string, value: string): Promise<void> {
    return this.#change((entries) => ({ ...entries, [key]: value }));
  }

  delete(keys: readonly string[]): Promise<void> {
    return this.#change((entries) =>
      Object.fromEntries(Object.entries(entries).filter(([k]) => !keys.includes(k))),
    );
  }

  entries(prefix: string): Promise<Array<[string, string]>> {
    return Promise.resolve(Object.entries(this.#entries).filter(([k]) => k.startsWith(prefix)));
  }

  refreshLock(): undefined {
    return undefined;
  }

  #change(apply: (entries: Record<string, string>) => Record<string, string>): Promise<void> {
    const next = this.#writing.then(async () => {
      const entries = apply(this.#entries);
      await writeFileAtomically(this.where, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
      this.#entries = entries;
    });
    this.#writing = next.catch(() => undefined);
    return next;
  }

  close(): Promise<void> {
    return this.#writing;
  }
}

/**
 * One Redis hash, `<REDIS_PREFIX>slack:installations`, on a connection of the adapter's own; the
 * refresh locks beside it, `<REDIS_PREFIX>slack:refresh:<installation key>`.
 */
class RedisBackend implements InstallationBackend {
  readonly where: string;

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {
    this.where = `${prefix}slack:installations`;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.call((r) => r.hget(this.where, key))) ?? undefined;
  }

  async set(key: string, value: string): Promise<void> {
    await this.redis.call((r) => r.hset(this.where, key, value));
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.redis.call((r) => r.hdel(this.where, ...keys));
  }

  async entries(prefix: string): Promise<Array<[string, string]>> {
    const all = await this.redis.call((r) => r.hgetall(this.where));
    return Object.entries(all).filter(([k]) => k.startsWith(prefix));
  }

  refreshLock(timing: LockTiming): RedisLock {
    return new RedisLock(this.redis, `${this.prefix}slack:refresh:`, timing);
  }

  close(): Promise<void> {
    return this.redis.close();
  }
}

/** Redis when REDIS_URL is set (shared by every instance), else the file under DATA_DIR. */
export async function openInstallationBackend(
  config: Pick<Config, 'dataDir' | 'redis'>,
  logger: Logger,
  options: { readonly readOnly?: boolean } = {},
): Promise<InstallationBackend> {
  if (!config.redis)
    return FileBackend.open(join(config.dataDir, INSTALLATIONS_FILE), options.readOnly ? undefined : logger);
  const connection = new RedisConnection(config.redis, { logger });
  try {
    await connection.ready(10_000);
  } catch (err) {
    await connection.close();
    throw new InstallationStoreError(
      `the Slack installation store in Redis (${config.redis.url}) is unavailable: check REDIS_URL`,
      { cause: err },
    );
  }
  return new RedisBackend(connection, config.redis.prefix);
}
