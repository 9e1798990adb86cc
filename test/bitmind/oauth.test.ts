import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BitmindError, createBitmindClient, type BitmindApi } from '../../src/bitmind/index.js';
import { Secret } from '../../src/secret.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { FAST, capturedLogger, mediaFiles, oauthClient, requestsTo, type MediaFiles } from './support.js';

let sim: Simulator;
let media: MediaFiles;
let client: BitmindApi | undefined;

beforeAll(async () => {
  sim = await startSimulator({ tokenTtlSeconds: 4 });
  media = await mediaFiles();
});
afterEach(async () => {
  await client?.close();
  client = undefined;
  sim.clearLog();
});
afterAll(async () => {
  await sim.close();
  await media.cleanup();
});

describe('OAuth client credentials', () => {
  it('asks for one token, form-urlencoded, for 100 sequential checks', async () => {
    client = oauthClient(sim);
    const before = sim.tokensIssued;
    for (let i = 0; i < 100; i++) {
      const verdict = await client.checkImage(media.jpeg);
      expect(verdict.confidence).toBeGreaterThanOrEqual(0);
    }
    expect(sim.tokensIssued - before).toBe(1);
    const [token] = requestsTo(sim, '/v1/oauth/token');
    expect(token?.contentType).toBe('application/x-www-form-urlencoded');
    expect(token?.status).toBe(200);
    expect(requestsTo(sim, '/image').every((r) => r.status === 200 && r.authMethod === 'oauth')).toBe(true);
  });

  it('asks for one token when 50 first calls arrive at once', async () => {
    client = oauthClient(sim);
    const before = sim.tokensIssued;
    const verdicts = await Promise.all(Array.from({ length: 50 }, () => client!.checkImage(media.png)));
    expect(verdicts).toHaveLength(50);
    expect(sim.tokensIssued - before).toBe(1);
    expect(requestsTo(sim, '/v1/oauth/token')).toHaveLength(1);
  });

  it('refreshes the token before it expires, so no call meets a 401', async () => {
    client = oauthClient(sim); // the simulator's tokens live 4 s: refreshed after 2 s
    const before = sim.tokensIssued;
    await client.checkImage(media.jpeg);
    await new Promise((r) => setTimeout(r, 2300));
    await client.checkImage(media.jpeg);
    expect(sim.tokensIssued - before).toBe(2);
    expect(sim.requests.filter((r) => r.status === 401)).toEqual([]);
  });

  it('gets a new token once and retries once after a 401', async () => {
    client = oauthClient(sim);
    await client.checkImage(media.jpeg);
    sim.revokeTokens();
    const before = sim.tokensIssued;
    const verdict = await client.checkImage(media.jpeg);
    expect(verdict.isAI).toBe(verdict.confidence >= 0.5);
    expect(sim.tokensIssued - before).toBe(1);
    expect(requestsTo(sim, '/image').map((r) => r.status)).toEqual([200, 401, 200]);
  });

  it('reports a second 401 as unauthorized, naming the credentials to check', async () => {
    client = oauthClient(sim);
    sim.next({ kind: 'status', status: 401 }, { kind: 'status', status: 401 });
    const error = await client.checkImage(media.jpeg).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BitmindError);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect((error as Error).message).toContain('BITMIND_CLIENT_ID and BITMIND_CLIENT_SECRET');
    expect(requestsTo(sim, '/image')).toHaveLength(2);
  });

  it('reports a refused token request as unauthorized, without the secret', async () => {
    const secret = 'sim-secret-this-is-not-the-right-one';
    client = createBitmindClient({
      baseUrl: sim.url,
      auth: { method: 'oauth', clientId: sim.credentials.clientId, clientSecret: new Secret(secret) },
      ...FAST,
    });
    const error = await client.checkImage(media.jpeg).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, detail: 'Invalid client credentials' });
    expect((error as Error).message).toMatch(/check BITMIND_CLIENT_ID and BITMIND_CLIENT_SECRET/);
    expect(JSON.stringify(error) + String(error)).not.toContain(secret);
    expect(requestsTo(sim, '/v1/oauth/token')).toHaveLength(1);
    expect(requestsTo(sim, '/image')).toHaveLength(0);
  });

  it('logs each call without the secret or the token', async () => {
    const { logger, lines } = capturedLogger();
    client = oauthClient(sim, { logger });
    sim.next({ kind: 'status', status: 503 });
    await client.checkImage(media.jpeg);
    const log = lines.join('');
    expect(log).toContain('retrying a BitMind call');
    expect(log).toContain('"endpoint":"image"');
    expect(log).not.toContain(sim.credentials.clientSecret);
    expect(log).not.toMatch(/eyJ/);
  });
});

describe('health and status', () => {
  it('reads /health without credentials and /status with them', async () => {
    client = oauthClient(sim);
    expect(await client.health()).toMatchObject({ status: 'healthy' });
    expect(await client.status()).toMatchObject({ client: { permissions: expect.any(Array) as unknown } });
    expect(sim.requests.map((r) => [r.path, r.authMethod, r.status])).toEqual([
      ['/health', 'none', 200],
      ['/v1/oauth/token', 'oauth', 200],
      ['/status', 'oauth', 200],
    ]);
  });
});

describe('organization API key', () => {
  it('sends Authorization: Bearer enterprise-... as configured, with no token request', async () => {
    client = createBitmindClient({
      baseUrl: sim.url,
      auth: { method: 'apikey', apiKey: new Secret(sim.credentials.apiKey) },
      ...FAST,
    });
    await client.checkImage(media.jpeg);
    expect(requestsTo(sim, '/image').map((r) => [r.authMethod, r.status])).toEqual([['apikey', 200]]);
    expect(requestsTo(sim, '/v1/oauth/token')).toHaveLength(0);
  });

  it('warns once when the key does not look like an organization key, and never logs it', async () => {
    const { logger, lines } = capturedLogger();
    const key = 'org-key-without-the-prefix-123456';
    client = createBitmindClient({
      baseUrl: sim.url,
      auth: { method: 'apikey', apiKey: new Secret(key) },
      logger,
      ...FAST,
    });
    const error = await client.checkImage(media.jpeg).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect((error as Error).message).toContain('BITMIND_API_KEY');
    expect(requestsTo(sim, '/image')).toHaveLength(1); // a key cannot be refreshed: no retry
    expect(lines.filter((l) => l.includes('does not start with'))).toHaveLength(1);
    expect(lines.join('')).not.toContain(key);
  });
});
