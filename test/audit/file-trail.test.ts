import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FileAuditTrail } from '../../src/audit/file-trail.js';
import { createLogger } from '../../src/log.js';
import { auditTrailContract, check, Clock } from './contract.js';

const root = mkdtempSync(join(tmpdir(), 'bitmind-audit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const logger = createLogger({ level: 'silent' });
const dirOf = (place: string) => join(root, place, 'audit');

function lines(place: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dirOf(place));
  } catch {
    return [];
  }
  return names.flatMap((n) =>
    readFileSync(join(dirOf(place), n), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
}

auditTrailContract('JSON-lines files under DATA_DIR', {
  open: (place, days, clock) => FileAuditTrail.open(join(root, place), { days, now: clock.now, logger }),
  stored: (place) => Promise.resolve(lines(place)),
  corrupt(place, _scope, text, at) {
    mkdirSync(dirOf(place), { recursive: true });
    appendFileSync(join(dirOf(place), `audit-${new Date(at).toISOString().slice(0, 10)}.jsonl`), `${text}\n`);
    return Promise.resolve();
  },
});

it('writes one file per UTC day, readable by its owner alone', async () => {
  const clock = new Clock(Date.parse('2026-03-01T23:59:59.000Z'));
  const trail = await FileAuditTrail.open(join(root, 'days'), { days: 90, now: clock.now, logger });
  await trail.record(check(clock.ms));
  clock.advance(2000);
  await trail.record(check(clock.ms));
  await trail.close();
  const names = readdirSync(dirOf('days')).sort();
  expect(names).toEqual(['audit-2026-03-01.jsonl', 'audit-2026-03-02.jsonl']);
  for (const name of names) expect(statSync(join(dirOf('days'), name)).mode & 0o077).toBe(0);
});
