import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BitmindApi, BitmindClientOptions, RequestEvent } from '../../src/bitmind/index.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { mediaFiles, oauthClient, requestsTo, type MediaFiles } from './support.js';

let sim: Simulator;
let media: MediaFiles;
let client: BitmindApi | undefined;
let events: RequestEvent[];

beforeAll(async () => {
  sim = await startSimulator();
  media = await mediaFiles();
});
afterEach(async () => {
  await client?.close();
  client = undefined;
  sim.clearLog();
  sim.setPermissions(sim.credentials.clientId, ['image_inference', 'video_inference', 'batch_processing']);
});
afterAll(async () => {
  await sim.close();
  await media.cleanup();
});

function makeClient(extra: Partial<BitmindClientOptions> = {}): BitmindApi {
  events = [];
  // Token requests are reported too; these tests look at the API calls.
  client = oauthClient(sim, { onRequest: (e) => e.endpoint !== 'token' && events.push(e), ...extra });
  return client;
}

const imageStatuses = () => requestsTo(sim, '/image').map((r) => r.status);
const millisBetween = (a: { at: Date } | undefined, b: { at: Date } | undefined) =>
  (b?.at.getTime() ?? NaN) - (a?.at.getTime() ?? NaN);

describe('429', () => {
  it('waits Retry-After, and holds the calls queued behind it too', async () => {
    const api = makeClient({ concurrency: 1 });
    sim.next({ kind: 'status', status: 429, retryAfter: 1 });
    const verdicts = await Promise.all([
      api.checkImage(media.jpeg),
      api.checkImage(media.png),
      api.checkImage(media.jpeg, { priority: 'background' }),
    ]);
    expect(verdicts).toHaveLength(3);
    const calls = requestsTo(sim, '/image');
    expect(calls.map((r) => r.status)).toEqual([429, 200, 200, 200]);
    for (const later of calls.slice(1)) expect(millisBetween(calls[0], later)).toBeGreaterThanOrEqual(950);
    expect(events.map((e) => [e.status, e.willRetry])).toEqual([
      [429, true],
      [200, false],
      [200, false],
      [200, false],
    ]);
  });

  it('waits the configured default when Retry-After is absent', async () => {
    const api = makeClient({ retry: { retryAfterDefaultMs: 400 } });
    sim.next({ kind: 'status', status: 429 });
    await api.checkImage(media.jpeg);
    const [limited, retried] = requestsTo(sim, '/image');
    expect([limited?.status, retried?.status]).toEqual([429, 200]);
    expect(millisBetween(limited, retried)).toBeGreaterThanOrEqual(380);
    expect(millisBetween(limited, retried)).toBeLessThan(3000);
  });

  it('gives up as rate_limited, saying when to try again, once its 429 retries are spent', async () => {
    const api = makeClient({ retry: { rateLimitRetries: 1, retryAfterDefaultMs: 50 } });
    sim.next({ kind: 'status', status: 429, retryAfter: 0 }, { kind: 'status', status: 429, retryAfter: 2 });
    const error = await api.checkImage(media.jpeg).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 2000 });
    expect((error as Error).message).toContain('try again in about 2 s');
    expect(imageStatuses()).toEqual([429, 429]);
  });
});

