import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditTrail } from '../../src/audit/audit-log.js';

const DAY = 24 * 60 * 60 * 1000;
const T1 = { platform: 'slack', workspace: 'T1' };
const G1 = { platform: 'discord', workspace: 'G1' };

/** A clock the test moves: retention is measured by it, never by waiting. */
export class Clock {
  constructor(public ms = Date.parse('2026-03-01T12:00:00.000Z')) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TrailPlace {
  /** Opens a trail on storage `place` (a directory, a key prefix) with `days` of retention by `clock`. */
  open(place: string, days: number, clock: Clock): Promise<AuditTrail>;
  /** Every entry's raw text as stored there, unfiltered: what an attacker with the disk or Redis would read. */
  stored(place: string): Promise<string[]>;
  /** Writes a raw line as another version, or a torn write, might have left it. */
  corrupt(place: string, scope: typeof T1, text: string, at: number): Promise<void>;
}

export function check(at: number, scope = T1, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    type: 'check',
    at: new Date(at).toISOString(),
    ...scope,
    channel: 'C1',
    resultId: `r-${at}-${scope.workspace}`,
    asker: 'U1',
    trigger: 'command',
    items: [{ sha256: 'a'.repeat(64), kind: 'image', band: 'strong', confidence: 0.93, cached: false }],
    ...extra,
  } as AuditEntry;
}

async function all(trail: AuditTrail, query?: Parameters<AuditTrail['entries']>[0]): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for await (const e of trail.entries(query)) out.push(e);
  return out;
}

/** The contract both audit trails keep: embedded files and Redis streams alike. */
export function auditTrailContract(name: string, where: TrailPlace): void {
  describe(`${name}: the audit trail contract`, () => {
    let n = 0;
    const place = () => `audit-${Date.now()}-${++n}`;

    it('gives back what was recorded, oldest first, across workspaces, and to a second instance', async () => {
      const clock = new Clock();
      const at = place();
      const trail = await where.open(at, 90, clock);
      const t0 = clock.ms - 3 * DAY;
      const entries = [
        check(t0),
        check(t0 + 1000, G1),
        {
          type: 'feedback',
          at: new Date(t0 + 2000).toISOString(),
          ...T1,
          channel: 'C1',
          resultId: 'r',
          by: 'U2',
          band: 'some',
        },
        check(clock.ms - 1000, G1),
        {
          type: 'deletion',
          at: new Date(clock.ms).toISOString(),
          ...T1,
          channel: 'C1',
          resultId: 'r',
          by: 'U3',
        },
      ] satisfies AuditEntry[];
      for (const e of entries) await trail.record(e);
      expect(await all(trail)).toEqual(entries);
      await trail.close();
      const again = await where.open(at, 90, clock);
      expect(await all(again)).toEqual(entries);
      expect(await all(again, { scope: G1 })).toEqual([entries[1], entries[3]]);
      expect(await all(again, { since: t0 + 1000, until: clock.ms })).toEqual(entries.slice(1, 4));
      await again.close();
    });

    it('accepts an entry whose time is before the last one recorded (a slow check, another clock)', async () => {
      const clock = new Clock();
      const trail = await where.open(place(), 90, clock);
      await trail.record(check(clock.ms));
      await trail.record(check(clock.ms - 5000));
      expect(await all(trail)).toHaveLength(2);
      await trail.close();
    });

    it('deletes what is older than the retention: at open, when trimmed, and never gives it back', async () => {
      const clock = new Clock();
      const at = place();
      const trail = await where.open(at, 2, clock);
      const old = check(clock.ms - DAY);
      const recent = check(clock.ms);
      await trail.record(old);
      await trail.record(recent);
      // A day and a half later the first is past the 2 days: never read, then gone from storage.
      clock.advance(DAY + DAY / 2);
      expect(await all(trail)).toEqual([recent]);
      await trail.trim();
      const stored = await where.stored(at);
      expect(stored.some((s) => s.includes(old.resultId))).toBe(false);
      expect(stored.some((s) => s.includes(recent.resultId))).toBe(true);
      await trail.close();
      // A bot stopped for a month trims at start.
      clock.advance(30 * DAY);
      const reopened = await where.open(at, 2, clock);
      expect(await where.stored(at)).toEqual([]);
      expect(await all(reopened)).toEqual([]);
      await reopened.close();
    });

    it('keeps nothing with a retention of 0, and deletes what an earlier setting kept', async () => {
      const clock = new Clock();
      const at = place();
      const keeping = await where.open(at, 90, clock);
      await keeping.record(check(clock.ms));
      await keeping.close();
      const none = await where.open(at, 0, clock);
      await none.record(check(clock.ms));
      expect(await all(none)).toEqual([]);
      expect(await where.stored(at)).toEqual([]);
      await none.close();
    });

    it('forgets one workspace and nothing of another', async () => {
      const clock = new Clock();
      const at = place();
      const trail = await where.open(at, 90, clock);
      await trail.record(check(clock.ms - 2 * DAY));
      await trail.record(check(clock.ms - DAY, G1));
      await trail.record(check(clock.ms));
      await trail.forget(T1);
      expect((await all(trail)).map((e) => e.workspace)).toEqual(['G1']);
      expect((await where.stored(at)).some((s) => s.includes('"T1"'))).toBe(false);
      await trail.close();
    });

    it('leaves out what it cannot read, and reads the rest', async () => {
      const clock = new Clock();
      const at = place();
      const trail = await where.open(at, 90, clock);
      await trail.record(check(clock.ms - 2000));
      await where.corrupt(at, T1, '{"type":"check","at":"yesterday"', clock.ms - 1000);
      await trail.record(check(clock.ms));
      expect((await all(trail)).map((e) => e.at)).toEqual([
        new Date(clock.ms - 2000).toISOString(),
        new Date(clock.ms).toISOString(),
      ]);
      await trail.close();
    });
  });
}
