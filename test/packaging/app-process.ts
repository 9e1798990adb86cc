import { spawn, type ChildProcess } from 'node:child_process';
import { waitFor } from '../helpers/wait.js';

/**
 * Node processes run from an installed copy of the app (not the repository), so that only that
 * copy's node_modules can satisfy an import. The environment is exactly `env` plus PATH.
 */
export interface AppProcess {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

export function spawnNode(args: readonly string[], cwd: string, env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, [...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => done(code));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Runs to the end, killed after `timeoutMs`. */
export async function runNode(
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const proc = spawnNode(args, cwd, env);
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
  try {
    const code = await proc.exited;
    return { code, stdout: proc.stdout(), stderr: proc.stderr() };
  } finally {
    clearTimeout(timer);
  }
}

/** The first JSON log line on stdout whose message starts with `text`. */
export function waitForLogLine(
  proc: AppProcess,
  text: string,
  timeoutMs = 20_000,
): Promise<Record<string, unknown>> {
  return waitFor(
    () => {
      // Complete lines only: the last piece may still be being written.
      for (const line of proc.stdout().split('\n').slice(0, -1)) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (typeof entry.msg === 'string' && entry.msg.startsWith(text)) return entry;
      }
      if (proc.child.exitCode !== null) throw new Error(`exited before logging "${text}":\n${proc.stderr()}`);
      return undefined;
    },
    { timeoutMs, intervalMs: 50, what: `the log line "${text}"` },
  );
}
