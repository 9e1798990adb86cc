import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { cliEntry } from './run-cli.js';
import { waitFor } from './wait.js';

const root = resolve(import.meta.dirname, '../..');

/** One JSON log line of the child, as pino wrote it. */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

export interface CliChild {
  /** The process id (its temporary area is named for it). */
  readonly pid: number | undefined;
  /** Every stdout line that parsed as JSON (the bot's logs), in order. */
  readonly logs: readonly LogLine[];
  readonly stdout: string;
  readonly stderr: string;
  /** Settles when the process has exited, with its code (null when killed by a signal). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits for a log line the predicate accepts. */
  waitForLog(predicate: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
  signal(name: NodeJS.Signals): void;
  /** Kills the process if it still runs (afterEach), and waits for it to be gone. */
  close(): Promise<void>;
}

/**
 * Starts a long-running `bitmind-bot` (e.g. `start`) as a real child process, from source through
 * tsx unless `entry` names another (an installed copy's `dist/src/cli.js`). The environment is
 * exactly `env` plus PATH. Stdout is read as JSON log lines, so a test can wait for "listening" and
 * read the bound address.
 */
export function spawnCli(
  args: readonly string[],
  env: Record<string, string>,
  { cwd = root, entry = cliEntry(false) }: { cwd?: string; entry?: readonly string[] } = {},
): CliChild {
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        // Not a log line; it stays in `stdout`.
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  let running = true;
  void exited.then(() => (running = false));

  return {
    pid: child.pid,
    logs,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    waitForLog(predicate, what, timeoutMs = 15_000) {
      return waitFor(
        () => {
          const line = logs.find(predicate);
          if (line) return line;
          if (!running) throw new Error(`bitmind-bot exited before logging ${what}\n${stderr}${stdout}`);
          return undefined;
        },
        { timeoutMs, intervalMs: 25, what },
      );
    },
    signal(name) {
      child.kill(name);
    },
    async close() {
      if (running) child.kill('SIGKILL');
      await exited;
    },
  };
}
