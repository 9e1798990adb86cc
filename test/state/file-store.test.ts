import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStateStore } from '../../src/state/file-store.js';
import { stateStoreContract } from './contract.js';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bitmind-state-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

stateStoreContract('journalled under DATA_DIR', () => FileStateStore.open(freshDir()));

describe('the embedded store across a restart', () => {
  it('keeps what was written, without a close (as after SIGKILL), and forgets what was deleted', async () => {
    const dir = freshDir();
    const first = FileStateStore.open(dir);
    await first.set('owed:1', 'job', 60_000);
    await first.setIfAbsent('delivery:slack:event:Ev1', '1', 60_000);
    await first.set('gone', 'x', 60_000);
    await first.delete('gone');
    await first.pushCapped('recent:slack:T1', 'a', 5, 60_000);
    await first.increment('budget:slack:U1:0', 3, 60_000);
    // No close: the journal was written call by call.
    const second = FileStateStore.open(dir);
    expect(await second.get('owed:1')).toBe('job');
    expect(await second.setIfAbsent('delivery:slack:event:Ev1', '1', 60_000)).toBe(false);
    expect(await second.get('gone')).toBeUndefined();
    expect(await second.list('recent:slack:T1')).toEqual(['a']);
    expect(await second.increment('budget:slack:U1:0', 1, 60_000)).toBe(4);
  });

  it('skips a torn last line and says how many lines it skipped', async () => {
    const dir = freshDir();
    const first = FileStateStore.open(dir);
    await first.set('kept', 'yes', 60_000);
    appendFileSync(join(dir, 'state.jsonl'), '{"k":"torn","v":"ha');
    let skipped = 0;
    const second = FileStateStore.open(dir, { onSkipped: (lines) => (skipped = lines) });
    expect(skipped).toBe(1);
    expect(await second.get('kept')).toBe('yes');
    expect(await second.get('torn')).toBeUndefined();
  });

  it('compacts the journal to the live entries instead of growing with every write', async () => {
    const dir = freshDir();
    const store = FileStateStore.open(dir);
    for (let i = 0; i < 5000; i++) await store.set('counter', String(i), 60_000);
    const lines = readFileSync(join(dir, 'state.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThan(1100);
    expect(await FileStateStore.open(dir).get('counter')).toBe('4999');
  });
});
