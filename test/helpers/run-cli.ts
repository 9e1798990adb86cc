import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main.js';

const root = resolve(import.meta.dirname, '../..');
// By file URL, so the loader is found whatever the child's working directory.
const tsxLoader = pathToFileURL(resolve(root, 'node_modules/tsx/dist/esm/index.mjs')).href;

/** The node arguments that run `bitmind-bot`: the compiled bin, or the source through tsx. */
export function cliEntry(built: boolean): string[] {
  return built ? [resolve(root, 'dist/src/cli.js')] : ['--import', tsxLoader, resolve(root, 'src/cli.ts')];
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node <nodeArgs>` to the end as a real child process. The environment is exactly `env` plus
 * PATH, so nothing from the developer's shell (or a .env) leaks in.
 */
export function runNode(
  nodeArgs: readonly string[],
  {
    env = {},
    timeoutMs = 20_000,
    cwd = root,
  }: { env?: Record<string, string>; timeoutMs?: number; cwd?: string } = {},
): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...nodeArgs], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`node ${nodeArgs.join(' ')} did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/**
 * Runs `bitmind-bot` as a real child process: from source through tsx by default, or the compiled
 * bin (`dist/`, built by `npm test`'s pretest step) with `{ built: true }`.
 */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string>; built?: boolean; timeoutMs?: number; cwd?: string } = {},
): Promise<CliRun> {
  return runNode([...cliEntry(options.built ?? false), ...args], options);
}

/**
 * Runs `bitmind-bot <argv>` in this process, through the CLI's own dispatcher: quicker than a child
 * for commands that neither exit nor wait for a signal. `env` is the whole environment it sees.
 */
export async function runInProcess(argv: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main(argv, { stdout, stderr, env, waitForStop: () => new Promise(() => {}) });
  return { code, stdout: out, stderr: err };
}
