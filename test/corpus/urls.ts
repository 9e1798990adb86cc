import type { ErrorCode } from '../../src/domain/types.js';

/**
 * Links a person might paste, and where they would lead, as data. `direct` links go to the core's
 * own guarded fetcher (production rules: ALLOW_PRIVATE_URLS=false, the system resolver, which only
 * ever sees `localhost` here). `redirect` links are served by a loopback web server that answers 302
 * to `url`; for those the fetcher lets 127.0.0.1 play the public internet, so that every hop after
 * the first is what is being refused. No name here needs DNS beyond `localhost`.
 */
export interface UrlCase {
  readonly name: string;
  readonly via: 'direct' | 'redirect';
  /** `P` is replaced by the port of a trap server on 127.0.0.1, which must never see a connection. */
  readonly url: string;
  readonly code: ErrorCode;
  readonly message: RegExp;
}

const PREFIX = 'That address is not allowed: ';
const privateHost = (host?: string): RegExp =>
  new RegExp(
    `^${PREFIX}${host ? host.replace(/[.[\]]/g, '\\$&') : '.+'} is on a private or local network\\.$`,
  );
const scheme = (name: string): RegExp =>
  new RegExp(`^${PREFIX}only http and https links can be checked, not ${name} links\\.$`);
const CREDENTIALS = new RegExp(`^${PREFIX}links with a user name or password in them are refused\\.$`);
const INVALID = new RegExp(`^${PREFIX}that is not a valid link\\.$`);
const TOO_LONG = new RegExp(`^${PREFIX}the link is 10,\\d{3} characters long; the limit is 4,096\\.$`);

const blocked = (
  via: UrlCase['via'],
  name: string,
  url: string,
  message: RegExp = privateHost(),
): UrlCase => ({ name, via, url, code: 'blocked_url', message });

const LONG = `https://example.com/${'a'.repeat(9_980)}.png`;

