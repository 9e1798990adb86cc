import { parseArgs } from 'node:util';
import { z } from 'zod';
import { bitmindOptionsFromConfig, createBitmindClient } from '../bitmind/index.js';
import { ConfigError, environmentWithDotEnv, type Config } from '../config.js';
import { simulatorEndpoint } from '../core.js';
import { probeBitmind } from '../doctor/bitmind.js';
import { countFailures, renderChecklist, skip, type Section } from '../doctor/checklist.js';
import { configurationSection, describeAuth, invalidConfigurationSection } from '../doctor/configuration.js';
import { probeRedis } from '../doctor/redis.js';
import { probeMedia } from '../doctor/media.js';
import type { Logger } from '../log.js';
import { loadBotConfig, PLATFORMS } from '../platforms.js';
import { startSimulator } from '../simulator/index.js';
import { UsageError, type Command } from './command.js';
import { cliLogger } from './cli-logger.js';

const USAGE = `Usage: bitmind-bot doctor [--timeout SECONDS]

Checks the configuration and every service the bot needs, and prints a checklist with a fix for
each failing line: BitMind (reachable, credentials accepted, permissions) and each chat platform
configured (Slack: bot token and its scopes, the app token or the signing secret; Discord: token,
Message Content intent, commands). It opens no chat connection and posts nothing.

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
      config = loadBotConfig(environmentWithDotEnv(io.env));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      io.stdout.write(renderChecklist([invalidConfigurationSection(err)]));
      return 1;
    }
    const logger = cliLogger(io, config.logLevel);
    const sections = await Promise.all([
      configurationSection(
        config,
        PLATFORMS.map((p) => ({
          name: p.name,
          running: config.platforms[p.name] === undefined ? undefined : p.describe(config),
          howToEnable: p.howToEnable,
        })),
      ),
      bitmindSection(config, logger, timeoutMs),
      ...PLATFORMS.map((platform) =>
        config.platforms[platform.name] === undefined
          ? Promise.resolve(notConfigured(platform.name, platform.howToEnable))
          : platform.doctor(config, { timeoutMs, logger }),
      ),
      probeMedia(config.media.ffmpegPath),
      ...(config.redis ? [probeRedis({ redis: config.redis, timeoutMs })] : []),
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

function notConfigured(platform: string, howToEnable: string): Section {
  const name = platform.charAt(0).toUpperCase() + platform.slice(1);
  return { name, findings: [skip(`Not configured (to use ${name}: ${howToEnable})`)] };
}
