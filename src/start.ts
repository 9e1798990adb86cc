import { hostname } from 'node:os';
import type { ChatAdapter, PlatformModule } from './adapter.js';
import type { Config } from './config.js';
import { connectPlatforms } from './connect.js';
import { buildCore, type Core, type CoreOptions } from './core.js';
import { startHealthProbe } from './health-probe.js';
import type { Logger } from './log.js';
import { createMetrics } from './metrics.js';
import type { Pipeline } from './pipeline/pipeline.js';
import { CheckQueue } from './queue/check-queue.js';
import { startServer, type Readiness, type RunningServer } from './server.js';
import { openStores } from './stores.js';
import { createWorkTracker, type WorkTracker } from './work-tracker.js';

export interface ServiceOptions {
  /** Settings of the embedded simulator, when it runs (tests and demos). */
  readonly simulator?: CoreOptions['simulator'];
  /** Time between BitMind health probes; default 30 s. */
  readonly healthIntervalMs?: number;
  /** A probe slower than this fails; default 5 s. */
  readonly healthTimeoutMs?: number;
}

/** The running bot: the core, the pipeline, the configured adapters and the HTTP server. */
export interface Service {
  /** The HTTP server's address as bound. */
  readonly url: string;
  readonly core: Core;
  readonly pipeline: Pipeline;
  readonly adapters: readonly ChatAdapter[];
  readonly tasks: WorkTracker;
  readiness(): Readiness;
  /**
   * Drains (new checks refused, checks in flight finished or cut off within the grace period, each
   * with a reply), then disconnects the adapters and closes the server and the core.
   */
  stop(): Promise<void>;
}

/** The first lines an operator reads: what runs, against what, within which limits. No secrets. */
function logStart(config: Config, platforms: readonly PlatformModule[], logger: Logger): void {
  const { auth } = config.bitmind;
  logger.info(
    {
      platforms: platforms.map((p) => ({ platform: p.name, runs: p.describe(config) })),
      bitmind:
        auth.method === 'simulator'
          ? { auth: 'simulator' }
          : { auth: auth.method, url: config.bitmind.baseUrl },
      limits: {
        concurrency: config.bitmind.concurrency,
        requestsPerMinute: config.bitmind.ratePerMinute,
        maxMediaPerRequest: config.check.maxMedia,
        checksPerPersonPerHour: config.check.userChecksPerHour || 'unlimited',
      },
      shutdownGraceSeconds: config.shutdownGraceMs / 1000,
      ...(config.redis && {
        shared: { redis: config.redis.url, jobStallSeconds: config.jobStallMs / 1000 },
      }),
    },
    `bitmind-bot starting: ${platforms.map((p) => p.describe(config)).join(' and ')}; BitMind auth ${auth.method}`,
  );
  if (auth.method === 'simulator') {
    logger.warn(
      'NO BITMIND CREDENTIALS: running on the embedded BitMind simulator. Every verdict is SIMULATED, not a real detection. Set BITMIND_CLIENT_ID and BITMIND_CLIENT_SECRET (or BITMIND_API_KEY).',
    );
  }
}

/**
 * Starts the bot: builds the core once, the pipeline and the adapters of `platforms` around it,
 * opens the HTTP server, starts the adapters and the BitMind health probe, then answers what a
 * previous run left owed. A failure to start closes what was opened.
 */
export async function startService(
  config: Config,
  platforms: readonly PlatformModule[],
  logger: Logger,
  options: ServiceOptions = {},
): Promise<Service> {
  logStart(config, platforms, logger);
  // Several instances share one queue: each names itself in it, in its metrics and in its logs.
  const instance = `${hostname()}:${process.pid}`;
  // The gauges read the client's limiter and the probe on each scrape: only once the server is up.
  const metrics = createMetrics({
    queueDepth: () => core.bitmind.queueStats().waiting,
    bitmindUp: () => probe.healthy,
    checkQueue: async () => queue?.counts(),
    instance,
  });
  // First: with REDIS_URL, a Redis that cannot be reached stops the start with one clear line.
  const stores = await openStores(config, { logger: logger.child({ component: 'state' }) });
  // The shared mode's checks are jobs in Redis that any instance may finish; else they run here.
  const queue =
    config.redis &&
    new CheckQueue({
      redis: config.redis,
      stallMs: config.jobStallMs,
      // A job past the downloads this process runs at once would only wait here: it waits in the
      // queue instead, where another instance may take it.
      concurrency: config.media.downloadConcurrency,
      instance,
      state: stores.state,
      logger: logger.child({ component: 'queue', instance }),
      metrics,
    });
  const core = await buildCore(config, logger, {
    metrics,
    simulator: options.simulator,
    ...(stores.redis ? { redis: stores.redis } : {}),
  });
  const tasks = createWorkTracker(logger.child({ component: 'shutdown' }));
  const { pipeline, adapters } = await connectPlatforms(core, { tasks, stores, platforms, jobs: queue });
  const probe = startHealthProbe({
    bitmind: core.bitmind,
    logger: logger.child({ component: 'health' }),
    intervalMs: options.healthIntervalMs ?? 30_000,
    timeoutMs: options.healthTimeoutMs ?? 5_000,
  });

  // Ready means "this instance can take events". BitMind being down is no reason to leave the load
  // balancer: every trigger is still answered (with "BitMind is unavailable"), so it is a detail.
  function readiness(): Readiness {
    const reasons: string[] = [];
    if (!tasks.accepting) reasons.push('shutting down');
    for (const adapter of adapters)
      if (!adapter.isReady()) reasons.push(`${adapter.platform}: not connected`);
    const state = stores.health();
    if (!state.ok) reasons.push(`state: ${state.reason}`);
    const details = probe.healthy ? [] : [`bitmind: ${probe.problem ?? 'not answering'}`];
    return { ready: reasons.length === 0, reasons, details };
  }

  let server: RunningServer | undefined;
  let stopping: Promise<void> | undefined;
  async function shutdown(): Promise<void> {
    // Shared mode: the checks in flight go back to the queue for another instance, at once, rather
    // than being cut off with "restarting" at the end of the grace period.
    await queue?.handBack();
    await tasks.drain(config.shutdownGraceMs);
    const stopped = await Promise.allSettled(adapters.map((a) => a.stop()));
    for (const [i, result] of stopped.entries())
      if (result.status === 'rejected')
        logger.warn(
          { err: result.reason as unknown, adapter: adapters[i]?.platform },
          'adapter did not stop cleanly',
        );
    probe.stop();
    await server?.close();
    await queue?.close();
    // The core first: in the shared mode its rate limit and verdict cache use the stores' connection.
    await core.close();
    await stores.close();
    logger.info('bitmind-bot stopped');
  }
  const stop = () => (stopping ??= shutdown());

  try {
    server = await startServer({
      host: config.host,
      port: config.port,
      logger: logger.child({ component: 'http' }),
      registry: metrics.registry,
      readiness,
      routes: adapters.flatMap((a) => a.routes),
    });
    logger.info({ url: server.url }, 'HTTP server listening: /healthz, /readyz, /metrics');
    await Promise.all(adapters.map((a) => a.start()));
    if (queue) {
      await queue.ready();
      queue.work(
        (job, signal) => pipeline.execute(job, signal),
        (job) => pipeline.abandon(job),
      );
    } else await pipeline.resume();
  } catch (err) {
    await stop();
    throw err;
  }
  logger.info({ url: server.url }, 'bitmind-bot running');
  return { url: server.url, core, pipeline, adapters, tasks, readiness, stop };
}
