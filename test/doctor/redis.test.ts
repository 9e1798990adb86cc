import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.js';
import { useRedis } from '../helpers/redis.js';
import { runInProcess } from '../helpers/run-cli.js';

// Servers of this file's own: the eviction policy is part of what is checked.
const healthy = useRedis({ own: true });
const evicting = useRedis({ args: ['--maxmemory-policy', 'allkeys-lru'] });
const guarded = useRedis({ args: ['--requirepass', 'SENTINEL-right'] });
const persisting = useRedis({ args: ['--appendonly', 'yes', '--save', '3600 1'] });
let dataDir: string;
// A healthy Slack, so the exit status is Redis's to decide.
let slack: FakeSlack;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bitmind-doctor-redis-'));
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The Redis section of `bitmind-bot doctor`, title lines and their details. */
async function doctor(env: Record<string, string>) {
  const run = await runInProcess(['doctor', '--timeout', '3'], { DATA_DIR: dataDir, ...slack.env(), ...env });
  const start = run.stdout.indexOf('Redis (shared state)\n');
  const lines = start === -1 ? [] : run.stdout.slice(start).split('\n\n')[0]!.split('\n').slice(1);
  return { ...run, lines };
}

describe('bitmind-bot doctor with REDIS_URL', () => {
  it('has no Redis section in the embedded mode', async () => {
    const run = await doctor({});
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Redis');
  });

  it('passes a reachable, recent, non-evicting Redis and reports that it does not persist', async () => {
    const run = await doctor({ REDIS_URL: `${healthy.url}/0` });
    expect(run.lines.filter((l) => /^ {2}[✓✗–]/.test(l))).toEqual([
      `  ✓ Reachable at ${healthy.url}/0`,
      expect.stringMatching(/^ {2}✓ Version [6-9]\.\d+\.\d+ \(6\.2 or later, as BullMQ needs\)$/),
      '  ✓ Eviction policy noeviction (no key is dropped under memory pressure)',
      '  ✓ Persistence: none',
    ]);
    expect(run.stdout).toContain('appendonly yes keeps them');
    expect(run.code).toBe(0);
  });

  it('reports how a Redis that persists does it: append-only file and snapshots', async () => {
    const run = await doctor({ REDIS_URL: persisting.url });
    expect(run.lines).toContain('  ✓ Persistence: append-only file and snapshots (save 3600 1)');
    expect(run.stdout).not.toContain('appendonly yes keeps them');
    expect(run.code).toBe(0);
  });

  it('fails on an evicting Redis, with the fix', async () => {
    const run = await doctor({ REDIS_URL: evicting.url });
    expect(run.lines).toContain('  ✗ Eviction policy is allkeys-lru, not noeviction');
    expect(run.stdout).toContain('Fix: set maxmemory-policy noeviction');
    expect(run.code).toBe(1);
  });

  it('says the credentials were refused, without printing them, and passes with the right ones', async () => {
    const wrong = await doctor({ REDIS_URL: guarded.url, REDIS_PASSWORD: 'SENTINEL-wrong' });
    expect(wrong.lines[0]).toBe(`  ✗ Credentials refused at ${guarded.url}`);
    expect(wrong.stdout).toContain('Fix: check the password (in REDIS_URL or REDIS_PASSWORD)');
    expect(wrong.code).toBe(1);
    const right = await doctor({ REDIS_URL: guarded.url, REDIS_PASSWORD: 'SENTINEL-right' });
    expect(right.lines[0]).toBe(`  ✓ Reachable at ${guarded.url}`);
    expect(right.code).toBe(0);
    expect(wrong.stdout + wrong.stderr + right.stdout + right.stderr).not.toContain('SENTINEL');
  });

  it('fails fast on a Redis that is not there, names the URL without its password, and says what to check', async () => {
    const url = new URL(healthy.url);
    await healthy.stop();
    try {
      url.password = 'SENTINEL-pw';
      const started = Date.now();
      const run = await doctor({ REDIS_URL: url.toString() });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(run.lines[0]).toBe(`  ✗ Not reachable at ${healthy.url}`);
      expect(run.stdout).toContain('Fix: check REDIS_URL');
      expect(run.stdout + run.stderr).not.toContain('SENTINEL');
      expect(run.code).toBe(1);
    } finally {
      await healthy.start();
    }
  });
});
