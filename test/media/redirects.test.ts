import type { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError } from '../../src/media/errors.js';
import { LinkedPage } from '../../src/media/linked-page.js';
import { createMediaFetcher, type ClosableMediaFetcher } from '../../src/media/fetcher.js';
import { htmlPage, png } from '../helpers/media-samples.js';
import { captureLogger, startLoopback, type Loopback } from './loopback.js';
import { installTripwire, type Tripwire } from './tripwire.js';

/**
 * Redirect hops need a public host that redirects to a private one, and tests have only loopback.
 * So here the address policy is injected: 127.0.0.1 plays the public internet and every other
 * address plays the private network, 127.0.0.2 and ::1 in particular. Nothing listens on 127.0.0.2,
 * so even a guard that failed to stop a hop could only reach loopback; the tripwire shows the hop
 * was refused before a socket was handed any address but 127.0.0.1.
 */
const onlyOneLoopbackIsPublic = (address: string) => address === '127.0.0.1';

let web: Loopback;
let cdn: Loopback;
let tripwire: Tripwire;
let fetcher: ClosableMediaFetcher;
const { logger } = captureLogger();
const signal = () => AbortSignal.timeout(5000);

beforeAll(async () => {
  web = await startLoopback((req, res) => {
    const url = new URL(req.url ?? '/', 'http://web');
    const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
    if (chain) {
      const left = Number(chain[1]);
      if (left === 0) return res.end(png());
      res.writeHead(302, { location: `/chain/${left - 1}` }).end();
    } else if (url.pathname === '/to') {
      res
        .writeHead(Number(url.searchParams.get('status') ?? 302), {
          location: url.searchParams.get('location')!,
        })
        .end();
    } else if (url.pathname === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' }).end(png());
    } else if (url.pathname === '/login') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(htmlPage());
    } else if (url.pathname === '/no-location') {
      res.writeHead(302).end();
    } else {
      res.writeHead(Number(url.pathname.slice(1)) || 404).end();
    }
  });
  cdn = await startLoopback((_req, res) => res.end(png()));
  tripwire = installTripwire();
  fetcher = createMediaFetcher({
    allowPrivateUrls: false,
    connectTimeoutMs: 1000,
    idleTimeoutMs: 1000,
    logger,
    isAllowedAddress: onlyOneLoopbackIsPublic,
    resolve: (hostname) =>
      hostname === 'internal.test'
        ? Promise.resolve([{ address: '127.0.0.2', family: 4 }])
        : Promise.reject(Object.assign(new Error(`no such host ${hostname}`), { code: 'ENOTFOUND' })),
  });
});

afterAll(async () => {
  tripwire.restore();
  await fetcher.close();
  await Promise.all([web.close(), cdn.close()]);
});

afterEach(() => {
  tripwire.attempts.length = 0;
});

const read = async (stream: Readable) => Buffer.concat((await stream.toArray()) as Buffer[]);
const redirectTo = (location: string, status = 302) =>
  `${web.origin}/to?status=${status}&location=${encodeURIComponent(location)}`;

describe('redirects', () => {
  it('follows up to three hops, relative or absolute, with each redirect status', async () => {
    expect(await read(await fetcher.openUrl(`${web.origin}/chain/3`, signal()))).toEqual(png());
    for (const status of [301, 302, 303, 307, 308]) {
      expect(await read(await fetcher.openUrl(redirectTo(`${cdn.origin}/x.png`, status), signal()))).toEqual(
        png(),
      );
    }
  });

  it('refuses a fourth hop', async () => {
    const error = await fetcher.openUrl(`${web.origin}/chain/4`, signal()).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({
      code: 'download_failed',
      message: 'The link redirected more than 3 times.',
    });
  });

  it.each([
    ['another loopback address', 'http://127.0.0.2:9/'],
    ['a name that resolves to a private address', 'http://internal.test:9/'],
    ['IPv6 loopback', 'http://[::1]:9/'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['a file: URL', 'file:///etc/passwd'],
    ['a URL with credentials', `http://alice:hunter2@127.0.0.1:${9}/image`],
  ])('checks every hop: a redirect to %s is refused', async (_what, location) => {
    const error = await fetcher.openUrl(redirectTo(location), signal()).catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'blocked_url' });
    expect((error as Error).message).not.toContain('hunter2');
    expect(tripwire.attempts.filter((a) => a !== '127.0.0.1')).toEqual([]);
  });

  it('reports a host that does not resolve as a failed download naming it', async () => {
    await expect(fetcher.openUrl('http://nowhere.test/a.png', signal())).rejects.toMatchObject({
      code: 'download_failed',
      message: 'The download failed: nowhere.test could not be found.',
    });
  });

  it('reports a redirect without a Location as a failed download', async () => {
    await expect(fetcher.openUrl(`${web.origin}/no-location`, signal())).rejects.toMatchObject({
      code: 'download_failed',
      status: 302,
    });
  });
});

