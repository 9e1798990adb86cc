import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { bitmindOptionsFromConfig, createBitmindClient } from '../../src/bitmind/index.js';
import type { BitmindApi } from '../../src/bitmind/types.js';
import { createChecker, type Checker } from '../../src/check/checker.js';
import { buildCore, type Core } from '../../src/core.js';
import { Secret } from '../../src/secret.js';
import { createLogger } from '../../src/log.js';
import { RedisConnection } from '../../src/state/redis-connection.js';
import { RedisRateLog } from '../../src/state/redis-rate-log.js';
import { fileMediaRef } from '../../src/media/refs.js';
import type { CheckReport, CheckRequest, TriggerKind } from '../../src/domain/types.js';

/** Where the simulator listens and the OAuth client to use there. */
export interface SimEndpoint {
  readonly url: string;
  readonly credentials: { readonly clientId: string; readonly clientSecret: string };
}

/**
 * The bot's core (BitMind client, fetcher, Checker) built by the real composition root from
 * environment settings, pointed at a simulator in another process with its OAuth credentials.
 * The per-person budget is lifted: a benchmark is one "person" sending hundreds of files.
 */
export async function startBot(sim: SimEndpoint, env: Record<string, string> = {}): Promise<Core> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bitmind-bench-'));
  const config = benchConfig(sim, dataDir, env);
  const core = await buildCore(config, createLogger({ level: config.logLevel, destination: process.stderr }));
  return {
    ...core,
    async close() {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function benchConfig(sim: SimEndpoint, dataDir: string, env: Record<string, string>) {
  return loadConfig({
    DATA_DIR: dataDir,
    BITMIND_BASE_URL: sim.url,
    BITMIND_CLIENT_ID: sim.credentials.clientId,
    BITMIND_CLIENT_SECRET: sim.credentials.clientSecret,
    USER_CHECKS_PER_HOUR: '1000000',
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/**
 * The BitMind client and Checker wired as `buildCore` wires them, but with the limiter's window
 * shortened: the configuration speaks only of requests per minute, and the rate-limit benchmark
 * runs the same rate over 10-second windows to finish in seconds rather than minutes. With
 * `redis` (REDIS_URL and REDIS_PREFIX), the limit is shared through Redis with every other checker
 * given the same, as instances of the bot share it (`SharedLimiter`).
 */
export async function startWindowedChecker(
  sim: SimEndpoint,
  rateLimit: { readonly limit: number; readonly windowMs: number },
  redis: { REDIS_URL: string; REDIS_PREFIX: string } | Record<string, never> = {},
): Promise<{ bitmind: BitmindApi; checker: Checker; close(): Promise<void> }> {
  const config = benchConfig(sim, tmpdir(), redis);
  const logger = createLogger({ level: config.logLevel, destination: process.stderr });
  const connection = config.redis && new RedisConnection(config.redis, { logger });
  const auth = {
    method: 'oauth',
    clientId: sim.credentials.clientId,
    clientSecret: new Secret(sim.credentials.clientSecret),
  } as const;
  const bitmind = createBitmindClient({
    ...bitmindOptionsFromConfig(config, { baseUrl: sim.url, auth }),
    rateLimit,
    ...(connection ? { rateLog: new RedisRateLog(connection) } : {}),
    logger,
  });
  const checker = await createChecker({
    bitmind,
    simulated: false,
    ...config.check,
    maxDownloadMs: config.media.maxDownloadMs,
    concurrency: config.bitmind.concurrency,
    logger,
  });
  return {
    bitmind,
    checker,
    async close() {
      await checker.close();
      await bitmind.close();
      await connection?.close();
    },
  };
}

let requestIds = 0;

/** One chat message's files as a CheckRequest, as an adapter would build it. */
export function fileRequest(
  paths: readonly string[],
  trigger: TriggerKind = 'autoscan',
  userId = 'U0BENCH',
): CheckRequest {
  return {
    id: `bench-${++requestIds}`,
    trigger,
    requester: { platform: 'bench', userId, channelId: 'C0BENCH' },
    media: paths.map(fileMediaRef),
  };
}

/** Throws unless every item of the report is a verdict: a benchmark of failures measures nothing. */
export function expectVerdicts(report: CheckReport): void {
  const failed = report.items.find((item) => 'error' in item);
  if (failed && 'error' in failed) {
    throw new Error(`${failed.ref.name}: ${failed.error.code}: ${failed.error.message}`);
  }
}
