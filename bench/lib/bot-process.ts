import { spawnCli, type CliChild } from '../../test/helpers/cli-child.js';
import { cliEntry } from '../../test/helpers/run-cli.js';
import { readyz } from '../../test/start/support.js';

export interface BotProcess {
  readonly child: CliChild;
  readonly pid: number;
  /** The origin of its HTTP server (/healthz, /readyz, /metrics, Slack's events in HTTP mode). */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * A real `bitmind-bot start`, the shipped `dist/src/cli.js` in a process of its own, on 127.0.0.1
 * and a free port, once /readyz says it is ready (every adapter connected). `env` is all it is given
 * besides PATH, and its cwd is `cwd` (an empty directory, so no .env of the project's leaks in).
 * Several may share one Redis and one simulator: that is how the scale-out scenarios are meant to run.
 */
export async function startBotProcess(env: Record<string, string>, cwd: string): Promise<BotProcess> {
  // LOG_LEVEL info at least: the address it listens on is read from its "HTTP server listening" line.
  const child = spawnCli(
    ['start'],
    { ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' },
    { cwd, entry: cliEntry(true) },
  );
  try {
    const listening = await child.waitForLog(
      (l) => l.msg?.startsWith('HTTP server listening') === true,
      'listening',
      60_000,
    );
    const origin = new URL(String(listening.url)).origin;
    await readyz(origin, 200, () => true, 60_000);
    return { child, pid: child.pid!, origin, close: () => child.close() };
  } catch (err) {
    await child.close();
    throw err;
  }
}