describe('platform file URLs (openTrusted)', () => {
  const token = { authorization: 'Bearer xoxb-never-forwarded', cookie: 'd=session' };

  it('sends the headers to that URL, and follows a redirect without them', async () => {
    const before = { web: web.requests.length, cdn: cdn.requests.length };
    const body = await fetcher.openTrusted(redirectTo(`${cdn.origin}/file.png`), {
      headers: token,
      signal: signal(),
    });
    expect(await read(body)).toEqual(png());
    expect(web.requests[before.web]).toMatchObject(token);
    const hop = cdn.requests[before.cdn]!;
    expect(hop.authorization).toBeUndefined();
    expect(hop.cookie).toBeUndefined();
  });

  it('drops the headers on a same-origin redirect too', async () => {
    const before = web.requests.length;
    await read(await fetcher.openTrusted(redirectTo('/image'), { headers: token, signal: signal() }));
    expect(web.requests[before]?.authorization).toBe(token.authorization);
    expect(web.requests[before + 1]?.authorization).toBeUndefined();
  });

  it('sends a redirect through the address rule', async () => {
    await expect(
      fetcher.openTrusted(redirectTo('http://127.0.0.2:9/'), { headers: token, signal: signal() }),
    ).rejects.toMatchObject({ code: 'blocked_url' });
  });

  it('is not held to the address rule itself (platform fakes live on loopback)', async () => {
    const strict = createMediaFetcher({
      allowPrivateUrls: false,
      connectTimeoutMs: 1000,
      idleTimeoutMs: 1000,
      logger,
    });
    try {
      expect(
        await read(await strict.openTrusted(`${web.origin}/image`, { headers: token, signal: signal() })),
      ).toEqual(png());
      // ...but where it redirects is: loopback is private to the default policy.
      await expect(
        strict.openTrusted(redirectTo(`${cdn.origin}/x`), { signal: signal() }),
      ).rejects.toMatchObject({
        code: 'blocked_url',
      });
    } finally {
      await strict.close();
    }
  });

  it.each([403, 404, 500])('turns HTTP %i into a DownloadError carrying the status', async (status) => {
    const error = await fetcher
      .openTrusted(`${web.origin}/${status}`, { signal: signal() })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ code: 'download_failed', status, htmlBody: false });
  });

  it('flags a web page where the file should be (Slack without files:read)', async () => {
    const error = await fetcher
      .openTrusted(`${web.origin}/login`, { headers: token, signal: signal() })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ status: 200, htmlBody: true, contentType: 'text/html; charset=utf-8' });
    expect((error as Error).message).toContain('web page instead of the file');
  });

  it('flags a web page reached by a redirect to a sign-in page as well', async () => {
    await expect(
      fetcher.openTrusted(redirectTo('/login'), { headers: token, signal: signal() }),
    ).rejects.toMatchObject({ htmlBody: true });
  });

  it('answers a user link to a web page with the page, for the Checker to read its media', async () => {
    const page = await fetcher.openUrl(`${web.origin}/login`, signal()).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(page).toBeInstanceOf(LinkedPage);
    expect(await (page as LinkedPage).media()).toEqual([]);
  });

  it('checks the scheme and length of a platform URL too', async () => {
    await expect(fetcher.openTrusted('file:///etc/passwd', { signal: signal() })).rejects.toMatchObject({
      code: 'blocked_url',
    });
  });
});
