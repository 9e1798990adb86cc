import { environmentWithDotEnv, loadConfig } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import { startService } from '../start.js';
import { UsageError, type Command } from './command.js';

const USAGE = `Usage: bitmind-bot start

Runs the bot: the Slack adapter, the Discord adapter, or both, as configured, with the HTTP server on
PORT (/healthz, /readyz, /metrics, and POST /slack/events in Slack's HTTP mode). Logs are JSON lines
on stdout (readable on a terminal). SIGTERM or SIGINT shuts down gracefully: checks in flight get
SHUTDOWN_GRACE_SECONDS to post their replies.`;

const NOTHING_CONFIGURED = `Nothing to start: neither Slack nor Discord is configured.
  Slack:   set SLACK_BOT_TOKEN, and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).
           App manifests: manifest/; setup: docs/slack.md.
  Discord: set DISCORD_TOKEN. Command definitions: manifest/; setup: docs/discord.md.
Put them in the environment or in .env (see .env.example).
`;

function flushed(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}

export const startCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    if (args.length > 0) throw new UsageError(`start takes no arguments (got ${args.join(' ')}).`);
    const config = loadConfig(environmentWithDotEnv(io.env));
    if (!config.slack && !config.discord) {
      io.stderr.write(NOTHING_CONFIGURED);
      return 2;
    }
    const logger = createLogger({ level: config.logLevel });
    // Listening before starting takes over SIGTERM for the whole start-up, not only once it is done.
    const stopSignal = io.waitForStop();
    const service = await startService(config, logger).catch(async (err: unknown) => {
      await flushed(logger);
      throw err;
    });
    const signal = await stopSignal;
    logger.info({ signal }, 'stop requested: shutting down gracefully');
    await service.stop();
    await flushed(logger);
    return 0;
  },
};
