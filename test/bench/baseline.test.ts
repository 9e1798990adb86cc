import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BaselineClient, BaselineHttpError } from '../../bench/baseline-client.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { jpeg, mp4, png } from '../helpers/media-samples.js';

/** The benchmarks' baseline is a real client of the API: it gets verdicts the simulator really gave. */
describe('the benchmark baseline client (the vendor sample, on undici)', () => {
  let sim: Simulator;
  let dir: string;
  let client: BaselineClient;

  beforeAll(async () => {
    sim = await startSimulator();
    dir = await mkdtemp(join(tmpdir(), 'baseline-test-'));
    client = new BaselineClient({ baseUrl: sim.url, ...sim.credentials });
  });

  afterAll(async () => {
    await sim?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const file = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  };

  it('sends each image as raw bytes to /image, one request per file, with one cached token', async () => {
    sim.clearLog();
    const flagged = await client.processImage(
      await file('flagged.png', Buffer.concat([png(), Buffer.from('bitmind-sim-score=0.91')])),
    );
    const clear = await client.processImage(
      await file('clear.jpg', Buffer.concat([jpeg(), Buffer.from('bitmind-sim-score=0.12')])),
    );
    expect(flagged).toMatchObject({ isAI: true, confidence: 0.91 });
    expect(clear).toMatchObject({ isAI: false, confidence: 0.12 });
    expect(sim.requests.map((r) => [r.path, r.status, r.contentType])).toEqual([
      ['/v1/oauth/token', 200, 'application/x-www-form-urlencoded'],
      ['/image', 200, 'image/png'],
      ['/image', 200, 'image/jpeg'],
    ]);
    expect(sim.tokensIssued).toBe(1);
  });

  it('sends a video as one multipart part named "video" to /video', async () => {
    sim.clearLog();
    const verdict = await client.processVideo(await file('clip.mp4', mp4()));
    expect(verdict.confidence).toBeGreaterThanOrEqual(0);
    expect(sim.requests).toMatchObject([{ path: '/video', status: 200, fields: ['video'], fileCount: 1 }]);
  });

  it('does not retry: an error status is thrown at once', async () => {
    sim.clearLog();
    sim.next({ kind: 'status', status: 503 });
    const error = await client.processImage(await file('again.png', png())).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(BaselineHttpError);
    expect((error as BaselineHttpError).status).toBe(503);
    expect(sim.requests.map((r) => r.path)).toEqual(['/image']);
  });
});
