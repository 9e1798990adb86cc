import { createBitmindClient, bitmindOptionsFromConfig, type BitmindClientOptions } from './bitmind/index.js';
import type { BitmindApi } from './bitmind/types.js';
import { createChecker, type Checker } from './check/checker.js';
import { RedisVerdictStore } from './check/redis-verdict-store.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { MAX_WAIT_FOR_ROOM_MS } from './media/busy.js';
import { DiskBudget } from './media/disk-budget.js';
import { DownloadGate } from './media/download-gate.js';
import { findFfmpeg } from './convert/ffmpeg.js';
import { createMediaFetcher, type ClosableMediaFetcher } from './media/fetcher.js';
import { createMetrics, type Metrics } from './metrics.js';
import { Secret } from './secret.js';
import type { Simulator, SimulatorOptions } from './simulator/index.js';
import type { RedisConnection } from './state/redis-connection.js';
import { RedisRateLog } from './state/redis-rate-log.js';

/** Everything between the chat adapters and BitMind, built once per process. */
export interface Core {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly bitmind: BitmindApi;
  readonly checker: Checker;
  readonly fetcher: ClosableMediaFetcher;
  /** True when no credentials are configured and checks go to the embedded simulator. */
  readonly simulated: boolean;
  /** The embedded simulator, when running on it. */
  readonly simulator: Simulator | undefined;
  /** Closes in dependency order: the Checker, then the client and fetcher, then the simulator. */
  close(): Promise<void>;
}

export interface CoreOptions {
  readonly metrics?: Metrics;
  /** Settings of the embedded simulator, when it runs (latency, limits: tests and demos). */
  readonly simulator?: Omit<SimulatorOptions, 'logger'>;
  /**
   * In the shared mode, the connection the stores opened: the BitMind rate limit and the verdict
   * cache are then the account's and every instance's, not this process's alone.
   */
  readonly redis?: RedisConnection;
}

export async function buildCore(config: Config, logger: Logger, options: CoreOptions = {}): Promise<Core> {
  const metrics = options.metrics ?? createMetrics();
  const simulator =
    config.bitmind.auth.method === 'simulator'
      ? await startEmbeddedSimulator({
          ...options.simulator,
          logger: logger.child({ component: 'simulator' }),
        })
      : undefined;
  const endpoint = simulator && simulatorEndpoint(simulator);
  const { redis } = options;
  const bitmind = createBitmindClient({
    ...bitmindOptionsFromConfig(config, endpoint),
    ...(redis ? { rateLog: new RedisRateLog(redis) } : {}),
    logger: logger.child({ component: 'bitmind' }),
    onRequest: (event) => {
      metrics.bitmindRequests.inc({ endpoint: event.endpoint, status: String(event.status) });
      metrics.bitmindLatency.observe({ endpoint: event.endpoint }, event.durationMs / 1000);
      if (event.willRetry) metrics.bitmindRetries.inc({ endpoint: event.endpoint });
      if (event.status === 429) metrics.bitmindRateLimited.inc();
    },
  });
  const fetcher = createMediaFetcher({
    allowPrivateUrls: config.media.allowPrivateUrls,
    connectTimeoutMs: config.media.connectTimeoutMs,
    idleTimeoutMs: config.media.idleTimeoutMs,
    logger: logger.child({ component: 'media' }),
  });
  const checker = await createChecker({
    bitmind,
    conversion: {
      maxPixels: config.media.maxPixels,
      timeoutMs: config.media.convertTimeoutMs,
      ffmpeg: await findFfmpeg(config.media.ffmpegPath),
    },
    simulated: simulator !== undefined,
    ...config.check,
    ...(redis
      ? {
          verdicts: new RedisVerdictStore(redis, {
            ttlMs: config.check.cacheTtlMs,
            logger: logger.child({ component: 'verdicts' }),
          }),
        }
      : {}),
    maxDownloadMs: config.media.maxDownloadMs,
    downloads: new DownloadGate(config.media.downloadConcurrency, MAX_WAIT_FOR_ROOM_MS),
    disk: new DiskBudget(config.media.spoolMaxBytes, MAX_WAIT_FOR_ROOM_MS),
    maxBatchBytes: config.bitmind.maxRequestBytes,
    concurrency: config.bitmind.concurrency,
    logger: logger.child({ component: 'checker' }),
    metrics,
  });
  return {
    config,
    logger,
    metrics,
    bitmind,
    checker,
    fetcher,
    simulated: simulator !== undefined,
    simulator,
    async close() {
      await checker.close();
      await Promise.all([bitmind.close(), fetcher.close()]);
      await simulator?.close();
    },
  };
}

/** Loaded only when needed: with real credentials the simulator's code never enters the process. */
async function startEmbeddedSimulator(options: SimulatorOptions): Promise<Simulator> {
  const { startSimulator } = await import('./simulator/index.js');
  return startSimulator(options);
}

/** Client settings that reach a running simulator as its default OAuth client. */
export function simulatorEndpoint(simulator: Simulator): Pick<BitmindClientOptions, 'baseUrl' | 'auth'> {
  return {
    baseUrl: simulator.url,
    auth: {
      method: 'oauth',
      clientId: simulator.credentials.clientId,
      clientSecret: new Secret(simulator.credentials.clientSecret),
    },
  };
}
