import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { jpeg, mp4, padded, png, streamOf } from '../helpers/media-samples.js';
import { bearer, call, files, oauthToken } from './support.js';

const MiB = 1024 * 1024;

/** `head`, then zeros until `bytes` have gone out, then silence: the body never ends on its own. */
function neverEnding(head: Buffer, bytes: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) return;
      const chunk = sent === 0 ? padded(head, 64 * 1024) : Buffer.alloc(64 * 1024);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

describe('413 with small test limits', () => {
  let sim: Simulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator({ limits: { imageBytes: 256 * 1024, videoBytes: 512 * 1024 } });
    token = await oauthToken(sim);
  });
  afterAll(() => sim.close());

  it('answers 413 while the upload is still streaming, without waiting for its end', async () => {
    const body = neverEnding(jpeg(), 1 * MiB);
    try {
      const res = await request(`${sim.url}/image`, {
        method: 'POST',
        headers: { ...bearer(token), 'content-type': 'image/jpeg' },
        body,
      });
      expect(res.statusCode).toBe(413);
      expect(await res.body.json()).toEqual({
        detail: 'image is too large: the image limit is 262144 bytes',
      });
    } finally {
      body.destroy();
    }
    const entry = sim.requests.at(-1)!;
    expect(entry).toMatchObject({ path: '/image', status: 413 });
    expect(entry.bytesReceived).toBeGreaterThan(256 * 1024);
  });

  it('takes an image of exactly the limit, and 413s one byte more', async () => {
    const post = (bytes: Buffer) =>
      call(sim, 'POST', '/image', {
        headers: { ...bearer(token), 'content-type': 'image/png' },
        body: bytes,
      });
    expect((await post(padded(png(), 256 * 1024))).status).toBe(200);
    expect((await post(padded(png(), 256 * 1024 + 1))).status).toBe(413);
  });

  it('applies the caps to each file of a batch and to /video', async () => {
    const auth = bearer(token);
    const batch = await call(sim, 'POST', '/batch_image', {
      headers: auth,
      body: files('images', [png(), padded(png(), 300 * 1024), png()]),
    });
    expect(batch).toMatchObject({
      status: 413,
      body: { detail: expect.stringContaining('file 2') as string },
    });
    // Two files each under the per-file cap pass, though together they are over it.
    const pair = await call(sim, 'POST', '/batch_image', {
      headers: auth,
      body: files('images', [padded(png(), 200 * 1024), padded(jpeg(), 200 * 1024)]),
    });
    expect(pair).toMatchObject({ status: 200, body: { batch_count: 2 } });
    const video = await call(sim, 'POST', '/video', {
      headers: auth,
      body: files('video', [padded(mp4(), 600 * 1024)]),
    });
    expect(video.status).toBe(413);
  });
});

describe('the documented 100 MB image cap', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.close());

  it('413s a 101 MiB image streamed in 64 KiB chunks', async () => {
    const res = await request(`${sim.url}/image`, {
      method: 'POST',
      headers: { ...bearer(await oauthToken(sim)), 'content-type': 'image/jpeg' },
      body: streamOf(jpeg(), 101 * MiB),
    });
    expect(res.statusCode).toBe(413);
    expect(await res.body.json()).toEqual({ detail: 'image is too large: the image limit is 100 MB' });
  });
});
