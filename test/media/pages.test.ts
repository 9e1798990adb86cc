import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeItem } from '../../src/check/wording.js';
import type { CheckRequest, TriggerKind } from '../../src/domain/types.js';
import type { ClosableMediaFetcher } from '../../src/media/fetcher.js';
import { urlMediaRef } from '../../src/media/refs.js';
import { gradient } from '../helpers/convert-samples.js';
import { startCore, type TestCore } from '../helpers/core.js';
import { loopbackFetcher, startLoopback, type Loopback } from './loopback.js';
import { installTripwire, type Tripwire } from './tripwire.js';

/**
 * Links to web pages, served on 127.0.0.1 (which the fetcher treats as the public internet; every
 * other address stays private, and the tripwire stops any connection off loopback). A person who
 * asks about a page means its picture: the page's card tags are read and their media checked.
 */
let site: Loopback;
let core: TestCore;
let fetcher: ClosableMediaFetcher;
let tripwire: Tripwire;
/** Bytes the 50 MB page really handed to its socket. */
let hugeSent = 0;
const media = new Map<string, Buffer>();
const mediaHits: string[] = [];

const page = (head: string) =>
  `<!doctype html><html><head><title>Story</title>${head}</head><body>Text</body></html>`;
const meta = (property: string, content: string) => `<meta property="${property}" content="${content}">`;
const html = (res: ServerResponse, body: string) => {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(body);
};

const PAGES: Record<string, (res: ServerResponse) => void> = {
  '/news/relative': (res) => html(res, page(meta('og:image', 'pictures/a.png'))),
  '/news/absolute': (res) => html(res, page(meta('og:image', `${site.origin}/pictures/b.png`))),
  '/news/many': (res) =>
    html(
      res,
      page(
        [
          meta('og:image', '/pictures/c1.png'),
          meta('og:image:secure_url', '/pictures/c2.png'),
          meta('og:image', '/pictures/c1.png'), // a repeat, not a fifth
          `<meta name="twitter:image" content="/pictures/c3.png">`,
          `<meta name="twitter:image:src" content="/pictures/c4.png">`,
          meta('og:image:url', '/pictures/c5.png'),
        ].join(''),
      ),
    ),
  '/old-story': (res) => {
    res.statusCode = 302;
    res.setHeader('location', '/moved/story');
    res.end();
  },
  '/moved/story': (res) => html(res, page(meta('og:image', 'd.png'))),
  '/news/private': (res) => html(res, page(meta('og:image', 'http://10.0.0.1/secret.png'))),
  '/news/empty': (res) => html(res, page('<meta name="description" content="no picture here">')),
  '/news/huge': (res) => {
    res.setHeader('content-type', 'text/html');
    const filler = Buffer.alloc(64 * 1024, 'x');
    let left = 50 * 1024 * 1024;
    const more = () => {
      while (left > 0) {
        left -= filler.length;
        hugeSent += filler.length;
        if (!res.write(filler)) return void res.once('drain', more);
      }
      res.end();
    };
    res.write('<html><head><title>huge</title></head><body>');
    more();
  },
};

beforeAll(async () => {
  site = await startLoopback((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const bytes = media.get(path);
    if (bytes) {
      mediaHits.push(path);
      res.setHeader('content-type', 'image/png');
      return res.end(bytes);
    }
    const handler = PAGES[path];
    if (handler) return handler(res);
    res.statusCode = 404;
    res.end();
  });
  let seed = 0;
  const paths = ['b', 'c1', 'c2', 'c3', 'c4', 'c5'].map((n) => `/pictures/${n}.png`);
  for (const path of [...paths, '/news/pictures/a.png', '/moved/d.png']) {
    media.set(path, await gradient(16, 12, seed++).png().toBuffer());
  }
  tripwire = installTripwire();
  fetcher = loopbackFetcher();
  core = await startCore();
});
afterAll(async () => {
  tripwire.restore();
  await core.close();
  await fetcher.close();
  await site.close();
});
afterEach(() => {
  mediaHits.length = 0;
  core.sim.clearLog();
});

