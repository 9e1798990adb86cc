import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { RATE_LIMIT_WAIT_MS } from './contract.js';
import type { BitmindAuth } from './credentials.js';
import type { RateLog } from './shared-limiter.js';
import type { RetryPolicy } from './transport.js';
import type { RequestEvent } from './types.js';

export interface BitmindClientOptions {
  /** e.g. https://enterprise.bitmind.ai, without a trailing slash. */
  readonly baseUrl: string;
  readonly auth: BitmindAuth;
  /** An extra PEM CA to trust (private CAs, test rigs); the public roots stay trusted. */
  readonly caPem?: string;
  /** Requests in flight at once. Default 4. */
  readonly concurrency?: number;
  /** At most `limit` requests start in any `windowMs` (default 60 000). Default 60 a minute. */
  readonly rateLimit?: { readonly limit: number; readonly windowMs?: number };
  /**
   * The log of starts shared with the other instances of the bot: with it, `rateLimit` is the
   * account's limit across all of them (`SharedLimiter`); without it, this process's alone.
   */
  readonly rateLog?: RateLog;
  readonly retry?: Partial<RetryPolicy>;
  /** Longest silence while sending, before the answer, or between its chunks. Default 300 s. */
  readonly requestTimeoutMs?: number;
  /** Default 10 s. */
  readonly connectTimeoutMs?: number;
  /** Default: silent. */
  readonly logger?: Logger;
  /** Called after every attempt: endpoint, status, duration, attempt and whether it will be retried. */
  readonly onRequest?: (event: RequestEvent) => void;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  maxElapsedMs: 120_000,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  retryAfterDefaultMs: RATE_LIMIT_WAIT_MS,
  retryAfterMaxMs: 300_000,
  rateLimitRetries: 3,
};

/**
 * Maps the bot's configuration to client options. With the embedded simulator (`auth.method` is
 * 'simulator') the caller starts it and passes its address and credentials as `endpoint`.
 */
export function bitmindOptionsFromConfig(
  config: Pick<Config, 'bitmind'>,
  endpoint?: Pick<BitmindClientOptions, 'baseUrl' | 'auth'>,
): BitmindClientOptions {
  const { bitmind } = config;
  const auth = endpoint?.auth ?? (bitmind.auth.method === 'simulator' ? undefined : bitmind.auth);
  if (!auth) {
    throw new Error(
      'No BitMind credentials are configured: start the simulator and pass its address and credentials',
    );
  }
  return {
    baseUrl: endpoint?.baseUrl ?? bitmind.baseUrl,
    auth,
    ...(bitmind.caPem ? { caPem: bitmind.caPem } : {}),
    concurrency: bitmind.concurrency,
    rateLimit: { limit: bitmind.ratePerMinute, windowMs: 60_000 },
    retry: bitmind.retry,
    requestTimeoutMs: bitmind.requestTimeoutMs,
  };
}
