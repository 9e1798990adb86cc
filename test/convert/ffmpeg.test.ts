import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeItem } from '../../src/check/wording.js';
import { findFfmpeg } from '../../src/convert/ffmpeg.js';
import { toMp4 } from '../../src/convert/to-mp4.js';
import { checkableByMime, mediaTypeOfMime } from '../../src/domain/media-types.js';
import type { CheckRequest, MediaRef } from '../../src/domain/types.js';
import { probeMedia } from '../../src/doctor/media.js';
import { animation, ffmpegClip, ffmpegPath } from '../helpers/convert-samples.js';
import { startCore } from '../helpers/core.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ffmpeg-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const webm = mediaTypeOfMime('video/webm')!;
const ref = (name: string, bytes: Buffer): MediaRef => ({
  name,
  open: () => Promise.resolve(Readable.from([bytes])),
});
const request = (media: MediaRef[]): CheckRequest => ({
  id: 'r',
  trigger: 'command',
  requester: { platform: 'test', userId: 'U1', channelId: 'C1' },
  media,
});

describe('ffmpeg on untrusted input', () => {
  it('is killed at the wall-clock limit on an input that never ends (a FIFO no one writes to)', async () => {
    const fifo = join(dir, 'endless.webm');
    await promisify(execFile)('mkfifo', [fifo]);
    const started = Date.now();
    const output = join(dir, 'out.mp4');
    await expect(
      toMp4({
        ffmpeg: await ffmpegPath(),
        input: fifo,
        type: webm,
        output,
        maxPixels: 1e8,
        maxOutputBytes: 1e8,
        timeoutMs: 1500,
        what: 'that WebM video',
      }),
    ).rejects.toMatchObject({ code: 'timeout', message: 'Converting that WebM video took longer than 2 s.' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('answers a file that is not what it claims with one clear line, never ffmpeg’s own words', async () => {
    const bogus = join(dir, 'bogus.webm');
    await writeFile(bogus, Buffer.concat([Buffer.from('1a45dfa3', 'hex'), Buffer.alloc(200, 7)]));
    await expect(
      toMp4({
        ffmpeg: await ffmpegPath(),
        input: bogus,
        type: webm,
        output: join(dir, 'bogus.mp4'),
        maxPixels: 1e8,
        maxOutputBytes: 1e8,
        timeoutMs: 10_000,
        what: 'that WebM video',
      }),
    ).rejects.toMatchObject({
      code: 'unsupported_type',
      message: 'That WebM video could not be converted for checking.',
    });
  });

  it('finds no ffmpeg at a path that does not run, and doctor says how to enable it', async () => {
    expect(await findFfmpeg(join(dir, 'no-such-ffmpeg'))).toMatchObject({ usable: false });
    expect((await findFfmpeg(undefined)).usable).toBe(true);
    const section = await probeMedia(join(dir, 'no-such-ffmpeg'));
    expect(section.findings.at(-1)).toMatchObject({
      mark: 'fail',
      fix: expect.stringMatching(/FFMPEG_PATH/),
    });
  });
});

describe('without a usable ffmpeg', () => {
  it('gives WebM the clear "unsupported" answer, and checks an animated GIF by its first frame, saying so', async () => {
    const core = await startCore({ env: { FFMPEG_PATH: join(dir, 'no-such-ffmpeg') } });
    try {
      const clip = await ffmpegClip(dir, 'no-ffmpeg.webm', ['-c:v', 'libvpx']);
      const report = await core.checker.check(
        request([ref('clip.webm', clip), ref('a.gif', await animation('gif', 42))]),
      );
      expect(report.items[0]).toMatchObject({
        error: {
          code: 'unsupported_type',
          message:
            'That file is not a supported type (it looks like WEBM). Supported: JPEG, PNG, WebP, GIF, HEIC, AVIF, TIFF and BMP images; MP4, MOV, AVI and M4V videos.',
        },
      });
      expect(report.items[1]).toMatchObject({ kind: 'image', source: { firstFrameOf: 'animated GIF' } });
      expect(checkableByMime('video/webm', core.checker.accepts)).toBe(false);
      expect(checkableByMime('image/heic', core.checker.accepts)).toBe(true);
      expect(describeItem(report.items[1]!).source).toBe('the first frame of an animated GIF');
      expect(core.sim.requests.filter((r) => r.path === '/image').map((r) => r.fileTypes)).toEqual([
        ['image/png'],
      ]);
      expect(await readdir(core.checker.tempDir)).toEqual([]);
    } finally {
      await core.close();
    }
  });
});
