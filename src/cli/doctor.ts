import { parseArgs } from 'node:util';
import { z } from 'zod';
import { commandDefinitions } from '../../adapters/discord/index.js';
import { APP_TOKEN_SCOPE, BOT_SCOPES } from '../../adapters/slack/index.js';
import { bitmindOptionsFromConfig, createBitmindClient } from '../bitmind/index.js';
import { ConfigError, environmentWithDotEnv, loadConfig, type Config } from '../config.js';
import { simulatorEndpoint } from '../core.js';
import { probeBitmind } from '../doctor/bitmind.js';
import { countFailures, renderChecklist, skip, type Section } from '../doctor/checklist.js';
import { configurationSection, describeAuth, invalidConfigurationSection } from '../doctor/configuration.js';
import { probeDiscord } from '../doctor/discord.js';
import { probeMedia } from '../doctor/media.js';
import { probeSlack } from '../doctor/slack.js';
import type { Logger } from '../log.js';
import { startSimulator } from '../simulator/index.js';
import { UsageError, type Command } from './command.js';
import { cliLogger } from './cli-logger.js';

const USAGE = `Usage: bitmind-bot doctor [--timeout SECONDS]

Checks the configuration and every service the bot needs, and prints a checklist with a fix for
each failing line: BitMind (reachable, credentials accepted, permissions), Slack (bot token and its
scopes, the app token or the signing secret) and Discord (token, Message Content intent, commands),
for the platforms that are configured. It opens no chat connection and posts nothing.

Options:
  --timeout SECONDS  longest wait for each service (default 10)

Exit status: 0 when every check passed, 1 when any failed (an invalid configuration included),
2 for a usage error.`;

const DEFAULT_TIMEOUT_SECONDS = 10;
const timeoutSchema = z.coerce.number().positive('must be a positive number of seconds').max(300);

function parseFlags(args: readonly string[]): { timeoutMs: number } {
  let values: { timeout?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: { timeout: { type: 'string' } },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const timeout = timeoutSchema.safeParse(values.timeout ?? DEFAULT_TIMEOUT_SECONDS);
  if (!timeout.success) throw new UsageError(`--timeout: ${timeout.error.issues[0]?.message}`);
  return { timeoutMs: timeout.data * 1000 };
}

export const doctorCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { timeoutMs } = parseFlags(args);
    let config: Config;
    try {
      config = loadConfig(environmentWithDotEnv(io.env));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      io.stdout.write(renderChecklist([invalidConfigurationSection(err)]));
      return 1;
    }
    const logger = cliLogger(io, config.logLevel);
    const sections = await Promise.all([
      configurationSection(config),
      bitmindSection(config, logger, timeoutMs),
      config.slack
        ? probeSlack({
            slack: config.slack,
            port: config.port,
            requiredScopes: BOT_SCOPES,
            appTokenScope: APP_TOKEN_SCOPE,
            manifest: config.slack.mode === 'socket' ? 'manifest/slack.yaml' : 'manifest/slack-http.yaml',
            timeoutMs,
            logger,
          })
        : notConfigured('Slack', 'SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET'),
      config.discord
        ? probeDiscord({
            discord: config.discord,
            expectedCommands: commandDefinitions().map(({ name, type }) => ({ name, type })),
            timeoutMs,
          })
        : notConfigured('Discord', 'DISCORD_TOKEN'),
      probeMedia(config.media.ffmpegPath),
    ]);
    io.stdout.write(renderChecklist(sections));
    return countFailures(sections) === 0 ? 0 : 1;
  },
};

/** Probes BitMind with a client of its own: no retries, and nothing waits longer than the timeout. */
async function bitmindSection(config: Config, logger: Logger, timeoutMs: number): Promise<Section> {
  const simulator = config.bitmind.auth.method === 'simulator' ? await startSimulator({ logger }) : undefined;
  const endpoint = simulator && simulatorEndpoint(simulator);
  const options = bitmindOptionsFromConfig(config, endpoint);
  const api = createBitmindClient({
    ...options,
    retry: { ...options.retry, attempts: 1, rateLimitRetries: 0 },
    requestTimeoutMs: timeoutMs,
    connectTimeoutMs: timeoutMs,
    logger,
  });
  try {
    return await probeBitmind({
      api,
      baseUrl: options.baseUrl,
      method: describeAuth(options.auth.method),
      simulated: simulator !== undefined,
      timeoutMs,
    });
  } finally {
    await api.close();
    await simulator?.close();
  }
}

function notConfigured(platform: string, variables: string): Section {
  return { name: platform, findings: [skip(`Not configured (set ${variables} to use ${platform})`)] };
}
