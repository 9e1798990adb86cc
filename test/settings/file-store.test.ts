import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSettingsStore, SettingsFileError } from '../../src/settings/file-store.js';

/** Workspaces the tests use. */
const SLACK = { platform: 'slack', workspace: 'T1' };
const DISCORD = { platform: 'discord', workspace: 'G1' };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bitmind-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FileSettingsStore', () => {
  it('answers defaults for a channel never configured, and creates no file for a read', async () => {
    const store = new FileSettingsStore(dir);
    expect(await store.get(SLACK, 'C1')).toEqual({
      autoscan: false,
      replyMode: 'flagged',
      triggerReaction: undefined,
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps changes across a restart, per platform and channel', async () => {
    const first = new FileSettingsStore(dir);
    await first.update(SLACK, 'C1', { autoscan: true, replyMode: 'all' });
    await first.update(DISCORD, 'C1', { triggerReaction: '👀' });

    const second = new FileSettingsStore(dir);
    expect(await second.get(SLACK, 'C1')).toMatchObject({ autoscan: true, replyMode: 'all' });
    expect(await second.get(DISCORD, 'C1')).toMatchObject({ autoscan: false, triggerReaction: '👀' });
    expect(await second.get(SLACK, 'C2')).toMatchObject({ autoscan: false });
  });

  it('loses none of many changes made at once', async () => {
    const store = new FileSettingsStore(dir);
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.update(SLACK, `C${i}`, { autoscan: true })));
    const reread = new FileSettingsStore(dir);
    for (let i = 0; i < 40; i++) expect((await reread.get(SLACK, `C${i}`)).autoscan).toBe(true);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('seeds AUTOSCAN_CHANNELS without overriding what a moderator chose since', async () => {
    const store = new FileSettingsStore(dir);
    await store.update(SLACK, 'C1', { autoscan: false });
    await store.seed([
      { platform: 'slack', channelId: 'C1', replyMode: 'all' },
      { platform: 'discord', channelId: '42', replyMode: 'silent' },
    ]);
    expect(await store.get(SLACK, 'C1')).toMatchObject({ autoscan: false, replyMode: 'flagged' });
    expect(await store.get(DISCORD, '42')).toMatchObject({ autoscan: true, replyMode: 'silent' });
  });

  it('reads a file of the first format (before settings were per workspace) in every workspace, and keeps it at the next write', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(
      path,
      JSON.stringify({ version: 1, channels: { 'slack:C1': { autoscan: true, replyMode: 'all' } } }),
    );
    const store = new FileSettingsStore(dir);
    expect(await store.get(SLACK, 'C1')).toMatchObject({ autoscan: true, replyMode: 'all' });
    await store.update(SLACK, 'C2', { autoscan: true });
    const written = JSON.parse(await readFile(path, 'utf8'));
    expect(written).toMatchObject({
      version: 2,
      channels: { 'slack:C1': { autoscan: true }, 'slack:T1:C2': { autoscan: true } },
    });
    expect(await new FileSettingsStore(dir).get({ platform: 'slack', workspace: 'T9' }, 'C1')).toMatchObject({
      autoscan: true,
    });
  });

  it('reports a corrupt file clearly and never replaces it', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, '{"version": 1, "channels": {"slack:C1": {"autoscan": "yes"');
    const store = new FileSettingsStore(dir);
    await expect(store.get(SLACK, 'C1')).rejects.toThrow(SettingsFileError);
    await expect(store.update(SLACK, 'C1', { autoscan: true })).rejects.toThrow(
      /not valid JSON.*will not overwrite/,
    );
    expect(await readFile(path, 'utf8')).toContain('"autoscan": "yes"');
  });

  it('reports a file of the wrong shape, naming the field', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ version: 1, channels: { 'slack:C1': { autoscan: 'yes', replyMode: 'all' } } }),
    );
    await expect(new FileSettingsStore(dir).get(SLACK, 'C1')).rejects.toThrow(/channels\.slack:C1\.autoscan/);
  });

  it('ignores a temporary file left by a crash mid-write and keeps the last whole file', async () => {
    const store = new FileSettingsStore(dir);
    await store.update(SLACK, 'C1', { autoscan: true });
    await writeFile(join(dir, 'settings.json.deadbeef.tmp'), '{"version": 1, "chan');
    expect(await new FileSettingsStore(dir).get(SLACK, 'C1')).toMatchObject({ autoscan: true });
  });

  it('writes the file readable by its owner only', async () => {
    await new FileSettingsStore(dir).update(SLACK, 'C1', { autoscan: true });
    expect((await stat(join(dir, 'settings.json'))).mode & 0o777).toBe(0o600);
  });
});
