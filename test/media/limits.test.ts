import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosableMediaFetcher } from '../../src/media/fetcher.js';
import { checkSizeHint, LIMITS } from '../../src/media/limits.js';
import { spool } from '../../src/media/spool.js';
import { mp4, padded, png, streamOf } from '../helpers/media-samples.js';
import { loopbackFetcher, startLoopback, type Loopback } from './loopback.js';
import { makeTempDir } from './temp-dir.js';

const MB = 1024 ** 2;
const small = { image: 50_000, video: 100_000 };

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: Loopback;
let fetcher: ClosableMediaFetcher;
let received = 0;
/** Whether each response the server began was sent to its end. */
const finished: boolean[] = [];
const signal = () => AbortSignal.timeout(20_000);

beforeAll(async () => {
  temp = await makeTempDir();
  server = await startLoopback((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const bytes = Number(url.searchParams.get('bytes'));
    const head = url.pathname === '/video' ? mp4() : png();
    if (url.pathname === '/claims-600mb') {
      // A declared size past every limit, then silence: the answer must come without reading on.
      res.writeHead(200, { 'content-length': String(600 * MB) });
      res.write(head);
      return;
    }
    // No Content-Length: the body is chunked, so only counting can stop it.
    const index = finished.push(false) - 1;
    res.on('finish', () => (finished[index] = true));
    streamOf(head, bytes).pipe(res);
  });
  fetcher = loopbackFetcher({ idleTimeoutMs: 5000, onBytes: (n) => (received += n) });
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
  await temp.remove();
});

const download = async (path: string, options: { limits?: typeof small; maxBytes?: number } = {}) =>
  spool(await fetcher.openUrl(`${server.origin}${path}`, signal()), {
    signal: signal(),
    tempDir: temp.path,
    ...options,
  });

describe('size limits, enforced while streaming', () => {
  it('cuts a body without Content-Length at the image limit and stops the download', async () => {
    await expect(download('/image?bytes=5000000', { limits: small })).rejects.toMatchObject({
      code: 'too_large',
      message: 'That image is over the 48.8 KB limit for images.',
    });
    expect(finished.at(-1)).toBe(false);
    expect(await temp.files()).toEqual([]);
  });

  it('applies each kind its own limit: the same size passes as a video and fails as an image', async () => {
    const video = await download('/video?bytes=80000', { limits: small });
    await video.dispose();
    expect(video).toMatchObject({ kind: 'video', size: 80_000 });
    await expect(download('/image?bytes=80000', { limits: small })).rejects.toMatchObject({
      code: 'too_large',
    });
  });

  it('accepts a file of exactly the limit', async () => {
    const media = await download(`/image?bytes=${small.image}`, { limits: small });
    await media.dispose();
    expect(media.size).toBe(small.image);
  });

  it("honours the caller's own ceiling (what is left of a request's budget)", async () => {
    await expect(download('/video?bytes=80000', { maxBytes: 10_000 })).rejects.toMatchObject({
      code: 'too_large',
      message: 'That file goes over what this request may still download (9.8 KB).',
    });
  });

  it('holds the real 100 MB image limit against a larger body streamed without a Content-Length', async () => {
    expect(LIMITS).toEqual({ image: 100 * MB, video: 500 * MB });
    received = 0;
    // 120 MB offered, so that the socket buffers cannot hold the rest once the reader stops at 100 MB.
    await expect(download(`/image?bytes=${120 * MB}`)).rejects.toMatchObject({
      code: 'too_large',
      message: 'That image is over the 100 MB limit for images.',
    });
    expect(received).toBeGreaterThan(100 * MB);
    expect(finished.at(-1)).toBe(false);
    expect(await temp.files()).toEqual([]);
  });

  it('refuses a declared Content-Length above the largest limit before reading the body', async () => {
    received = 0;
    await expect(fetcher.openUrl(`${server.origin}/claims-600mb`, signal())).rejects.toMatchObject({
      code: 'too_large',
      message: 'That file is 600 MB; the limit is 100 MB for images and 500 MB for videos.',
    });
    expect(received).toBe(0);
  });
});

describe('a Content-Length that lies low', () => {
  let raw: Server;
  let origin: string;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // A raw socket, since Node's HTTP server will not send more than the length it declared.
    raw = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: image/png\r\ncontent-length: 2000\r\n\r\n');
        socket.end(padded(png(), 300_000));
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => raw.close(resolve));
  });

  it('gets no more than the declared bytes into the spooled file', async () => {
    const media = await spool(await fetcher.openUrl(`${origin}/lie`, signal()), {
      signal: signal(),
      tempDir: temp.path,
      limits: small,
    });
    await media.dispose();
    expect(media).toMatchObject({ kind: 'image', size: 2000 });
  });
});

describe('size hints', () => {
  it('refuses a claimed size above every limit before any download', () => {
    expect(() => checkSizeHint({ sizeHint: 501 * MB })).toThrow(
      'That file is 501 MB; the limit is 100 MB for images and 500 MB for videos.',
    );
  });

  it('lets through a size that could still be a video, and no hint at all', () => {
    expect(() => checkSizeHint({ sizeHint: 200 * MB })).not.toThrow();
    expect(() => checkSizeHint({})).not.toThrow();
  });

  it('a spool from any stream is capped too, not only downloads', async () => {
    await expect(
      spool(Readable.from([padded(png(), 60_000)]), { signal: signal(), tempDir: temp.path, limits: small }),
    ).rejects.toMatchObject({ code: 'too_large' });
  });
});
