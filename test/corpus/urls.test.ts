import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isVerdict } from '../../src/domain/types.js';
import { createMediaFetcher, type ClosableMediaFetcher } from '../../src/media/fetcher.js';
import { urlMediaRef } from '../../src/media/refs.js';
import { startCore, type TestCore } from '../helpers/core.js';
import { startLoopback, type Loopback } from '../media/loopback.js';
import { installTripwire, type Tripwire } from '../media/tripwire.js';
import { checkOne, expectNoFileLeft, expectPlainMessage } from './support.js';
import { URL_CASES } from './urls.js';

/**
 * The URL corpus through the Checker with production rules (ALLOW_PRIVATE_URLS=false). The trap is a
 * real server on 127.0.0.1 that every loopback spelling aims at: it must see no connection. The
 * tripwire records every address a socket is handed and refuses all but loopback, so even a broken
 * guard could not send a packet off this machine.
 */
let core: TestCore;
let trap: Loopback;
let web: Loopback;
let tripwire: Tripwire;
let redirecting: ClosableMediaFetcher;

const withPort = (url: string) => url.replace(/:P\b/, `:${trap.port}`);

beforeAll(async () => {
  core = await startCore({ env: { ALLOW_PRIVATE_URLS: 'false' } });
  trap = await startLoopback((_req, res) => res.end('the trap was reached'));
  web = await startLoopback((req, res) => {
    const index = Number(/^\/redirect\/(\d+)/.exec(req.url ?? '')?.[1]);
    const target = URL_CASES[index];
    res.writeHead(target ? 302 : 404, target ? { location: withPort(target.url) } : {}).end();
  });
  // The same guarded fetcher, with 127.0.0.1 playing the public internet so the first hop is allowed.
  redirecting = createMediaFetcher({
    allowPrivateUrls: false,
    connectTimeoutMs: 1000,
    idleTimeoutMs: 1000,
    logger: core.logger,
    isAllowedAddress: (address) => address === '127.0.0.1',
  });
  tripwire = installTripwire();
});

afterAll(async () => {
  tripwire?.restore();
  await redirecting?.close();
  await Promise.all([trap?.close(), web?.close()]);
  await core?.close();
});

afterEach(() => {
  tripwire.attempts.length = 0;
});

describe('hostile links: refused before any connection, one clear message each', () => {
  it.each(URL_CASES.map((c, i) => [`${c.via}: ${c.name}`, i] as const))('%s', async (_name, i) => {
    const c = URL_CASES[i]!;
    const ref =
      c.via === 'direct'
        ? urlMediaRef(withPort(c.url), core.fetcher)
        : urlMediaRef(`${web.origin}/redirect/${i}`, redirecting);

    const item = await checkOne(core, ref);

    expect(item).toMatchObject({ error: { code: c.code } });
    if (!isVerdict(item)) {
      expect(item.error.message).toMatch(c.message);
      expectPlainMessage(item.error.message);
      expect(item.error.message).not.toContain('hunter2');
    }
    expect(item.ref.name).not.toContain('hunter2');
    expect(trap.connections()).toBe(0);
    // A redirect case connects to the web server (127.0.0.1) and nowhere else.
    expect(tripwire.attempts.filter((a) => c.via === 'direct' || a !== '127.0.0.1')).toEqual([]);
    await expectNoFileLeft(core);
  });

  it('keeps the corpus large enough to mean something', () => {
    expect(URL_CASES.length).toBeGreaterThanOrEqual(60);
  });

  it('logs each refusal without the credentials or the query string of the link', () => {
    const log = core.logLines.join('');
    expect(log).toContain('refused a link');
    expect(log).not.toContain('hunter2');
  });
});
