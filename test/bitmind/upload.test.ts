import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BitmindApi, Upload } from '../../src/bitmind/index.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { mp4 } from '../helpers/media-samples.js';
import { mediaFiles, oauthClient, requestsTo, type MediaFiles } from './support.js';

const MiB = 1024 * 1024;

let sim: Simulator;
let media: MediaFiles;
let client: BitmindApi;

beforeAll(async () => {
  sim = await startSimulator();
  media = await mediaFiles();
  client = oauthClient(sim);
});
afterAll(async () => {
  await client.close();
  await sim.close();
  await media.cleanup();
});

/** A sparse file: a valid MP4 header, then zeros the file system does not store. */
async function sparseVideo(path: string, size: number): Promise<Upload> {
  const file = await open(path, 'w');
  try {
    await file.write(mp4());
    await file.truncate(size);
  } finally {
    await file.close();
  }
  return { path, size, contentType: 'video/mp4', filename: 'large.mp4' };
}

describe('uploads stream from disk', () => {
  it('sends a 450 MB video whole, without holding it in memory', async () => {
    const video = await sparseVideo(join(media.dir, 'large.mp4'), 450 * MiB);
    try {
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
      const verdict = await client.checkVideo(video).finally(() => clearInterval(sampler));

      expect(verdict.confidence).toBeGreaterThanOrEqual(0);
      const [upload] = requestsTo(sim, '/video');
      expect(upload).toMatchObject({ status: 200, fields: ['video'], fileCount: 1 });
      // Every byte of the file, plus the multipart boundaries and part headers around it.
      expect(upload!.bytesReceived).toBeGreaterThan(video.size);
      expect(upload!.bytesReceived - video.size).toBeLessThan(1024);
      expect(peak - baseline).toBeLessThan(200 * MiB);
    } finally {
      await rm(video.path, { force: true });
    }
  }, 60_000);

  it('sends an image as the raw body, typed by the caller', async () => {
    await client.checkImage(media.png);
    const [upload] = requestsTo(sim, '/image');
    expect(upload).toMatchObject({ status: 200, contentType: 'image/png', bytesReceived: media.png.size });
  });
});
