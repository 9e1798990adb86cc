import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('REDIS_URL, REDIS_PASSWORD and REDIS_PREFIX', () => {
  it('leave the embedded mode on when REDIS_URL is not set', () => {
    expect(loadConfig({}).redis).toBeUndefined();
  });

  it('take the credentials out of the URL, decoded, so the URL can be shown', () => {
    const { redis } = loadConfig({ REDIS_URL: 'rediss://bot:p%40ss@cache.internal:6380/2' });
    expect(redis?.url).toBe('rediss://cache.internal:6380/2');
    expect(redis?.username).toBe('bot');
    expect(redis?.password?.reveal()).toBe('p@ss');
    expect(redis?.prefix).toBe('bitmind:');
    expect(JSON.stringify(redis)).not.toContain('p@ss');
  });

  it('take the password from REDIS_PASSWORD, and the prefix as given', () => {
    const { redis } = loadConfig({
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PASSWORD: 'secret-pw',
      REDIS_PREFIX: 'team-a:',
    });
    expect(redis).toMatchObject({ url: 'redis://127.0.0.1:6379', username: undefined, prefix: 'team-a:' });
    expect(redis?.password?.reveal()).toBe('secret-pw');
  });

  it('refuse a password in both places, and another scheme, without echoing either', () => {
    const both = problemsOf({ REDIS_URL: 'redis://:SENTINEL-a@h:6379', REDIS_PASSWORD: 'SENTINEL-b' });
    expect(both).toContain('REDIS_PASSWORD is set and REDIS_URL holds a password too');
    const scheme = problemsOf({ REDIS_URL: 'http://user:SENTINEL@h:6379' });
    expect(scheme).toContain('REDIS_URL must be a redis:// or rediss:// URL');
    expect(both + scheme).not.toContain('SENTINEL');
  });
});
