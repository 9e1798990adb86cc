import { errors, request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { padded, png } from '../helpers/media-samples.js';
import { waitFor } from '../helpers/wait.js';
import { bearer, call, oauthToken, postImage, tokenRequest } from './support.js';

let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator();
  token = await oauthToken(sim);
});
afterEach(() => sim.setFaults({ latencyMs: 0, latencyPerMbMs: 0, errorRate: 0, rateLimit: null }));
afterAll(() => sim.close());

const status = () => call(sim, 'GET', '/status', { headers: bearer(token) });
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('rate limiting', () => {
  it('429s a client past N calls per window, with Retry-After, and lets it in again after', async () => {
    sim.setFaults({ rateLimit: { limit: 2, windowMs: 1000 } });
    expect((await status()).status).toBe(200);
    expect((await status()).status).toBe(200);
    const limited = await status();
    expect(limited).toMatchObject({ status: 429, body: { detail: expect.any(String) as string } });
    expect(limited.headers['retry-after']).toBe('1');
    // Per client: the API-key client still has its own budget.
    expect((await call(sim, 'GET', '/status', { headers: bearer(sim.credentials.apiKey) })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await status()).status).toBe(200);
  });

  it('is configured at start too', async () => {
    const limited = await startSimulator({ rateLimit: { limit: 1, windowMs: 60_000 } });
    try {
      const auth = { headers: bearer(limited.credentials.apiKey) };
      expect((await call(limited, 'GET', '/status', auth)).status).toBe(200);
      const second = await call(limited, 'GET', '/status', auth);
      expect(second.status).toBe(429);
      expect(Number(second.headers['retry-after'])).toBeGreaterThan(50);
    } finally {
      await limited.close();
    }
  });
});

describe('scripted faults', () => {
  it('answers a scripted 429 with or without Retry-After, then normally', async () => {
    sim.next({ kind: 'status', status: 429, retryAfter: 1 }, { kind: 'status', status: 429 });
    const withHeader = await status();
    expect(withHeader).toMatchObject({ status: 429, body: { detail: 'Rate limit exceeded' } });
    expect(withHeader.headers['retry-after']).toBe('1');
    const without = await status();
    expect(without.status).toBe(429);
    expect(without.headers['retry-after']).toBeUndefined();
    expect((await status()).status).toBe(200);
  });

  it('answers a scripted 503 to the next API call, not to a token request or /health', async () => {
    sim.next({ kind: 'status', status: 503, detail: 'maintenance' });
    expect((await call(sim, 'GET', '/health')).status).toBe(200);
    expect(
      await tokenRequest(sim, {
        grant_type: 'client_credentials',
        client_id: sim.credentials.clientId,
        client_secret: sim.credentials.clientSecret,
      }),
    ).toMatchObject({ status: 200 });
    expect(await status()).toMatchObject({ status: 503, body: { detail: 'maintenance' } });
    expect(sim.requests.at(-1)).toMatchObject({ fault: 'status', status: 503 });
  });

  it('aims a fault at one path when asked, the token endpoint included', async () => {
    sim.next({ kind: 'status', status: 500, path: '/v1/oauth/token' });
    expect((await status()).status).toBe(200);
    await expect(oauthToken(sim)).rejects.toThrow('500');
    await expect(oauthToken(sim)).resolves.toEqual(expect.any(String) as string);
  });

  it('resets the connection mid-upload', async () => {
    sim.next({ kind: 'reset' });
    const upload = padded(png(), 4 * 1024 * 1024);
    await expect(postImage(sim, token, upload)).rejects.toThrow();
    const entry = sim.requests.at(-1)!;
    expect(entry).toMatchObject({ path: '/image', fault: 'reset', status: 0 });
    expect(entry.bytesReceived).toBeGreaterThan(0);
    expect(entry.bytesReceived).toBeLessThan(upload.length);
    expect((await postImage(sim, token, png())).status).toBe(200);
  });

  it('stalls for a while, then answers normally', async () => {
    sim.next({ kind: 'stall', ms: 300 });
    const { result, ms } = await timed(status);
    expect(result.status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(290);
  });

  it('stalls until the client gives up, and serves the next request', async () => {
    sim.next({ kind: 'stall' });
    await expect(
      request(`${sim.url}/status`, { headers: bearer(token), headersTimeout: 300 }),
    ).rejects.toBeInstanceOf(errors.HeadersTimeoutError);
    expect((await status()).status).toBe(200);
  });

  it('closes promptly with a request stalled forever, and close() may be called twice', async () => {
    const other = await startSimulator();
    other.next({ kind: 'stall' });
    const stalled = request(`${other.url}/status`, { headers: bearer(other.credentials.apiKey) });
    await waitFor(() => other.requests.length === 1, { what: 'the stalled request' });
    await Promise.all([other.close(), other.close()]);
    await expect(stalled).rejects.toThrow();
  });

  it('refuses a scripted status that is not an error', () => {
    expect(() => sim.next({ kind: 'status', status: 200 })).toThrow(RangeError);
  });
});

describe('latency and random errors', () => {
  it('adds fixed latency, and latency per MiB received', async () => {
    sim.setFaults({ latencyMs: 250 });
    expect((await timed(status)).ms).toBeGreaterThanOrEqual(240);
    sim.setFaults({ latencyMs: 0, latencyPerMbMs: 100 });
    const { result, ms } = await timed(() => postImage(sim, token, padded(png(), 3 * 1024 * 1024)));
    expect(result.status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(290);
  });

  it('answers API calls with a random 5xx at the error rate, never /health', async () => {
    sim.setFaults({ errorRate: 1 });
    for (let i = 0; i < 5; i += 1) {
      const res = await postImage(sim, token, png());
      expect([500, 502, 503, 504]).toContain(res.status);
      expect(res.body.detail).toEqual(expect.any(String) as string);
    }
    expect((await call(sim, 'GET', '/health')).status).toBe(200);
    sim.setFaults({ errorRate: 0 });
    expect((await postImage(sim, token, png())).status).toBe(200);
    expect(() => sim.setFaults({ errorRate: 1.5 })).toThrow(RangeError);
  });
});
