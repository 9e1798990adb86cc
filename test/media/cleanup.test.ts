import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosableMediaFetcher } from '../../src/media/fetcher.js';
import { spool } from '../../src/media/spool.js';
import { gif, padded, png } from '../helpers/media-samples.js';
import { loopbackFetcher, startLoopback, type Loopback } from './loopback.js';
import { makeTempDir } from './temp-dir.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: Loopback;
let fetcher: ClosableMediaFetcher;
const signal = () => AbortSignal.timeout(10_000);

beforeAll(async () => {
  temp = await makeTempDir();
  server = await startLoopback((req, res) => {
    if (req.url === '/reset') {
      // Promises 100 KB, sends 10 KB and hangs up.
      res.writeHead(200, { 'content-length': '100000' });
      res.write(padded(png(), 10_000), () => res.destroy());
      return;
    }
    res.writeHead(200);
    res.write(padded(png(), 20_000)); // then hold the connection open until the client gives up
  });
  fetcher = loopbackFetcher({ idleTimeoutMs: 5000 });
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
  await temp.remove();
});

describe('no temporary file outlives its check', () => {
  it('after success, once disposed (twice is harmless)', async () => {
    const media = await spool(Readable.from([png()]), { signal: signal(), tempDir: temp.path });
    expect(await temp.files()).toHaveLength(1);
    const { path } = media as { path: string };
    expect(path.startsWith(temp.path)).toBe(true);
    expect(path).toMatch(/[0-9a-f]{32}$/);
    await media.dispose();
    await media.dispose();
    expect(await temp.files()).toEqual([]);
  });

  it('after an unsupported type, an oversize body and a broken connection', async () => {
    await expect(
      spool(Readable.from([gif()]), { signal: signal(), tempDir: temp.path }),
    ).rejects.toMatchObject({
      code: 'unsupported_type',
    });
    await expect(
      spool(Readable.from([padded(png(), 5000)]), { signal: signal(), tempDir: temp.path, maxBytes: 1000 }),
    ).rejects.toMatchObject({ code: 'too_large' });
    const cut = await fetcher.openUrl(`${server.origin}/reset`, signal());
    await expect(spool(cut, { signal: signal(), tempDir: temp.path })).rejects.toMatchObject({
      code: 'download_failed',
      message: 'The download from 127.0.0.1 failed.',
    });
    expect(await temp.files()).toEqual([]);
  });

  it('after an abort in the middle of a download, which rejects with the abort reason', async () => {
    const controller = new AbortController();
    const body = await fetcher.openUrl(`${server.origin}/hold`, controller.signal);
    const spooling = spool(body, { signal: controller.signal, tempDir: temp.path });
    // Abort once the file exists, so the abort has something to clean up.
    for (let i = 0; i < 200 && (await temp.files()).length === 0; i++)
      await new Promise((r) => setTimeout(r, 5));
    const [name] = await temp.files();
    expect(name).toBeDefined();
    controller.abort(new Error('the person cancelled'));
    await expect(spooling).rejects.toThrow('the person cancelled');
    expect(existsSync(`${temp.path}/${name}`)).toBe(false);
    expect(await temp.files()).toEqual([]);
  });

  it('after an abort before anything was read', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(
      spool(Readable.from([png()]), { signal: controller.signal, tempDir: temp.path }),
    ).rejects.toThrow('too late');
    expect(await temp.files()).toEqual([]);
  });
});
