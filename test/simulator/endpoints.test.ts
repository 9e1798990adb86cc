import { FormData } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { avi, gif, jpeg, mov, mp4, plainText, png, webp } from '../helpers/media-samples.js';
import { bearer, call, distinctPngs, files, oauthToken, postImage } from './support.js';

let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ limits: { batchImages: 5, batchVideos: 3 } });
  token = await oauthToken(sim);
});
beforeEach(() => sim.clearLog());
afterAll(() => sim.close());

const verdictShape = {
  isAI: expect.any(Boolean) as boolean,
  confidence: expect.any(Number) as number,
  processingTime: expect.any(Number) as number,
};
const post = (path: string, body: FormData | Buffer | string, headers: Record<string, string> = {}) =>
  call(sim, 'POST', path, { headers: { ...bearer(token), ...headers }, body });

describe('/health and /status', () => {
  it('answers /health without credentials, in the documented shape', async () => {
    const res = await call(sim, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'healthy',
      privacy: 'zero-data-retention',
      auth_methods: expect.any(Array) as unknown[],
    });
    expect(res.headers['x-bitmind-simulator']).toBe('1');
    expect(sim.requests[0]).toMatchObject({
      method: 'GET',
      path: '/health',
      authMethod: 'none',
      status: 200,
    });
  });

  it('answers /status with the client and its permissions', async () => {
    const res = await call(sim, 'GET', '/status', { headers: bearer(token) });
    expect(res.body).toMatchObject({
      status: 'operational',
      client: { permissions: ['image_inference', 'video_inference', 'batch_processing'] },
      features: { max_batch_images: 5, max_batch_videos: 3 },
    });
  });

  it('404s an unknown path and 405s a wrong method', async () => {
    expect((await call(sim, 'GET', '/nope')).status).toBe(404);
    expect((await call(sim, 'GET', '/image', { headers: bearer(token) })).status).toBe(405);
  });
});

describe('/image (raw bytes)', () => {
  it.each([
    ['image/jpeg', jpeg()],
    ['image/png', png()],
    ['image/webp', webp()],
  ])('takes %s', async (type, bytes) => {
    const res = await postImage(sim, token, bytes, type);
    expect(res).toMatchObject({ status: 200, body: verdictShape });
    expect(sim.requests.at(-1)).toMatchObject({
      contentType: type,
      bytesReceived: bytes.length,
      fileCount: 0,
    });
  });

  it('400s bytes that are not an image, whatever the Content-Type claims', async () => {
    for (const bytes of [gif(), plainText(), Buffer.alloc(0), mp4()]) {
      const res = await postImage(sim, token, bytes, 'image/png');
      expect(res).toMatchObject({
        status: 400,
        body: { detail: expect.stringContaining('not a supported image') as string },
      });
    }
  });

  it('400s JSON and other Content-Types (raw bytes only)', async () => {
    const json = await post('/image', JSON.stringify({ image: png().toString('base64') }), {
      'content-type': 'application/json',
    });
    expect(json).toMatchObject({
      status: 400,
      body: { detail: expect.stringContaining('not JSON') as string },
    });
    expect((await post('/image', png(), { 'content-type': 'application/octet-stream' })).status).toBe(400);
  });
});

describe('/video (multipart field "video")', () => {
  it.each([
    ['MP4', mp4()],
    ['MOV', mov()],
    ['AVI', avi()],
  ])('takes %s', async (_name, bytes) => {
    const res = await post('/video', files('video', [bytes]));
    expect(res).toMatchObject({ status: 200, body: verdictShape });
    const entry = sim.requests.at(-1)!;
    expect(entry).toMatchObject({ fields: ['video'], fileCount: 1 });
    expect(entry.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(entry.bytesReceived).toBeGreaterThan(bytes.length);
  });

  it('400s a file in another field, two videos, no video, a non-video, and a non-multipart body', async () => {
    const wrongField = await post('/video', files('file', [mp4()]));
    expect(wrongField).toMatchObject({
      status: 400,
      body: { detail: expect.stringContaining('"video"') as string },
    });
    expect((await post('/video', files('video', [mp4(), mov()]))).status).toBe(400);
    const empty = new FormData();
    empty.append('note', 'no file here');
    expect((await post('/video', empty)).status).toBe(400);
    expect((await post('/video', files('video', [png()]))).status).toBe(400);
    expect((await post('/video', mp4(), { 'content-type': 'video/mp4' })).status).toBe(400);
  });
});

describe('batches', () => {
  it('answers /batch_image by position, in input order, with a batch_img_ id', async () => {
    const images = [jpeg(), ...distinctPngs(3), webp()];
    const singles = [];
    for (const [i, bytes] of images.entries()) {
      singles.push((await postImage(sim, token, bytes, i === 0 ? 'image/jpeg' : 'image/png')).body);
    }
    const res = await post('/batch_image', files('images', images));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ batch_count: 5, total_time: expect.any(Number) as number });
    expect(res.body.request_id).toMatch(/^batch_img_\d+$/);
    const results = res.body.batch_results as Array<Record<string, unknown>>;
    expect(results.map((r) => r.batch_position)).toEqual([0, 1, 2, 3, 4]);
    // The same bytes get the same confidence alone or in a batch, so position really maps to input.
    expect(results.map((r) => r.confidence)).toEqual(singles.map((s) => s.confidence));
    expect(sim.requests.at(-1)).toMatchObject({ fields: Array(5).fill('images'), fileCount: 5 });
  });

  it('answers /batch_video with a batch_vid_ id', async () => {
    const res = await post('/batch_video', files('videos', [mp4(), avi()]));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      batch_count: 2,
      request_id: expect.stringMatching(/^batch_vid_\d+$/) as string,
    });
  });

  it('400s one file past the cap, a file in the wrong field, and a bad file anywhere in the batch', async () => {
    const tooMany = await post('/batch_image', files('images', distinctPngs(6)));
    expect(tooMany).toMatchObject({
      status: 400,
      body: { detail: expect.stringContaining('at most 5') as string },
    });
    expect((await post('/batch_video', files('videos', [mp4(), mp4(), mp4(), mp4()]))).status).toBe(400);
    expect((await post('/batch_image', files('image', [png()]))).status).toBe(400);
    const bad = await post('/batch_image', files('images', [png(), plainText(), png()]));
    expect(bad).toMatchObject({ status: 400, body: { detail: expect.stringContaining('file 2') as string } });
  });
});

describe('the documented batch caps', () => {
  let real: Simulator;
  beforeAll(async () => {
    real = await startSimulator();
  });
  afterAll(() => real.close());

  it('takes 50 images and refuses 51; takes 20 videos and refuses 21', async () => {
    const auth = bearer(await oauthToken(real));
    const batch = (path: string, body: FormData) => call(real, 'POST', path, { headers: auth, body });
    expect((await batch('/batch_image', files('images', distinctPngs(50)))).body.batch_count).toBe(50);
    expect((await batch('/batch_image', files('images', distinctPngs(51)))).status).toBe(400);
    expect((await batch('/batch_video', files('videos', Array(20).fill(mp4())))).body.batch_count).toBe(20);
    expect((await batch('/batch_video', files('videos', Array(21).fill(mp4())))).status).toBe(400);
  });
});
