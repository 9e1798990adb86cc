import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CheckError } from '../../src/domain/types.js';
import { createMediaFetcher, type ClosableMediaFetcher } from '../../src/media/fetcher.js';
import type { Resolver } from '../../src/media/guarded-lookup.js';
import { captureLogger, startLoopback, type Loopback } from './loopback.js';
import { installTripwire, type Tripwire } from './tripwire.js';

/**
 * Every link here points at somewhere a bot must never fetch from. The trap is a real HTTP server on
 * 127.0.0.1 that every loopback spelling aims at; the tripwire records each address a socket is
 * handed. Both must stay empty: refusal happens before any connection is made.
 */

/** Names the fake DNS answers; anything else goes to the system resolver (only `localhost` is used). */
const DNS: Record<string, LookupAddress[]> = {
  'ten.test': [{ address: '10.1.2.3', family: 4 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  'ula.test': [{ address: 'fd00::1', family: 6 }],
  'mapped.test': [{ address: '::ffff:127.0.0.1', family: 6 }],
  // One public and one private answer: the whole name is refused, not just the private address.
  'mixed.test': [
    { address: '8.8.8.8', family: 4 },
    { address: '192.168.0.10', family: 4 },
  ],
};
const resolve: Resolver = async (hostname) => DNS[hostname] ?? lookup(hostname, { all: true });

let trap: Loopback;
let tripwire: Tripwire;
let fetcher: ClosableMediaFetcher;
const { logger, lines } = captureLogger();

beforeAll(async () => {
  trap = await startLoopback((_req, res) => res.end('you should not see this'));
  tripwire = installTripwire();
  fetcher = createMediaFetcher({
    allowPrivateUrls: false,
    connectTimeoutMs: 1000,
    idleTimeoutMs: 1000,
    logger,
    resolve,
  });
});

afterAll(async () => {
  tripwire.restore();
  await fetcher.close();
  await trap.close();
});

afterEach(() => {
  tripwire.attempts.length = 0;
});

const P = () => trap.port;
const refused: [string, () => string][] = [
  ['loopback, dotted', () => `http://127.0.0.1:${P()}/photo.jpg`],
  ['loopback, elsewhere in 127/8', () => `http://127.9.9.9:${P()}/`],
  ['loopback, decimal', () => `http://2130706433:${P()}/`],
  ['loopback, octal', () => `http://0177.0.0.1:${P()}/`],
  ['loopback, hex parts', () => `http://0x7f.1:${P()}/`],
  ['loopback, hex whole', () => `http://0x7f000001:${P()}/`],
  ['loopback, short form', () => `http://127.1:${P()}/`],
  ['loopback, IPv4-mapped IPv6', () => `http://[::ffff:127.0.0.1]:${P()}/`],
  ['loopback, IPv4-mapped IPv6 in hex', () => `http://[::ffff:7f00:1]:${P()}/`],
  ['loopback, IPv6', () => `http://[::1]:${P()}/`],
  ['loopback, by the name localhost', () => `http://localhost:${P()}/`],
  ['loopback, by a name whose DNS answer is IPv4-mapped', () => `http://mapped.test:${P()}/`],
  ['unspecified, written 0', () => `http://0:${P()}/`],
  ['unspecified, 0.0.0.0', () => `http://0.0.0.0:${P()}/`],
  ['unspecified, IPv6 ::', () => `http://[::]:${P()}/`],
  ['private 10/8', () => 'http://10.0.0.1/'],
  ['private 10/8 by name', () => 'http://ten.test/'],
  ['private 172.16/12, low end', () => 'http://172.16.0.1/'],
  ['private 172.16/12, high end', () => 'http://172.31.255.254/'],
  ['private 192.168/16', () => 'http://192.168.1.1/'],
  ['private, behind a name with a public address too', () => 'http://mixed.test/'],
  ['cloud metadata, link-local', () => 'http://169.254.169.254/latest/meta-data/'],
  ['cloud metadata by name', () => 'http://metadata.test/latest/meta-data/'],
  ['cloud metadata, IPv4-mapped', () => 'http://[::ffff:169.254.169.254]/'],
  ['carrier-grade NAT 100.64/10', () => 'http://100.64.0.1/'],
  ['carrier-grade NAT, high end', () => 'http://100.127.255.254/'],
  ['unique-local fc00::/7', () => 'http://[fc00::1]/'],
  ['unique-local fd00::/8', () => 'http://[fd12:3456::1]/'],
  ['unique-local by name', () => 'http://ula.test/'],
  ['link-local IPv6', () => 'http://[fe80::1]/'],
  ['NAT64 of loopback', () => 'http://[64:ff9b::7f00:1]/'],
  ['6to4 of loopback', () => 'http://[2002:7f00:1::]/'],
  ['broadcast', () => 'http://255.255.255.255/'],
  ['multicast', () => 'http://224.0.0.1/'],
  ['file: scheme', () => 'file:///etc/passwd'],
  ['ftp: scheme', () => `ftp://127.0.0.1:${P()}/`],
  ['gopher: scheme', () => `gopher://127.0.0.1:${P()}/_GET`],
  ['data: scheme', () => 'data:image/png;base64,iVBORw0KGgo='],
  ['javascript: scheme', () => 'javascript:alert(1)'],
  ['credentials to a public host', () => 'https://alice:hunter2@example.com/photo.jpg'],
  ['credentials to loopback', () => `http://alice:hunter2@127.0.0.1:${P()}/`],
  ['not a URL at all', () => 'not a link'],
  ['10,000 characters', () => `https://example.com/${'a'.repeat(10_000 - 20)}`],
];

describe('the guarded fetcher refuses links to places a bot must never reach', () => {
  it.each(refused)('%s', async (_what, url) => {
    const error = await fetcher.openUrl(url(), AbortSignal.timeout(5000)).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(CheckError);
    expect(error).toMatchObject({ code: 'blocked_url' });
    expect((error as Error).message).toMatch(/^That address is not allowed: /);
    expect((error as Error).message).not.toContain('hunter2');
    expect(tripwire.attempts).toEqual([]);
    expect(trap.connections()).toBe(0);
  });

  it('says clearly why a 10,000-character link is refused', async () => {
    await expect(
      fetcher.openUrl(`https://example.com/${'a'.repeat(9980)}`, AbortSignal.timeout(5000)),
    ).rejects.toThrow('That address is not allowed: the link is 10,000 characters long; the limit is 4,096.');
  });

  it('says which schemes are accepted', async () => {
    await expect(fetcher.openUrl('file:///etc/passwd', AbortSignal.timeout(5000))).rejects.toThrow(
      'That address is not allowed: only http and https links can be checked, not file links.',
    );
  });

  it('names the host but never a signed query string', async () => {
    const error = (await fetcher
      .openUrl('http://169.254.169.254/creds?X-Amz-Signature=s3cr3t', AbortSignal.timeout(5000))
      .catch((err: unknown) => err)) as Error;
    expect(error.message).toBe(
      'That address is not allowed: 169.254.169.254 is on a private or local network.',
    );
    expect(lines.join('')).not.toContain('s3cr3t');
    expect(lines.join('')).toContain('refused a link');
  });
});

describe('ALLOW_PRIVATE_URLS', () => {
  it('lifts the address rule, so the trap above would have seen a refused link had it not been refused', async () => {
    const captured = captureLogger();
    const open = createMediaFetcher({
      allowPrivateUrls: true,
      connectTimeoutMs: 1000,
      idleTimeoutMs: 1000,
      logger: captured.logger,
    });
    try {
      for (const url of [`http://127.0.0.1:${P()}/`, `http://localhost:${P()}/`]) {
        const body = await open.openUrl(url, AbortSignal.timeout(5000));
        expect(Buffer.concat(await body.toArray()).toString()).toBe('you should not see this');
      }
      expect(trap.connections()).toBeGreaterThan(0);
      expect(tripwire.attempts).toContain('127.0.0.1');
      const warnings = captured.lines
        .map((l) => JSON.parse(l) as { level: number; msg: string })
        .filter((l) => l.level === 40);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.msg).toMatch(/ALLOW_PRIVATE_URLS is on/);
    } finally {
      await open.close();
    }
  });
});
