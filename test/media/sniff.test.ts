import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosableMediaFetcher } from '../../src/media/fetcher.js';
import { MemoryBudget } from '../../src/media/memory-budget.js';
import { fileMediaRef, urlMediaRef } from '../../src/media/refs.js';
import { spool } from '../../src/media/spool.js';
import { avi, gif, htmlPage, jpeg, m4v, mov, mp4, plainText, png, webp } from '../helpers/media-samples.js';
import { loopbackFetcher, startLoopback, type Loopback } from './loopback.js';
import { makeTempDir } from './temp-dir.js';

const samples = { jpeg, png, webp, mp4, mov, avi, m4v, gif, htmlPage, plainText };
const accepted: [keyof typeof samples, string, string][] = [
  ['jpeg', 'image', 'image/jpeg'],
  ['png', 'image', 'image/png'],
  ['webp', 'image', 'image/webp'],
  ['mp4', 'video', 'video/mp4'],
  ['mov', 'video', 'video/quicktime'],
  ['avi', 'video', 'video/x-msvideo'],
  ['m4v', 'video', 'video/mp4'],
];

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: Loopback;
let fetcher: ClosableMediaFetcher;
const signal = () => AbortSignal.timeout(5000);

beforeAll(async () => {
  temp = await makeTempDir();
  // Every file is served under a name and a content type that lie: only the bytes may decide.
  server = await startLoopback((req, res) => {
    const name = (req.url ?? '/').slice(1).split('.')[0] as keyof typeof samples;
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(samples[name]?.() ?? '');
  });
  fetcher = loopbackFetcher();
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
  await temp.remove();
});

describe('the type comes from the bytes', () => {
  it.each(accepted)(
    '%s is a %s sent to BitMind as %s, kept on disk or in memory',
    async (name, kind, mime) => {
      const bytes = samples[name]();
      for (const memory of [undefined, new MemoryBudget()]) {
        const media = await spool(Readable.from([bytes]), { signal: signal(), tempDir: temp.path, memory });
        try {
          expect(media).toMatchObject({ kind, mime, size: bytes.length });
          expect(media.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
          expect('bytes' in media ? media.bytes : await readFile(media.path)).toEqual(bytes);
          expect('bytes' in media).toBe(memory !== undefined);
        } finally {
          await media.dispose();
        }
      }
    },
  );

  it.each(accepted)('%s downloaded as image/jpeg named .jpg is still a %s (%s)', async (name, kind, mime) => {
    const ref = urlMediaRef(`${server.origin}/${name}.jpg?sig=abc`, fetcher);
    expect(ref.name).toBe(`${server.origin}/${name}.jpg`);
    const media = await spool(await ref.open(signal()), { signal: signal(), tempDir: temp.path });
    await media.dispose();
    expect(media).toMatchObject({ kind, mime });
  });

  it('refuses a text file named photo.jpg, listing what is supported', async () => {
    const dir = join(temp.path, 'cli');
    await mkdir(dir);
    await writeFile(join(dir, 'photo.jpg'), plainText());
    const ref = fileMediaRef(join(dir, 'photo.jpg'));
    expect(ref).toMatchObject({ name: 'photo.jpg', sizeHint: plainText().length });
    await expect(
      spool(await ref.open(signal()), { signal: signal(), tempDir: temp.path }),
    ).rejects.toMatchObject({
      code: 'unsupported_type',
      message:
        'That file is not a supported type. Supported: JPEG, PNG and WebP images; MP4, MOV, AVI and M4V videos.',
    });
  });

  it('refuses an HTML page served as image/jpeg', async () => {
    const body = await fetcher.openUrl(`${server.origin}/htmlPage.jpg`, signal());
    await expect(spool(body, { signal: signal(), tempDir: temp.path })).rejects.toMatchObject({
      code: 'unsupported_type',
    });
  });

  it('names a recognised but unsupported format', async () => {
    await expect(spool(Readable.from([gif()]), { signal: signal(), tempDir: temp.path })).rejects.toThrow(
      /not a supported type \(it looks like GIF\)\. Supported: JPEG, PNG/,
    );
  });

  it.each([
    ['a JPEG cut after two bytes', jpeg().subarray(0, 2)],
    ['a PNG cut inside its signature', png().subarray(0, 5)],
    ['a RIFF header without its form type', webp().subarray(0, 8)],
    ['an MP4 cut before its brand', mp4().subarray(0, 7)],
    ['nothing at all', Buffer.alloc(0)],
  ])('refuses %s', async (_what, bytes) => {
    await expect(
      spool(Readable.from([bytes]), { signal: signal(), tempDir: temp.path }),
    ).rejects.toMatchObject({
      code: 'unsupported_type',
    });
  });
});

describe('local files', () => {
  it('reports a missing file or a directory as one clear error', async () => {
    const missing = fileMediaRef(join(temp.path, 'nope.png'));
    expect(missing.sizeHint).toBeUndefined();
    await expect(missing.open(signal())).rejects.toMatchObject({
      code: 'download_failed',
      message: 'Cannot read nope.png: there is no such file.',
    });
    await expect(fileMediaRef(temp.path).open(signal())).rejects.toThrow(/it is a directory/);
  });
});