const check = (path: string, trigger: TriggerKind = 'command') => {
  const request: CheckRequest = {
    id: path,
    trigger,
    requester: { platform: 'test', userId: 'U1', channelId: 'C1' },
    media: [urlMediaRef(`${site.origin}${path}`, fetcher)],
  };
  return core.checker.check(request);
};

describe('a link to a web page', () => {
  it('checks the og:image, resolved against the page, and says where it was found', async () => {
    const report = await check('/news/relative');
    expect(mediaHits).toEqual(['/news/pictures/a.png']);
    expect(report.items).toHaveLength(1);
    const item = report.items[0]!;
    expect(item).toMatchObject({
      kind: 'image',
      source: { foundOn: `127.0.0.1:${site.port}/news/relative` },
    });
    expect(item.ref.name).toBe(`${site.origin}/news/pictures/a.png`);
    expect(describeItem(item).source).toBe(
      `image found on the linked page 127.0.0.1:${site.port}/news/relative`,
    );
  });

  it('checks an absolute og:image', async () => {
    const report = await check('/news/absolute');
    expect(mediaHits).toEqual(['/pictures/b.png']);
    expect(report.items[0]).toMatchObject({ kind: 'image', cached: false });
  });

  it('checks at most 4 of several candidates, each once, in page order', async () => {
    const report = await check('/news/many');
    expect(report.items.map((i) => i.ref.name.replace(site.origin, ''))).toEqual([
      '/pictures/c1.png',
      '/pictures/c2.png',
      '/pictures/c3.png',
      '/pictures/c4.png',
    ]);
    expect([...mediaHits].sort()).toEqual([
      '/pictures/c1.png',
      '/pictures/c2.png',
      '/pictures/c3.png',
      '/pictures/c4.png',
    ]);
    expect(report.items.every((i) => !('error' in i))).toBe(true);
  });

  it('follows a redirect and resolves the og:image against the final URL', async () => {
    const report = await check('/old-story');
    expect(mediaHits).toEqual(['/moved/d.png']);
    expect(report.items[0]).toMatchObject({ source: { foundOn: `127.0.0.1:${site.port}/moved/story` } });
  });

  it('refuses an og:image on a private address with the usual answer, connecting nowhere but the page', async () => {
    tripwire.attempts.length = 0;
    const report = await check('/news/private');
    expect(report.items[0]).toMatchObject({
      error: { code: 'blocked_url', message: expect.stringMatching(/^That address is not allowed/) },
    });
    expect(tripwire.attempts.every((a) => a === '127.0.0.1')).toBe(true);
    expect(core.sim.requests.filter((r) => r.path === '/image')).toEqual([]);
  });

  it('reads no further than 1 MiB of a 50 MB page', async () => {
    const report = await check('/news/huge');
    expect(report.items[0]).toMatchObject({
      error: {
        code: 'unsupported_type',
        message: `No image or video was found on the linked page 127.0.0.1:${site.port}/news/huge.`,
      },
    });
    // What the socket buffers took beyond the MiB read, far from 50 MB.
    expect(hugeSent).toBeLessThan(16 * 1024 * 1024);
  });

  it('says plainly when a page has no media', async () => {
    const report = await check('/news/empty');
    expect(report.items).toEqual([
      expect.objectContaining({
        error: {
          code: 'unsupported_type',
          message: `No image or video was found on the linked page 127.0.0.1:${site.port}/news/empty.`,
        },
      }),
    ]);
  });

  it('is never followed by auto-scan', async () => {
    const report = await check('/news/relative', 'autoscan');
    expect(mediaHits).toEqual([]);
    expect(report.items[0]).toMatchObject({
      error: { code: 'unsupported_type', message: expect.stringMatching(/^That link is a web page/) },
    });
  });
});
