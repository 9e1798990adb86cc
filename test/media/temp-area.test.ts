import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openTempArea } from '../../src/media/temp-area.js';

const base = mkdtempSync(join(tmpdir(), 'bitmind-temp-areas-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

it('removes the areas of dead processes at start, and leaves the living ones and strangers alone', async () => {
  // A process that has certainly ended: its pid names a dead owner.
  const dead = spawnSync(process.execPath, ['-e', '']).pid;
  const deadArea = join(base, `bitmind-bot-${dead}-abc123`);
  mkdirSync(deadArea);
  writeFileSync(join(deadArea, 'spooled'), Buffer.alloc(1024));
  const livingArea = join(base, `bitmind-bot-${process.ppid}-def456`);
  mkdirSync(livingArea);
  const stranger = join(base, 'bitmind-bot-notapid');
  mkdirSync(stranger);

  const { dir, removed } = await openTempArea(base);
  expect(removed).toBe(1);
  expect(existsSync(deadArea)).toBe(false);
  expect(existsSync(livingArea)).toBe(true);
  expect(existsSync(stranger)).toBe(true);
  expect(dir).toMatch(new RegExp(`bitmind-bot-${process.pid}-`));
  // Its own area is never taken for a dead one's.
  expect((await openTempArea(base)).removed).toBe(0);
});
