import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import type { RedisSettings } from '../../src/state/redis-connection.js';
import { freePort } from './free-port.js';

/**
 * A Redis server for one test file: its own `redis-server` on a free loopback port, without
 * persistence, in a temporary directory, stopped when the file is done. The shared server on 6379
 * is never used, so test files cannot see each other's keys. `TEST_REDIS_URL` points the tests at
 * an existing server instead (for machines without the binary); tests that stop the server or need
 * a server setting always start their own.
 */

const INSTALL_HINT =
  'Redis tests need a redis-server binary on PATH (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or TEST_REDIS_URL=redis://127.0.0.1:PORT pointing at a server they may write to';
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;
const PORT_ATTEMPTS = 3;

export interface RedisTestServer {
  /** redis://127.0.0.1:PORT, or TEST_REDIS_URL. */
  readonly url: string;
  /**
   * A key prefix of this file's own: on a shared TEST_REDIS_URL server, its keys are kept apart from
   * other runs' and deleted after the file.
   */
  readonly prefix: string;
  /** Settings for a RedisConnection to this server, under `prefix` and then `more`. */
  settings(more?: string): RedisSettings;
  /** Stops the server (SIGTERM, waiting for it to exit); the port stays this server's. */
  stop(): Promise<void>;
  /** Starts it again on the same port, as after an outage. */
  start(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open and nothing answers, as with a hung server. */
  pause(): void;
  resume(): void;
}

/**
 * The server this test file uses, started before its tests and stopped after. `args` are extra
 * `redis-server` options (e.g. `['--maxmemory-policy', 'allkeys-lru']`); a file that passes them,
 * or `own: true` because it stops the server, always gets a server of its own.
 */
export function useRedis(options: { args?: readonly string[]; own?: boolean } = {}): RedisTestServer {
  const external = process.env.TEST_REDIS_URL;
  const own = options.own === true || (options.args?.length ?? 0) > 0 || !external;
  const prefix = `bitmind-test:${randomUUID()}:`;
  let server: OwnServer | undefined;

  beforeAll(
    async () => {
      if (own) server = await OwnServer.start(options.args ?? []);
    },
    START_TIMEOUT_MS * PORT_ATTEMPTS + 5000,
  );
  afterAll(async () => {
    if (own) await server?.close();
    else if (external) await deleteKeys(external, prefix);
  }, STOP_TIMEOUT_MS + 5000);

  const started = (): OwnServer => {
    if (!server)
      throw new Error(`This test stops or configures Redis, so it needs its own server. ${INSTALL_HINT}`);
    return server;
  };
  return {
    get url() {
      return own ? started().url : external;
    },
    prefix,
    settings(more = '') {
      return { url: this.url, username: undefined, password: undefined, prefix: `${prefix}${more}` };
    },
    stop: () => started().stop(),
    start: () => started().restart(),
    pause: () => started().signal('SIGSTOP'),
    resume: () => started().signal('SIGCONT'),
  };
}

/**
 * A `redis-server` of the caller's own on a free loopback port, outside vitest's hooks: for the
 * bench, whose scenarios start and stop their own (never the shared one on 6379).
 */
export function startOwnRedis(
  args: readonly string[] = [],
): Promise<{ url: string; close(): Promise<void> }> {
  return OwnServer.start(args);
}

class OwnServer {
  #child: ChildProcess | undefined;
  readonly #dir: string;
  readonly #args: readonly string[];
  #port = 0;

  private constructor(dir: string, args: readonly string[]) {
    this.#dir = dir;
    this.#args = args;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.#port}`;
  }

  /** Picks a free port and starts there; another process can take the port in between, so a few tries. */
  static async start(args: readonly string[]): Promise<OwnServer> {
    const server = new OwnServer(mkdtempSync(join(tmpdir(), 'bitmind-redis-')), args);
    let lastError: unknown;
    for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      server.#port = await freePort();
      try {
        await server.#spawn();
        return server;
      } catch (err) {
        if (err instanceof MissingBinary) break;
        lastError = err;
      }
    }
    rmSync(server.#dir, { recursive: true, force: true });
    // A missing binary leaves no other error: the one line then says what to install.
    throw lastError instanceof Error ? lastError : new Error(INSTALL_HINT);
  }

  async #spawn(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.#port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.#dir,
        '--daemonize',
        'no',
        ...this.#args,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.#child = child;
    // A test worker that dies must not leave its server behind.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));

    let output = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      const onOutput = (chunk: string) => {
        output += chunk;
        if (/Ready to accept connections/.test(output)) settle();
      };
      const onError = (err: NodeJS.ErrnoException) =>
        settle(err.code === 'ENOENT' ? new MissingBinary(INSTALL_HINT) : err);
      const onExit = (code: number | null) =>
        settle(new Error(`redis-server exited (${code}) while starting:\n${output}`));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        settle(new Error(`redis-server did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
      }, START_TIMEOUT_MS);
      function settle(err?: Error): void {
        clearTimeout(timer);
        child.stdout.off('data', onOutput);
        child.stderr.off('data', onOutput);
        child.off('error', onError);
        child.off('exit', onExit);
        if (err) reject(err);
        else resolve();
      }
      child.stdout.on('data', onOutput);
      child.stderr.on('data', onOutput);
      child.once('error', onError);
      child.once('exit', onExit);
    });
    // Its log is not needed once it runs, but the pipes must keep draining.
    child.stdout.resume();
    child.stderr.resume();
  }

  async stop(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGCONT');
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  restart(): Promise<void> {
    return this.#spawn();
  }

  signal(name: 'SIGSTOP' | 'SIGCONT'): void {
    if (!this.#child) throw new Error('the test Redis server is not running');
    this.#child.kill(name);
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

class MissingBinary extends Error {}

/** Deletes what a test file left under its prefix on a server that outlives it. */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await client.del(keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
