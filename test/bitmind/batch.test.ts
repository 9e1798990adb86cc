import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BitmindError, type BitmindApi } from '../../src/bitmind/index.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { mediaFiles, oauthClient, requestsTo, type FileUpload, type MediaFiles } from './support.js';

let sim: Simulator;
let media: MediaFiles;
let client: BitmindApi;

async function scoreAs(upload: FileUpload, confidence: number): Promise<void> {
  sim.setScore(
    createHash('sha256')
      .update(await readFile(upload.path))
      .digest('hex'),
    confidence,
  );
}

beforeAll(async () => {
  sim = await startSimulator();
  media = await mediaFiles();
  client = oauthClient(sim);
  await scoreAs(media.jpeg, 0.91);
  await scoreAs(media.png, 0.12);
});
afterEach(() => {
  sim.clearLog();
  sim.setPermissions(sim.credentials.clientId, ['image_inference', 'video_inference', 'batch_processing']);
});
afterAll(async () => {
  await client.close();
  await sim.close();
  await media.cleanup();
});

const confidences = (results: readonly unknown[]) =>
  results.map((r) => (r instanceof BitmindError ? r.code : (r as { confidence: number }).confidence));

describe('batches', () => {
  it('sends two images in one /batch_image request, two `images` parts, results in input order', async () => {
    expect(confidences(await client.checkImages([media.png, media.jpeg]))).toEqual([0.12, 0.91]);
    expect(confidences(await client.checkImages([media.jpeg, media.png]))).toEqual([0.91, 0.12]);
    const calls = requestsTo(sim, '/batch_image');
    expect(calls.map((c) => [c.status, c.fields, c.fileCount])).toEqual([
      [200, ['images', 'images'], 2],
      [200, ['images', 'images'], 2],
    ]);
  });

  it('sends videos in `videos` parts to /batch_video', async () => {
    const results = await client.checkVideos([media.mp4, media.mp4]);
    expect(results.every((r) => !(r instanceof Error))).toBe(true);
    expect(requestsTo(sim, '/batch_video').map((c) => [c.status, c.fields])).toEqual([
      [200, ['videos', 'videos']],
    ]);
  });

  it('splits inputs beyond the documented 50 images into further requests', async () => {
    const uploads = Array.from({ length: 51 }, (_, i) => (i === 50 ? media.png : media.jpeg));
    const results = await client.checkImages(uploads);
    expect(confidences(results)).toEqual([...Array.from({ length: 50 }, () => 0.91), 0.12]);
    expect(
      requestsTo(sim, '/batch_image')
        .map((c) => c.fileCount)
        .sort(),
    ).toEqual([1, 50]);
  });

  it('reports a file over the limit on its own and sends the rest', async () => {
    const results = await client.checkImages([media.jpeg, { ...media.png, size: 200 * 1024 * 1024 }]);
    expect(confidences(results)).toEqual([0.91, 'too_large']);
    expect(requestsTo(sim, '/batch_image').map((c) => c.fileCount)).toEqual([1]);
  });

  it('gives each input the error of a refused request', async () => {
    sim.setPermissions(sim.credentials.clientId, ['image_inference', 'video_inference']);
    const results = await client.checkImages([media.jpeg, media.png]);
    expect(confidences(results)).toEqual(['forbidden', 'forbidden']);
    expect((results[0] as Error).message).toContain('batch_processing');
    expect(await client.permissions()).toMatchObject({ batch: false });
  });

  it('answers an empty batch without a request', async () => {
    expect(await client.checkImages([])).toEqual([]);
    expect(sim.requests).toHaveLength(0);
  });
});
