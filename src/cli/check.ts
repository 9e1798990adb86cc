import { randomUUID } from 'node:crypto';
import { environmentWithDotEnv, loadConfig } from '../config.js';
import { buildCore } from '../core.js';
import { fileMediaRef, urlMediaRef } from '../media/refs.js';
import { UsageError, type Command } from './command.js';
import { cliLogger } from './cli-logger.js';
import { localeOfEnvironment } from '../i18n/i18n.js';
import { openRedisConnection } from '../state/redis-connection.js';
import { reportJson, reportTable } from './report-output.js';

const USAGE = `Usage: bitmind-bot check [--json] <file-or-url>...

Checks images (JPEG, PNG, WebP; GIF, HEIC, AVIF, TIFF, BMP converted to PNG) and videos (MP4, MOV, AVI,
M4V; WebM, MKV and animations converted to MP4) with BitMind and prints a verdict for each. A link to a
web page is checked by the images and videos its Open Graph / Twitter card tags name (at most 4).
With no BitMind credentials configured, it runs the embedded simulator and marks every result simulated.
With REDIS_URL set (and real credentials), its calls count in the rate limit the bot's instances
share, and it reads their verdict cache.

Options:
  --json   print exactly one JSON document on stdout: {"results":[...]}

Exit status: 0 when every item was checked, 1 when any failed, 2 for a usage or configuration error.`;

export const checkCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const json = args.includes('--json');
    const unknown = args.find((a) => a.startsWith('-') && a !== '--json');
    if (unknown) throw new UsageError(`Unknown option ${unknown}.`);
    const sources = args.filter((a) => a !== '--json');
    if (sources.length === 0) throw new UsageError('Name at least one file or URL to check.');

    const config = loadConfig(environmentWithDotEnv(io.env));
    const logger = cliLogger(io, config.logLevel);
    // With REDIS_URL and a real account, the terminal's calls count in the account's shared rate
    // limit like every instance's, and reuse the shared verdict cache. The embedded simulator is
    // this process's own, so nothing is shared with it.
    const redis =
      config.redis && config.bitmind.auth.method !== 'simulator'
        ? await openRedisConnection(config.redis, logger)
        : undefined;
    const core = await buildCore(config, logger, redis ? { redis } : {}).catch(async (err: unknown) => {
      await redis?.close();
      throw err;
    });
    try {
      if (core.simulated) {
        io.stderr.write(
          'No BitMind credentials configured: using the embedded simulator. Results are SIMULATED.\n',
        );
      }
      const media = sources.map((s) =>
        /^[a-z][a-z0-9+.-]*:/i.test(s) && !/^[a-z]:[\\/]/i.test(s)
          ? urlMediaRef(s, core.fetcher)
          : fileMediaRef(s),
      );
      const showProgress = !json && (io.stderr as { isTTY?: boolean }).isTTY === true && media.length > 1;
      const report = await core.checker.check(
        {
          id: randomUUID(),
          trigger: 'cli',
          requester: { platform: 'cli', userId: 'local', channelId: 'terminal' },
          media,
        },
        {
          onProgress: showProgress ? (p) => io.stderr.write(`\rChecked ${p.done} of ${p.total}…`) : undefined,
        },
      );
      if (showProgress) io.stderr.write('\r\x1b[K');
      // The table follows the terminal's language; the JSON's codes and fields never change.
      io.stdout.write(json ? reportJson(report) : reportTable(report, localeOfEnvironment(io.env)));
      return report.items.every((i) => !('error' in i)) ? 0 : 1;
    } finally {
      await core.close();
      await redis?.close();
    }
  },
};