export const URL_CASES: readonly UrlCase[] = [
  // ---- loopback, every spelling -------------------------------------------------------------
  blocked('direct', 'loopback', 'http://127.0.0.1:P/photo.jpg', privateHost('127.0.0.1')),
  blocked('direct', 'loopback elsewhere in 127/8', 'http://127.9.9.9:P/'),
  blocked('direct', 'loopback, decimal', 'http://2130706433:P/', privateHost('127.0.0.1')),
  blocked('direct', 'loopback, octal', 'http://0177.0.0.1:P/', privateHost('127.0.0.1')),
  blocked('direct', 'loopback, octal whole', 'http://017700000001:P/', privateHost('127.0.0.1')),
  blocked('direct', 'loopback, hex parts', 'http://0x7f.1:P/', privateHost('127.0.0.1')),
  blocked('direct', 'loopback, hex whole', 'http://0x7f000001:P/', privateHost('127.0.0.1')),
  blocked('direct', 'loopback, zero-padded', 'http://127.000.000.001:P/', privateHost('127.0.0.1')),
  blocked('direct', 'loopback, short form', 'http://127.1:P/', privateHost('127.0.0.1')),
  blocked('direct', 'loopback, trailing dot', 'http://127.0.0.1.:P/', privateHost('127.0.0.1')),
  blocked('direct', 'loopback, percent-encoded host', 'http://%31%32%37.0.0.1:P/', privateHost('127.0.0.1')),
  blocked('direct', 'loopback, full-width digits', 'http://１２７．０．０．１:P/', privateHost('127.0.0.1')),
  blocked('direct', 'loopback, circled digits', 'http://①②⑦.0.0.1:P/', privateHost('127.0.0.1')),
  blocked('direct', 'loopback, IPv6', 'http://[::1]:P/', privateHost('::1')),
  blocked('direct', 'loopback, IPv6 written long', 'http://[0:0:0:0:0:0:0:1]:P/', privateHost('::1')),
  blocked(
    'direct',
    'loopback, IPv4-mapped IPv6',
    'http://[::ffff:127.0.0.1]:P/',
    privateHost('::ffff:7f00:1'),
  ),
  blocked('direct', 'loopback, IPv4-compatible IPv6', 'http://[::127.0.0.1]:P/'),
  blocked('direct', 'loopback, by the name localhost', 'http://localhost:P/', privateHost('localhost')),
  blocked('direct', 'loopback, localhost in capitals', 'http://LOCALHOST:P/', privateHost('localhost')),
  // ---- unspecified, private, shared, link-local, metadata ----------------------------------
  blocked('direct', 'unspecified, written 0', 'http://0:P/', privateHost('0.0.0.0')),
  blocked('direct', 'unspecified, IPv6', 'http://[::]:P/', privateHost('::')),
  blocked('direct', 'private 10/8', 'http://10.0.0.1/'),
  blocked('direct', 'private 172.16/12', 'http://172.16.0.1/'),
  blocked('direct', 'private 172.16/12, top', 'http://172.31.255.254/'),
  blocked('direct', 'private 192.168/16', 'http://192.168.1.1/router.png'),
  blocked('direct', 'carrier-grade NAT (Alibaba metadata)', 'http://100.100.100.200/latest/meta-data/'),
  blocked(
    'direct',
    'cloud metadata',
    'http://169.254.169.254/latest/meta-data/',
    privateHost('169.254.169.254'),
  ),
  blocked('direct', 'cloud metadata, decimal', 'http://2852039166/', privateHost('169.254.169.254')),
  blocked('direct', 'cloud metadata, IPv4-mapped', 'http://[::ffff:169.254.169.254]/'),
  blocked('direct', 'cloud metadata, IPv4-compatible', 'http://[::169.254.169.254]/'),
  blocked('direct', 'cloud metadata, NAT64', 'http://[64:ff9b::a9fe:a9fe]/'),
  blocked('direct', 'cloud metadata, 6to4', 'http://[2002:a9fe:a9fe::]/'),
  blocked('direct', 'AWS metadata over IPv6 (unique-local)', 'http://[fd00:ec2::254]/'),
  blocked('direct', 'IPv6 link-local', 'http://[fe80::1]/'),
  blocked('direct', 'IPv6 site-local (deprecated)', 'http://[fec0::1]/'),
  blocked('direct', 'IETF protocol assignments (Oracle metadata)', 'http://192.0.0.192/'),
  blocked('direct', 'benchmarking range', 'http://198.18.0.1/'),
  blocked('direct', 'documentation range', 'http://[2001:db8::1]/'),
  blocked('direct', 'multicast', 'http://224.0.0.1/'),
  blocked('direct', 'broadcast', 'http://255.255.255.255/'),
  blocked('direct', 'reserved 240/4', 'http://240.0.0.1/'),
  // ---- not http ---------------------------------------------------------------------------------
  blocked('direct', 'file:', 'file:///etc/passwd', scheme('file')),
  blocked('direct', 'ftp:', 'ftp://example.com/a.png', scheme('ftp')),
  blocked('direct', 'gopher:', 'gopher://127.0.0.1:P/_GET', scheme('gopher')),
  blocked('direct', 'dict:', 'dict://127.0.0.1:11211/stats', scheme('dict')),
  blocked('direct', 'data:', 'data:image/png;base64,iVBORw0KGgo=', scheme('data')),
  blocked('direct', 'javascript:', 'javascript:alert(document.cookie)', scheme('javascript')),
  blocked('direct', 'ws:', 'ws://example.com/socket', scheme('ws')),
  blocked('direct', 'blob:', 'blob:https://example.com/1b4e28ba', scheme('blob')),
  // ---- malformed --------------------------------------------------------------------------------
  blocked('direct', 'a 10,000-character link', LONG, TOO_LONG),
  blocked('direct', 'not a link at all', 'not a link', INVALID),
  blocked('direct', 'a scheme and nothing else', 'http://', INVALID),
  blocked('direct', 'an unclosed IPv6 bracket', 'http://[::1/', INVALID),
  blocked('direct', 'an IPv6 zone id', 'http://[fe80::1%25eth0]/', INVALID),
  blocked('direct', 'a port out of range', 'http://example.com:99999/', INVALID),
  // ---- credentials ------------------------------------------------------------------------------
  blocked('direct', 'user and password', 'http://alice:hunter2@example.com/a.png', CREDENTIALS),
  blocked('direct', 'password only', 'https://:hunter2@example.com/a.png', CREDENTIALS),
  blocked('direct', 'user only', 'https://alice@example.com/a.png', CREDENTIALS),
  blocked('direct', 'credentials on a private host', 'http://alice:hunter2@127.0.0.1:P/', CREDENTIALS),
  // ---- redirects: every hop is checked ----------------------------------------------------------
  blocked('redirect', 'to another loopback address', 'http://127.0.0.2:P/', privateHost('127.0.0.2')),
  blocked('redirect', 'to loopback in hex', 'http://0x7f000002:P/', privateHost('127.0.0.2')),
  blocked('redirect', 'to IPv6 loopback', 'http://[::1]:P/', privateHost('::1')),
  blocked('redirect', 'to cloud metadata', 'http://169.254.169.254/latest/meta-data/iam/'),
  blocked('redirect', 'to a private network', 'http://10.0.0.1/admin'),
  blocked('redirect', 'to unique-local IPv6', 'http://[fd00::1]/'),
  blocked('redirect', 'to file:', 'file:///etc/passwd', scheme('file')),
  blocked('redirect', 'to gopher:', 'gopher://127.0.0.1:P/_', scheme('gopher')),
  blocked('redirect', 'to a link with credentials', 'http://alice:hunter2@127.0.0.2:P/', CREDENTIALS),
  blocked('redirect', 'to a 10,000-character link', LONG, TOO_LONG),
];
