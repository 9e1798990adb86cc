import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVerdict } from '../../src/domain/types.js';
import { urlMediaRef } from '../../src/media/refs.js';
import { startCore, type TestCore } from '../helpers/core.js';
import { installTripwire, type Tripwire } from '../media/tripwire.js';
import { MEDIA_CASES } from './media.js';
import { startRawServer, type RawServer } from './raw-server.js';
import { apiCalls, checkOne, expectNoFileLeft, expectPlainMessage } from './support.js';

/**
 * The media corpus through the whole core: the guarded fetcher (ALLOW_PRIVATE_URLS lets it reach the
 * loopback server), spooling and sniffing, the Checker, the BitMind client and the simulator. Short
 * timeouts keep the slow cases to a second or two.
 */
let core: TestCore;
let server: RawServer;
let tripwire: Tripwire;

beforeAll(async () => {
  // ALLOW_PRIVATE_URLS is on: the tripwire keeps every connection on loopback regardless.
  tripwire = installTripwire();
  core = await startCore({
    env: {
      ALLOW_PRIVATE_URLS: 'true',
      DOWNLOAD_IDLE_TIMEOUT_SECONDS: '1',
      DOWNLOAD_MAX_SECONDS: '2',
      BITMIND_RETRY_ATTEMPTS: '1',
    },
  });
  server = await startRawServer(MEDIA_CASES.map((c) => ('serve' in c.source ? c.source.serve : undefined)));
});

afterAll(async () => {
  tripwire?.restore();
  await server?.close();
  await core?.close();
});

describe('bad media: one clear result each, nothing left behind', () => {
  it.each(MEDIA_CASES.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    const c = MEDIA_CASES[i]!;
    const before = apiCalls(core).length;
    const ref =
      'serve' in c.source ? urlMediaRef(`${server.origin}/case/${i}/file.jpg`, core.fetcher) : c.source.ref();

    const item = await checkOne(core, ref);
    const sent = apiCalls(core).slice(before);

    switch (c.expected.outcome) {
      case 'refused':
        expect(item).toMatchObject({ error: { code: c.expected.code } });
        if (!isVerdict(item)) {
          expect(item.error.message).toMatch(c.expected.message);
          expectPlainMessage(item.error.message);
        }
        expect(sent).toEqual([]);
        break;
      case 'judged':
        expect(item).toMatchObject({ kind: c.expected.kind, cached: false, simulated: true });
        expect(sent).toEqual([{ path: `/${c.expected.kind}`, status: 200 }]);
        break;
      case 'rejected':
        expect(item).toMatchObject({ error: { code: c.expected.code } });
        if (!isVerdict(item)) expectPlainMessage(item.error.message);
        expect(sent.map((s) => s.status)).toEqual([400]);
        break;
    }
    await expectNoFileLeft(core);
  });

  it('keeps the corpus large enough to mean something', () => {
    expect(MEDIA_CASES.length).toBeGreaterThanOrEqual(40);
  });
});

describe('the request allowance, across files', () => {
  let small: TestCore;
  beforeAll(async () => {
    small = await startCore({ env: { ALLOW_PRIVATE_URLS: 'true', CHECK_MAX_REQUEST_MB: '1' } });
  });
  afterAll(() => small?.close());

  it('stops a request whose files together pass CHECK_MAX_REQUEST_MB, with no file left', async () => {
    const oversize = MEDIA_CASES.findIndex((c) => c.name.startsWith('oversize by stream'));
    const item = await checkOne(
      small,
      urlMediaRef(`${server.origin}/case/${oversize}/big.png`, small.fetcher),
    );
    expect(item).toMatchObject({
      error: {
        code: 'too_large',
        message: 'This request is over its 1 MB download allowance; check fewer or smaller files at once.',
      },
    });
    await expectNoFileLeft(small);
  });
});
