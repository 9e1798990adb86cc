import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { FileSettingsStore } from '../../src/settings/file-store.js';
import { FileStateStore } from '../../src/state/file-store.js';
import { openStores } from '../../src/stores.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { useRedis } from '../helpers/redis.js';

/** Workspaces the tests use. */
const SLACK = { platform: 'slack', workspace: 'T1' };
const DISCORD = { platform: 'discord', workspace: 'G1' };

failOnStrayErrors();
const redis = useRedis();
const logger = createLogger({ level: 'silent' });
const dataDir = mkdtempSync(join(tmpdir(), 'bitmind-open-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('openStores', () => {
  it('opens the embedded stores under DATA_DIR when REDIS_URL is not set', async () => {
    const stores = await openStores(loadConfig({ DATA_DIR: dataDir }), { logger });
    try {
      expect(stores.mode).toBe('embedded');
      expect(stores.state).toBeInstanceOf(FileStateStore);
      expect(stores.settings).toBeInstanceOf(FileSettingsStore);
      await stores.settings.update(SLACK, 'C1', { autoscan: true });
      expect(existsSync(join(dataDir, 'settings.json'))).toBe(true);
      expect(existsSync(join(dataDir, 'state.jsonl'))).toBe(true);
      expect(stores.health()).toEqual({ ok: true });
    } finally {
      await stores.close();
    }
  });

  it('opens stores in Redis, shared by two instances, when REDIS_URL is set', async () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
    });
    const [a, b] = await Promise.all([openStores(config, { logger }), openStores(config, { logger })]);
    try {
      expect(a.mode).toBe('redis');
      expect(a.health()).toEqual({ ok: true });
      expect(await a.state.setIfAbsent('delivery:slack:Ev1', '1', 60_000)).toBe(true);
      expect(await b.state.setIfAbsent('delivery:slack:Ev1', '1', 60_000)).toBe(false);
      await a.settings.update(DISCORD, '42', { autoscan: true });
      expect(await b.settings.get(DISCORD, '42')).toMatchObject({ autoscan: true });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('stops the start with one clear error when Redis does not answer, password left out', async () => {
    const url = new URL(redis.url);
    url.port = '1';
    url.password = 'SENTINEL';
    const started = Date.now();
    const err = await openStores(loadConfig({ REDIS_URL: url.toString() }), {
      logger,
      connectTimeoutMs: 1000,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(
      /^shared state \(Redis\) at redis:\/\/127\.0\.0\.1:1 is unavailable \(.+\): check REDIS_URL and REDIS_PASSWORD, or run bitmind-bot doctor$/,
    );
    expect((err as Error).message).not.toContain('SENTINEL');
  });
});
