import { describe, expect, it } from 'vitest';
import { bitmindOptionsFromConfig } from '../../src/bitmind/index.js';
import { loadConfig } from '../../src/config.js';
import { Secret } from '../../src/secret.js';

describe('bitmindOptionsFromConfig', () => {
  it('maps the BitMind settings to plain client options', () => {
    const config = loadConfig({
      BITMIND_CLIENT_ID: 'client-1',
      BITMIND_CLIENT_SECRET: 'shh-0123456789',
      BITMIND_CONCURRENCY: '3',
      BITMIND_RATE_LIMIT: '16',
      BITMIND_RETRY_AFTER_DEFAULT_SECONDS: '5',
    });
    const options = bitmindOptionsFromConfig(config);
    expect(options).toMatchObject({
      baseUrl: 'https://enterprise.bitmind.ai',
      auth: { method: 'oauth', clientId: 'client-1' },
      concurrency: 3,
      rateLimit: { limit: 16, windowMs: 60_000 },
      retry: { attempts: 4, retryAfterDefaultMs: 5000 },
      requestTimeoutMs: 300_000,
    });
    expect(JSON.stringify(options)).not.toContain('shh-0123456789');
  });

  it('needs the simulator address and credentials when none are configured', () => {
    const config = loadConfig({});
    expect(() => bitmindOptionsFromConfig(config)).toThrow(/start the simulator/);
    const endpoint = {
      baseUrl: 'http://127.0.0.1:9',
      auth: { method: 'oauth' as const, clientId: 'sim', clientSecret: new Secret('s') },
    };
    expect(bitmindOptionsFromConfig(config, endpoint)).toMatchObject({ baseUrl: 'http://127.0.0.1:9' });
  });
});
