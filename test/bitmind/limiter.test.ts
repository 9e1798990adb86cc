import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BitmindApi } from '../../src/bitmind/index.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { waitFor } from '../helpers/wait.js';
import { mediaFiles, oauthClient, requestsTo, type MediaFiles } from './support.js';

let sim: Simulator;
let media: MediaFiles;
let client: BitmindApi | undefined;

beforeAll(async () => {
  sim = await startSimulator();
  media = await mediaFiles();
});
afterEach(async () => {
  await client?.close();
  client = undefined;
  sim.clearLog();
  sim.setFaults({ rateLimit: null });
});
afterAll(async () => {
  await sim.close();
  await media.cleanup();
});

describe('the rate limiter', () => {
  it('sends a burst of 300 calls without a single 429 when the server allows exactly our rate', async () => {
    const rateLimit = { limit: 60, windowMs: 1000 };
    sim.setFaults({ rateLimit });
    client = oauthClient(sim, { rateLimit, concurrency: 8 });
    const api = client;
    const verdicts = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        api.checkImage(i % 2 ? media.jpeg : media.png, { priority: i % 3 ? 'background' : 'interactive' }),
      ),
    );
    expect(verdicts).toHaveLength(300);
    const statuses = requestsTo(sim, '/image').map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(statuses).toHaveLength(300);
  }, 20_000);

  it('lets a person waiting overtake queued background scans', async () => {
    client = oauthClient(sim, { concurrency: 1 });
    const api = client;
    sim.next({ kind: 'stall', ms: 300 });
    const first = api.checkImage(media.jpeg, { priority: 'background' });
    await waitFor(() => requestsTo(sim, '/image').length === 1, {
      what: 'the first call to reach the server',
    });
    const background = Array.from({ length: 5 }, () =>
      api.checkImage(media.jpeg, { priority: 'background' }),
    );
    const interactive = api.checkImage(media.png, { priority: 'interactive' });
    await waitFor(() => api.queueStats().waiting === 6, { what: 'six calls queued' });
    expect(api.queueStats().running).toBe(1);
    await Promise.all([first, interactive, ...background]);
    expect(requestsTo(sim, '/image').map((r) => r.contentType)).toEqual([
      'image/jpeg',
      'image/png',
      ...Array.from({ length: 5 }, () => 'image/jpeg'),
    ]);
    expect(api.queueStats()).toEqual({ waiting: 0, running: 0 });
  });
});
