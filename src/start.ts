import { createDiscordAdapter } from '../adapters/discord/index.js';
import { createSlackAdapter, type SlackAdapter } from '../adapters/slack/index.js';
import type { ChatAdapter } from './adapter.js';
import type { Config } from './config.js';
import { buildCore, type Core, type CoreOptions } from './core.js';
import { startHealthProbe } from './health-probe.js';
import type { Logger } from './log.js';
import { createMetrics } from './metrics.js';
import { startServer, type Readiness, type RunningServer } from './server.js';
import { createWorkTracker, type WorkTracker } from './work-tracker.js';

export interface ServiceOptions {
  /** Settings of the embedded simulator, when it runs (tests and demos). */
  readonly simulator?: CoreOptions['simulator'];
  /** Time between BitMind health probes; default 30 s. */
  readonly healthIntervalMs?: number;
  /** A probe slower than this fails; default 5 s. */
  readonly healthTimeoutMs?: number;
}

/** The running bot: the core, the configured adapters and the HTTP server. */
export interface Service {
  /** The HTTP server's address as bound. */
  readonly url: string;
  readonly core: Core;
  readonly adapters: readonly ChatAdapter[];
  readonly tasks: WorkTracker;
  readiness(): Readiness;
  /**
   * Drains (new checks refused, checks in flight finished or cut off within the grace period, each
   * with a reply), then disconnects the adapters and closes the server and the core.
   */
  stop(): Promise<void>;
}

const SLACK_MODES = { socket: 'Socket Mode', http: 'HTTP (POST /slack/events)' } as const;

/** The first lines an operator reads: what runs, against what, within which limits. No secrets. */
function logStart(config: Config, logger: Logger): void {
  const platforms = [
    ...(config.slack ? [{ platform: 'slack', mode: config.slack.mode }] : []),
    ...(config.discord ? [{ platform: 'discord', mode: 'gateway' }] : []),
  ];
  const names = [
    ...(config.slack ? [`Slack in ${SLACK_MODES[config.slack.mode]}`] : []),
    ...(config.discord ? ['Discord'] : []),
  ];
  const { auth } = config.bitmind;
  logger.info(
    {
      platforms,
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
    },
    `bitmind-bot starting: ${names.join(' and ')}; BitMind auth ${auth.method}`,
  );
  if (auth.method === 'simulator') {
    logger.warn(
      'NO BITMIND CREDENTIALS: running on the embedded BitMind simulator. Every verdict is SIMULATED, not a real detection. Set BITMIND_CLIENT_ID and BITMIND_CLIENT_SECRET (or BITMIND_API_KEY).',
    );
  }
}

/**
 * Starts the bot: builds the core once, opens the HTTP server, starts the adapters the
 * configuration names and the BitMind health probe. A failure to start closes what was opened.
 */
export async function startService(
  config: Config,
  logger: Logger,
  options: ServiceOptions = {},
): Promise<Service> {
  logStart(config, logger);
  // The gauge reads the client's limiter on each scrape: only once the server is up, after the core.
  const metrics = createMetrics({ queueDepth: () => core.bitmind.queueStats().waiting });
  const core = await buildCore(config, logger, { metrics, simulator: options.simulator });
  const tasks = createWorkTracker(logger.child({ component: 'shutdown' }));
  const deps = { ...core, tasks };
  const slack: SlackAdapter | undefined = config.slack ? createSlackAdapter(deps) : undefined;
  const adapters: ChatAdapter[] = [
    ...(slack ? [slack] : []),
    ...(config.discord ? [createDiscordAdapter(deps)] : []),
  ];
  const probe = startHealthProbe({
    bitmind: core.bitmind,
    logger: logger.child({ component: 'health' }),
    intervalMs: options.healthIntervalMs ?? 30_000,
    timeoutMs: options.healthTimeoutMs ?? 5_000,
  });

  function readiness(): Readiness {
    const reasons: string[] = [];
    if (!tasks.accepting) reasons.push('shutting down');
    for (const adapter of adapters) if (!adapter.isReady()) reasons.push(`${adapter.name}: not connected`);
    if (!probe.healthy) reasons.push(`bitmind: ${probe.problem ?? 'not answering'}`);
    return { ready: reasons.length === 0, reasons };
  }

  let server: RunningServer | undefined;
  let stopping: Promise<void> | undefined;
  async function shutdown(): Promise<void> {
    await tasks.drain(config.shutdownGraceMs);
    const stopped = await Promise.allSettled(adapters.map((a) => a.stop()));
    for (const [i, result] of stopped.entries())
      if (result.status === 'rejected')
        logger.warn(
          { err: result.reason as unknown, adapter: adapters[i]?.name },
          'adapter did not stop cleanly',
        );
    probe.stop();
    await server?.close();
    await core.close();
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
      slackEvents: slack?.mode === 'http' ? (req, res) => slack.handleHttp(req, res) : undefined,
    });
    logger.info({ url: server.url }, 'HTTP server listening: /healthz, /readyz, /metrics');
    await Promise.all(adapters.map((a) => a.start()));
  } catch (err) {
    await stop();
    throw err;
  }
  logger.info({ url: server.url }, 'bitmind-bot running');
  return { url: server.url, core, adapters, tasks, readiness, stop };
}
