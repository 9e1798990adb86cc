import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.js';

const root = resolve(import.meta.dirname, '../..');
let child: ChildProcess | undefined;

function runCli(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string } {
  // tsx itself rather than `npx tsx`: npx dies of the SIGTERM instead of relaying our exit code.
  const proc = spawn(resolve(root, 'node_modules/.bin/tsx'), ['src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: '' },
  });
  child = proc;
  let out = '';
  let err = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { child: proc, stdout: () => out, stderr: () => err };
}

afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
});

describe('bitmind-bot simulator', () => {
  it('prints its URL and credentials, serves them, and exits 0 on SIGTERM', async () => {
    const run = runCli(['simulator', '--port', '0', '--rate-limit', '100/min', '--token-ttl', '600']);
    const url = await waitFor(() => /^BITMIND_BASE_URL=(\S+)$/m.exec(run.stdout())?.[1], {
      timeoutMs: 20_000,
      what: 'the simulator URL',
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await request(`${url}/health`);
    expect(health.statusCode).toBe(200);
    expect(await health.body.json()).toMatchObject({ status: 'healthy' });

    const id = /^BITMIND_CLIENT_ID=(\S+)$/m.exec(run.stdout())?.[1] ?? '';
    const secret = /^BITMIND_CLIENT_SECRET=(\S+)$/m.exec(run.stdout())?.[1] ?? '';
    const token = await request(`${url}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: id,
        client_secret: secret,
      }).toString(),
    });
    expect(await token.body.json()).toMatchObject({ expires_in: 600 });
    expect(run.stdout()).toMatch(/^# BITMIND_API_KEY=enterprise-\S+$/m);

    run.child.kill('SIGTERM');
    const [code] = (await once(run.child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('refuses an unknown flag with a usage error (exit 2)', async () => {
    const run = runCli(['simulator', '--nope']);
    const [code] = (await once(run.child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(run.stderr()).toContain("Unknown option '--nope'");
    expect(run.stderr()).toContain('Usage: bitmind-bot simulator');
  });

  it('refuses an out-of-range value with a usage error naming the flag', async () => {
    const run = runCli(['simulator', '--error-rate', '2']);
    const [code] = (await once(run.child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(run.stderr()).toContain('--error-rate');
  });
});
