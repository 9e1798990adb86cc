import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileAuditTrail } from '../../src/audit/file-trail.js';
import { createLogger } from '../../src/log.js';
import { check } from '../audit/contract.js';
import { runInProcess } from '../helpers/run-cli.js';

describe('bitmind-bot audit', () => {
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bitmind-audit-cli-'));
    const trail = await FileAuditTrail.open(dataDir, {
      days: 90,
      now: Date.now,
      logger: createLogger({ level: 'silent' }),
    });
    await trail.record(check(Date.now() - 1000));
    await trail.record(check(Date.now(), { platform: 'discord', workspace: 'G1' }));
    await trail.close();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    [['export', '--since', 'yesterday'], '--since must be an ISO 8601 date or time'],
    [['export', '--until', '2026-13-01'], '--until must be an ISO 8601 date or time'],
    [['export', '--format', 'xml'], '--format must be jsonl or csv (got "xml")'],
    [['export', '--since', '2026-02-01', '--until', '2026-01-01'], '--until must be later than --since'],
    [['export', '--platform', 'slack'], '--platform and --workspace are for audit forget'],
    [['export', '--colour'], "Unknown option '--colour'"],
    [['forget', '--platform', 'slack'], 'audit forget needs --platform and --workspace'],
    [['purge'], 'Unknown audit command "purge"'],
    [[], 'Name what to do: export or forget'],
  ])('refuses %j with one clear line and its usage, exit 2', async (args, said) => {
    const run = await runInProcess(['audit', ...args], env());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toContain(said);
    expect(run.stderr).toContain('Usage: bitmind-bot audit export');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('forgets one workspace on request, and exports the rest', async () => {
    const forget = await runInProcess(['audit', 'forget', '--platform', 'slack', '--workspace', 'T1'], env());
    expect(forget).toMatchObject({ code: 0, stdout: '' });
    expect(forget.stderr).toBe('Deleted the audit trail of slack workspace T1.\n');
    const exported = await runInProcess(['audit', 'export'], env());
    expect(exported.code).toBe(0);
    const lines = exported.stdout.trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { workspace: string }).workspace)).toEqual(['G1']);
  });
});
