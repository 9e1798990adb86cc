import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BitmindApi } from '../../src/bitmind/index.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { mp4, padded, png } from '../helpers/media-samples.js';
import { mediaFiles, oauthClient, requestsTo, type FileUpload, type MediaFiles } from './support.js';

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
async function sparseVideo(path: string, size: number): Promise<FileUpload> {
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

describe('uploads from memory', () => {
  const inMemory = (bytes: Buffer, contentType: string, filename: string) =>
    ({ bytes, size: bytes.length, contentType, filename }) as const;

  it('sends the bytes as the raw body, and all of them again when the first attempt fails', async () => {
    sim.clearLog();
    const bytes = padded(png(), 300_000);
    sim.next({ kind: 'status', status: 503, path: '/image' });
    const verdict = await client.checkImage(inMemory(bytes, 'image/png', 'upload.png'));
    expect(verdict.confidence).toBeGreaterThanOrEqual(0);
    expect(requestsTo(sim, '/image').map((r) => [r.status, r.contentType, r.bytesReceived])).toEqual([
      [503, 'image/png', bytes.length],
      [200, 'image/png', bytes.length],
    ]);
  });

  it('sends in-memory media as multipart parts, retried whole as well', async () => {
    sim.clearLog();
    const images = [padded(png(), 40_000), padded(png(3, 3), 50_000)];
    sim.next({ kind: 'status', status: 502, path: '/batch_image' });
    const results = await client.checkImages(images.map((b, i) => inMemory(b, 'image/png', `${i}.png`)));
    expect(results.every((r) => !(r instanceof Error))).toBe(true);
    const calls = requestsTo(sim, '/batch_image');
    expect(calls.map((c) => [c.status, c.fileCount])).toEqual([
      [502, 0],
      [200, 2],
    ]);
    // Both attempts carry every byte of both images, plus the multipart framing.
    for (const call of calls) {
      expect(call.bytesReceived - 90_000).toBeGreaterThan(0);
      expect(call.bytesReceived - 90_000).toBeLessThan(1024);
    }
  });
});
