import { environmentWithDotEnv } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import { configuredPlatforms, loadBotConfig, PLATFORMS } from '../platforms.js';
import { installProcessGuard } from '../process-guard.js';
import { startService } from '../start.js';
import { UsageError, type Command } from './command.js';

const USAGE = `Usage: bitmind-bot start

Runs the bot on every platform configured (Slack, Discord, or both), with the HTTP server on PORT
(/healthz, /readyz, /metrics, and POST /slack/events in Slack's HTTP mode). Logs are JSON lines
on stdout (readable on a terminal). SIGTERM or SIGINT shuts down gracefully: checks in flight get
SHUTDOWN_GRACE_SECONDS to post their replies.`;

function nothingConfigured(): string {
  const ways = PLATFORMS.map((p) => `  ${p.name}: ${p.howToEnable}.`);
  return `Nothing to start: no chat platform is configured.\n${ways.join('\n')}\nPut them in the environment or in .env (see .env.example).\n`;
}

function flushed(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}

export const startCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    if (args.length > 0) throw new UsageError(`start takes no arguments (got ${args.join(' ')}).`);
    const config = loadBotConfig(environmentWithDotEnv(io.env));
    const platforms = configuredPlatforms(config);
    if (platforms.length === 0) {
      io.stderr.write(nothingConfigured());
      return 2;
    }
    const logger = createLogger({ level: config.logLevel });
    // Listening before starting takes over SIGTERM for the whole start-up, not only once it is done.
    const stopSignal = io.waitForStop();
    const service = await startService(config, platforms, logger).catch(async (err: unknown) => {
      await flushed(logger);
      throw err;
    });
    // Only the real process gets the guard: in tests an error nobody caught must fail the test.
    const removeGuard = installProcessGuard({
      logger,
      metrics: service.core.metrics,
      onFatal: () => service.stop().then(() => flushed(logger)),
      graceMs: config.shutdownGraceMs + 5_000,
    });
    const signal = await stopSignal;
    logger.info({ signal }, 'stop requested: shutting down gracefully');
    await service.stop();
    removeGuard();
    await flushed(logger);
    return 0;
  },
};