describe('server trouble', () => {
  it('retries 5xx answers with backoff until one succeeds', async () => {
    const api = makeClient();
    sim.next({ kind: 'status', status: 503 }, { kind: 'status', status: 502 });
    await api.checkImage(media.jpeg);
    expect(imageStatuses()).toEqual([503, 502, 200]);
    expect(events.map((e) => [e.endpoint, e.attempt, e.willRetry])).toEqual([
      ['image', 0, true],
      ['image', 1, true],
      ['image', 2, false],
    ]);
  });

  it('retries a connection reset, sending the whole body again', async () => {
    const api = makeClient();
    sim.next({ kind: 'reset' });
    await api.checkVideo(media.mp4);
    const calls = requestsTo(sim, '/video');
    expect(calls.map((r) => [r.status, r.fault])).toEqual([
      [0, 'reset'],
      [200, undefined],
    ]);
    expect(calls[1]?.bytesReceived).toBeGreaterThan(media.mp4.size);
    expect(events[0]).toMatchObject({ status: 0, willRetry: true });
  });

  it('stops after the configured attempts and reports the service as unavailable', async () => {
    const api = makeClient({ retry: { attempts: 3 } });
    sim.next(...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 500 })));
    const error = await api.checkImage(media.jpeg).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable', status: 500, detail: 'Internal server error' });
    expect(imageStatuses()).toEqual([500, 500, 500]);
  });

  it('retries a server that does not answer in time, then reports a timeout', async () => {
    const api = makeClient({ requestTimeoutMs: 300, retry: { attempts: 2 } });
    sim.next({ kind: 'stall' }, { kind: 'stall' });
    const error = await api.checkImage(media.jpeg).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', status: 0 });
    expect(requestsTo(sim, '/image')).toHaveLength(2);
  });
});

describe('answers that retrying cannot change', () => {
  it.each([
    [400, 'bad_request', 'Content-Type must be image/jpeg'],
    [403, 'forbidden', 'Permission denied'],
    [413, 'too_large', 'too large'],
  ])('sends a call that gets %i once and reports %s with the detail', async (status, code, detail) => {
    const api = makeClient();
    sim.next({ kind: 'status', status, detail: `${detail} (simulated)` });
    const error = await api.checkImage(media.jpeg).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BitmindError', code, status, detail: `${detail} (simulated)` });
    expect(imageStatuses()).toEqual([status]);
  });

  it('names the missing permission on a 403 and reads /status again afterwards', async () => {
    const api = makeClient();
    expect(await api.permissions()).toEqual({ image: true, video: true, batch: true });
    expect(await api.permissions()).toEqual({ image: true, video: true, batch: true });
    expect(requestsTo(sim, '/status')).toHaveLength(1);

    sim.setPermissions(sim.credentials.clientId, ['image_inference']);
    const error = await api.checkVideo(media.mp4).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
    expect((error as Error).message).toContain('"video_inference" permission');
    expect(requestsTo(sim, '/video')).toHaveLength(1);
    expect(await api.permissions()).toEqual({ image: true, video: false, batch: false });
    expect(requestsTo(sim, '/status')).toHaveLength(2);
  });

  it('refuses a file over the documented size, or of a type BitMind does not take, before sending it', async () => {
    const api = makeClient();
    await expect(api.checkImage({ ...media.jpeg, size: 101 * 1024 * 1024 })).rejects.toMatchObject({
      code: 'too_large',
      status: 0,
    });
    await expect(api.checkImage({ ...media.jpeg, contentType: 'image/gif' })).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('JPEG, PNG and WebP') as string,
    });
    expect(sim.requests).toHaveLength(0);
  });
});

describe('AbortSignal', () => {
  it('drops a call waiting in the queue without sending it', async () => {
    const api = makeClient({ concurrency: 1 });
    sim.next({ kind: 'stall', ms: 400 });
    const first = api.checkImage(media.jpeg);
    const controller = new AbortController();
    const second = api.checkImage(media.png, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 100));
    expect(api.queueStats()).toEqual({ waiting: 1, running: 1 });
    controller.abort(new Error('the user went away'));
    await expect(second).rejects.toThrow('the user went away');
    await first;
    expect(requestsTo(sim, '/image')).toHaveLength(1);
  });

  it('stops waiting out a 429', async () => {
    const api = makeClient();
    sim.next({ kind: 'status', status: 429, retryAfter: 5 });
    const controller = new AbortController();
    const call = api.checkImage(media.jpeg, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled')), 150);
    await expect(call).rejects.toThrow('cancelled');
    expect(imageStatuses()).toEqual([429]);
  });

  it('cancels a request in flight', async () => {
    const api = makeClient();
    sim.next({ kind: 'stall' });
    const controller = new AbortController();
    const call = api.checkImage(media.jpeg, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled')), 150);
    await expect(call).rejects.toThrow('cancelled');
    expect(requestsTo(sim, '/image')).toHaveLength(1);
  });
});
