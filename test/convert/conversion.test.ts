import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeItem } from '../../src/check/wording.js';
import type { CheckRequest, MediaRef } from '../../src/domain/types.js';
import { animation, makeCorpus, type ConvertCorpus } from '../helpers/convert-samples.js';
import { startCore, type TestCore } from '../helpers/core.js';

let core: TestCore;
let dir: string;
let corpus: ConvertCorpus;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'convert-corpus-'));
  corpus = await makeCorpus(dir, 1);
  core = await startCore({ env: { CHECK_MAX_MEDIA: '100' } });
});
afterAll(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => core.sim.clearLog());

const ref = (name: string, bytes: Buffer): MediaRef => ({
  name,
  open: () => Promise.resolve(Readable.from([bytes])),
});
let n = 0;
const request = (media: MediaRef[]): CheckRequest => ({
  id: `c${n++}`,
  trigger: 'command',
  requester: { platform: 'test', userId: 'U1', channelId: 'C1' },
  media,
});
const calls = () => core.sim.requests.filter((r) => r.path === '/image' || r.path === '/video');

/** [corpus entry, endpoint, what the simulator's own sniffing saw, the sentence the reply carries] */
const CASES: [keyof ConvertCorpus, string, string, string][] = [
  ['stillGif', '/image', 'image/png', 'converted from GIF'],
  ['animatedGif', '/video', 'video/mp4', 'the animated GIF, as a video'],
  ['heic', '/image', 'image/png', 'converted from HEIC photo'],
  ['avif', '/image', 'image/png', 'converted from AVIF image'],
  ['tiff', '/image', 'image/png', 'converted from TIFF image'],
  ['bmp', '/image', 'image/png', 'converted from BMP image'],
  ['webm', '/video', 'video/mp4', 'converted from WebM video'],
  ['mkv', '/video', 'video/mp4', 'converted from MKV video'],
  ['animatedWebp', '/video', 'video/mp4', 'the animated WebP, as a video'],
];

describe('media BitMind does not read are converted before the check', () => {
  it.each(CASES)(
    '%s reaches the simulator on %s as %s, and the reply says so',
    async (name, path, type, said) => {
      const report = await core.checker.check(request([ref(`${name}.bin`, corpus[name])]));
      const item = report.items[0]!;
      expect(item).toMatchObject({ kind: path.slice(1), cached: false, simulated: true });
      expect(calls().map((r) => [r.path, r.fileTypes])).toEqual([[path, [type]]]);
      expect(describeItem(item).detail).toContain(said);
      expect(describeItem(item).source).toBe(said);
      expect(await readdir(core.checker.tempDir)).toEqual([]);
    },
  );

  it('keys the cache on the original bytes: the same GIF posted twice costs one call', async () => {
    const gif = await animation('gif', 99);
    const first = await core.checker.check(request([ref('a.gif', gif)]));
    const again = await core.checker.check(request([ref('b.gif', gif)]));
    expect(calls()).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ cached: false });
    expect(again.items[0]).toMatchObject({ cached: true, source: { convertedFrom: 'animated GIF' } });
  });

  it('refuses a 30,000 × 30,000 PNG from its header alone, before any decoding, in bounded time and memory', async () => {
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const report = await core.checker.check(request([ref('bomb.png', pngHeader(30_000, 30_000))]));
    expect(report.items[0]).toMatchObject({
      error: {
        code: 'too_large',
        message: expect.stringMatching(/30000 × 30000 pixels .*limit is 100 megapixels/),
      },
    });
    expect(calls()).toEqual([]);
    // Decoding would take 2.7 GB and seconds; the header takes neither.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a HEIC over the pixel limit is refused before the decoder starts', async () => {
    const small = await startCore({ env: { MEDIA_MAX_PIXELS: '1000' } });
    try {
      const report = await small.checker.check(request([ref('big.heic', corpus.heic)]));
      expect(report.items[0]).toMatchObject({ error: { code: 'too_large' } });
      expect(small.sim.requests.filter((r) => r.path === '/image')).toEqual([]);
    } finally {
      await small.close();
    }
  });
});

/** A PNG whose IHDR claims a huge RGB image, with a first scrap of pixel data: 70 bytes that claim 2.7 GB. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1000))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
