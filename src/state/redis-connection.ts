import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';

/** Where the shared state lives: REDIS_URL without its credentials, which travel apart as secrets. */
export type RedisSettings = NonNullable<Config['redis']>;

/**
 * Redis could not be reached, or did not answer in time. The caller turns it into "try again in a
 * moment"; the connection comes back by itself.
 */
export class StateUnavailableError extends Error {
  override name = 'StateUnavailableError';
  constructor(cause?: unknown) {
    super('shared state (Redis) is unavailable', { cause });
  }
}

export interface RedisConnectionOptions {
  readonly logger: Logger;
  /** Longest wait for one command's answer (default 2 s). */
  readonly commandTimeoutMs?: number;
  /** Longest wait for a connection to open (default 5 s). */
  readonly connectTimeoutMs?: number;
}

/**
 * One ioredis client shared by the stores of an instance, set so that no call waits unboundedly
 * and none is replayed behind the caller's back:
 * - no offline queue: a call while disconnected rejects at once instead of waiting for a
 *   reconnection, and is never run later (a SET NX run after its caller gave up would turn the
 *   caller's retry into a "duplicate");
 * - no retry or resend of a command in flight when the connection drops (an INCRBY sent twice
 *   would count twice);
 * - a command timeout, for a server that accepts connections and then hangs;
 * - reconnection forever, backing off to 2 s, so service resumes by itself.
 * ioredis emits `error` at every failed reconnection; it is logged once per outage.
 */
export class RedisConnection {
  readonly client: Redis;
  readonly settings: RedisSettings;
  readonly #logger: Logger;
  #down: string | undefined;
  #wasReady = false;

  constructor(settings: RedisSettings, options: RedisConnectionOptions) {
    this.settings = settings;
    this.#logger = options.logger.child({ redis: settings.url });
    this.client = new Redis(settings.url, {
      username: settings.username,
      password: settings.password?.reveal(),
      connectionName: 'bitmind-bot',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: options.commandTimeoutMs ?? 2000,
      connectTimeout: options.connectTimeoutMs ?? 5000,
      retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000),
    });
    this.client.on('error', (err: Error) => this.#lost(err.message));
    this.client.on('close', () => this.#lost('connection closed'));
    this.client.on('ready', () => {
      const again = this.#wasReady;
      this.#wasReady = true;
      if (this.#down === undefined) return;
      this.#down = undefined;
      if (again) this.#logger.info('shared state (Redis) is reachable again');
    });
  }

  #lost(reason: string): void {
    if (this.#down !== undefined || this.client.status === 'end') return;
    this.#down = reason;
    // Before the first connection, `ready` is waiting and its error names the reason, once.
    if (!this.#wasReady) return;
    this.#logger.warn(
      { reason },
      'shared state (Redis) is unavailable; triggers are refused until it is back, reconnecting',
    );
  }

  /** Whether calls can be served now; the reason when not (for /readyz). */
  health(): { ok: true } | { ok: false; reason: string } {
    if (this.client.status === 'ready') return { ok: true };
    return { ok: false, reason: `shared state (Redis) is unavailable: ${this.#down ?? this.client.status}` };
  }

  /** Resolves once connected, or rejects with StateUnavailableError after `timeoutMs`. */
  async ready(timeoutMs: number): Promise<void> {
    if (this.client.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    let onReady: (() => void) | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        onReady = resolve;
        this.client.once('ready', onReady);
        timer = setTimeout(
          () =>
            reject(new StateUnavailableError(new Error(this.#down ?? `no answer within ${timeoutMs} ms`))),
          timeoutMs,
        );
      });
    } finally {
      clearTimeout(timer);
      if (onReady) this.client.off('ready', onReady);
    }
  }

  /** Runs one request; any failure becomes StateUnavailableError carrying the cause. */
  async call<T>(request: (client: Redis) => Promise<T>): Promise<T> {
    try {
      return await request(this.client);
    } catch (err) {
      throw new StateUnavailableError(err);
    }
  }

  /** Closes the connection, waiting for the server to acknowledge when it can. */
  async close(): Promise<void> {
    if (this.client.status === 'end') return;
    if (this.client.status !== 'ready') {
      this.client.disconnect();
      return;
    }
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

/**
 * A connection that is up, or one clear error naming what to check: a wrong REDIS_URL stops a start
 * (or a CLI run) at once instead of refusing every trigger afterwards.
 */
export async function openRedisConnection(
  settings: RedisSettings,
  logger: Logger,
  timeoutMs = 10_000,
): Promise<RedisConnection> {
  const connection = new RedisConnection(settings, { logger });
  try {
    await connection.ready(timeoutMs);
  } catch (err) {
    await connection.close();
    const reason = err instanceof Error && err.cause instanceof Error ? err.cause.message : 'no answer';
    throw new Error(
      `shared state (Redis) at ${settings.url} is unavailable (${reason}): check REDIS_URL and REDIS_PASSWORD, or run bitmind-bot doctor`,
      { cause: err },
    );
  }
  return connection;
}
