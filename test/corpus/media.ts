import { gzipSync } from 'node:zlib';
import { convertible, supportedTypesText } from '../../src/domain/media-types.js';
import type { ErrorCode, MediaKind, MediaRef } from '../../src/domain/types.js';
import { fileMediaRef } from '../../src/media/refs.js';
import { avi, gif, htmlPage, jpeg, mov, mp4, plainText, png, webp } from '../helpers/media-samples.js';

/**
 * Hostile and broken media, as data. Each case is served by the runner's loopback server (a raw TCP
 * server, so it can lie about Content-Length) or opened by a MediaRef of its own, then checked by the
 * real Checker against the simulator.
 *
 * Three outcomes:
 * - `refused`: the bot stops it before BitMind with `code` and a message matching `message`;
 * - `judged`: the bytes pass sniffing and the simulator answers a verdict for `kind`. A file whose
 *   magic bytes are right but whose body is broken is BitMind's to judge: the bot does not decode
 *   media (it would need an image library, and a decoder is a larger attack surface than a sniffer),
 *   and the vendor documents no "corrupt file" error. The simulator checks magic bytes only, so these
 *   get a verdict; the real service may answer 400, which the bot reports as `bad_request`.
 * - `rejected`: the bot sends it and BitMind (the simulator) refuses it with `code`.
 */
export type MediaServe =
  /** 200 with these bytes and an honest Content-Length. */
  | {
      readonly kind: 'bytes';
      readonly body: Buffer;
      readonly contentType?: string;
      readonly headers?: Record<string, string>;
    }
  /** `head`, then zeros up to `total` bytes, chunked (no Content-Length). */
  | { readonly kind: 'chunked'; readonly head: Buffer; readonly total: number }
  /** Declares `contentLength`, sends `body` (more or fewer bytes), then closes. */
  | { readonly kind: 'declares'; readonly contentLength: number; readonly body: Buffer }
  | { readonly kind: 'status'; readonly status: number }
  /** A PNG header, then one byte every 50 ms for ever. */
  | { readonly kind: 'drip' }
  /** A PNG header, then silence with the connection open. */
  | { readonly kind: 'stall' }
  /** Accepts the request and never answers. */
  | { readonly kind: 'silent' }
  /** Redirects to itself for ever. */
  | { readonly kind: 'redirect-loop' };

export type MediaExpectation =
  | { readonly outcome: 'refused'; readonly code: ErrorCode; readonly message: RegExp }
  | { readonly outcome: 'judged'; readonly kind: MediaKind }
  | { readonly outcome: 'rejected'; readonly code: ErrorCode; readonly message: RegExp };

export interface MediaCase {
  readonly name: string;
  readonly source: { readonly serve: MediaServe } | { readonly ref: () => MediaRef };
  readonly expected: MediaExpectation;
}

const ascii = (text: string) => Buffer.from(text, 'latin1');
const be32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const bytes = (body: Buffer, contentType?: string): { serve: MediaServe } => ({
  serve: { kind: 'bytes', body, contentType },
});
const MB = 1024 * 1024;
const SCRIPT = ascii('<html><body><script>alert(document.cookie)</script></body></html>');

/** What the bot checks with conversion on (the bundled ffmpeg is there in tests), escaped for a RegExp. */
const SUPPORTED = supportedTypesText(convertible(true)).replace(/[()]/g, '\\$&');
const unsupported = (looksLike?: string): MediaExpectation => ({
  outcome: 'refused',
  code: 'unsupported_type',
  message: new RegExp(
    `^That file is not a supported type${looksLike ? ` \\(it looks like ${looksLike}\\)` : ''}\\. Supported: ${SUPPORTED}\\.$`,
  ),
});
/** A link that answered with a web page whose card tags name no media. */
const noMediaOnPage: MediaExpectation = {
  outcome: 'refused',
  code: 'unsupported_type',
  message: /^No image or video was found on the linked page 127\.0\.0\.1:\d+\/case\/\d+\/file\.jpg\.$/,
};
/** A type the bot converts, whose bytes say so but are not really one. */
const unreadable = (label: string): MediaExpectation => ({
  outcome: 'refused',
  code: 'unsupported_type',
  message: new RegExp(`^That ${label} could not be read for checking\\.$`),
});
const judged = (kind: MediaKind): MediaExpectation => ({ outcome: 'judged', kind });
const downloadFailed = (message: RegExp): MediaExpectation => ({
  outcome: 'refused',
  code: 'download_failed',
  message,
});
const timedOut = (message: RegExp): MediaExpectation => ({ outcome: 'refused', code: 'timeout', message });

/** A PNG whose IHDR CRC is wrong: a decoder would refuse it, the signature is right. */
function pngWithBadCrc(): Buffer {
  const p = png(3, 3);
  p[29] = (p[29] ?? 0) ^ 0xff;
  return p;
}

export const MEDIA_CASES: readonly MediaCase[] = [
  // ---- JPEG ---------------------------------------------------------------------------------
  {
    name: 'JPEG cut after its 3-byte magic',
    source: bytes(Buffer.from([0xff, 0xd8, 0xff])),
    expected: judged('image'),
  },
  { name: 'JPEG cut to 2 bytes', source: bytes(Buffer.from([0xff, 0xd8])), expected: unsupported() },
  {
    name: 'JPEG header then 4 KB of garbage',
    source: bytes(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4096, 0x41)])),
    expected: judged('image'),
  },
  {
    name: 'JPEG without its end-of-image marker',
    source: bytes(jpeg().subarray(0, -2)),
    expected: judged('image'),
  },
  // ---- PNG ----------------------------------------------------------------------------------
  { name: 'PNG cut to its 8-byte signature', source: bytes(png().subarray(0, 8)), expected: unsupported() },
  {
    name: 'PNG cut inside IHDR',
    source: bytes(png(4, 4).subarray(0, 20)),
    expected: judged('image'),
  },
  { name: 'PNG with a bad CRC', source: bytes(pngWithBadCrc()), expected: judged('image') },
  {
    name: 'PNG with its first byte flipped',
    source: bytes(Buffer.concat([Buffer.from([0x88]), png().subarray(1)])),
    expected: unsupported(),
  },
  {
    // file-type skips a UTF-8 byte-order mark before it looks for a signature; BitMind does not.
    name: 'PNG behind a UTF-8 byte-order mark',
    source: bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), png(5, 5)])),
    expected: { outcome: 'rejected', code: 'bad_request', message: /./ },
  },
  // ---- WebP ---------------------------------------------------------------------------------
  {
    name: 'WebP cut to its 12-byte RIFF header',
    source: bytes(webp().subarray(0, 12)),
    expected: judged('image'),
  },
  { name: 'WebP cut to 10 bytes', source: bytes(webp().subarray(0, 10)), expected: unsupported() },
  {
    name: 'RIFF with an unknown form type (WEBQ)',
    source: bytes(Buffer.concat([ascii('RIFF'), Buffer.alloc(4), ascii('WEBQ'), Buffer.alloc(20)])),
    expected: unsupported(),
  },
  // ---- not media at all ---------------------------------------------------------------------
  { name: 'zero bytes', source: bytes(Buffer.alloc(0), 'image/jpeg'), expected: unsupported() },
  { name: 'text served as image/jpeg', source: bytes(plainText(), 'image/jpeg'), expected: unsupported() },
  { name: 'HTML served as image/png', source: bytes(htmlPage(), 'image/png'), expected: unsupported() },
  {
    name: 'HTML served as text/html (a page without media)',
    source: bytes(htmlPage(), 'text/html'),
    expected: noMediaOnPage,
  },
  {
    name: 'SVG with a script',
    source: bytes(ascii('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')),
    expected: unsupported('XML'),
  },
  { name: 'a GIF header with no image', source: bytes(gif(), 'image/gif'), expected: unreadable('GIF') },
  { name: 'a PDF', source: bytes(ascii('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n')), expected: unsupported('PDF') },
  {
    name: 'a Windows executable',
    source: bytes(ascii(`MZ${'\0'.repeat(100)}`)),
    expected: unsupported('EXE'),
  },
  {
    name: 'a gzip-compressed PNG (as with Content-Encoding: gzip)',
    source: {
      serve: {
        kind: 'bytes',
        body: gzipSync(png(6, 6)),
        contentType: 'image/png',
        headers: { 'content-encoding': 'gzip' },
      },
    },
    expected: unsupported('GZ'),
  },
  // ---- polyglots: the first bytes decide, and nothing the bot does executes the rest --------
  {
    name: 'GIF/HTML polyglot',
    source: bytes(Buffer.concat([ascii('GIF89a'), SCRIPT]), 'image/jpeg'),
    expected: unreadable('GIF'),
  },
  {
    // Served as a web page, it is read as one: a person who links a page means the page's picture.
    name: 'JPEG/HTML polyglot served as text/html',
    source: bytes(Buffer.concat([jpeg().subarray(0, 20), SCRIPT]), 'text/html'),
    expected: noMediaOnPage,
  },
  {
    name: 'PNG with HTML appended',
    source: bytes(Buffer.concat([png(7, 7), SCRIPT])),
    expected: judged('image'),
  },
  {
    name: 'JPEG/ZIP polyglot',
    source: bytes(Buffer.concat([jpeg(), ascii('PK\x03\x04'), Buffer.alloc(40)])),
    expected: judged('image'),
  },
  {
    name: 'HTML with a JPEG inside',
    source: bytes(Buffer.concat([ascii('<html>'), jpeg()]), 'image/jpeg'),
    expected: unsupported(),
  },
  // ---- MP4 and MOV with broken boxes --------------------------------------------------------
  {
    name: 'MP4 whose ftyp box claims 4 GB',
    source: bytes(Buffer.concat([be32(0xffffffff), ascii('ftypisom'), be32(0x200), Buffer.alloc(50)])),
    expected: judged('video'),
  },
  {
    name: 'MP4 whose ftyp box has size 0',
    source: bytes(Buffer.concat([be32(0), ascii('ftypiso2'), be32(0x200), Buffer.alloc(60)])),
    expected: judged('video'),
  },
  {
    name: 'MP4 cut after the ftyp box type',
    source: bytes(Buffer.concat([be32(20), ascii('ftyp')])),
    expected: unsupported(),
  },
  {
    name: 'ftyp with an unknown brand',
    source: bytes(Buffer.concat([be32(16), ascii('ftypzzzz'), be32(0), Buffer.alloc(40)])),
    expected: judged('video'),
  },
  {
    name: 'ftyp with brand heic and nothing more (a HEIC with no image)',
    source: bytes(Buffer.concat([be32(16), ascii('ftypheic'), be32(0), Buffer.alloc(40)])),
    expected: unreadable('HEIC photo'),
  },
  {
    name: 'ftyp with brand M4A (audio)',
    source: bytes(Buffer.concat([be32(16), ascii('ftypM4A '), be32(0), Buffer.alloc(40)])),
    expected: unsupported('M4A'),
  },
  { name: 'MP4 with its mdat cut short', source: bytes(mp4().subarray(0, 36)), expected: judged('video') },
  {
    name: 'MOV cut to 12 bytes',
    source: bytes(mov().subarray(0, 12)),
    expected: judged('video'),
  },
  {
    name: 'MOV opening with a moov atom of size 0',
    source: bytes(Buffer.concat([be32(0), ascii('moov'), Buffer.alloc(48)])),
    expected: judged('video'),
  },
  { name: 'AVI cut to its RIFF header', source: bytes(avi().subarray(0, 12)), expected: judged('video') },
  // ---- size -----------------------------------------------------------------------------------
  {
    name: 'oversize by header: Content-Length 600 MB',
    source: { serve: { kind: 'declares', contentLength: 600 * MB, body: png() } },
    expected: {
      outcome: 'refused',
      code: 'too_large',
      message: /^That file is 600 MB; the limit is 100 MB for images and 500 MB for videos\.$/,
    },
  },
  {
    name: 'oversize by stream: a 101 MB PNG without Content-Length',
    source: { serve: { kind: 'chunked', head: png(), total: 101 * MB } },
    expected: {
      outcome: 'refused',
      code: 'too_large',
      message: /^That image is over the 100 MB limit for images\.$/,
    },
  },
  {
    name: 'oversize by claim: a platform says 600 MB',
    source: { ref: () => refOf('claimed-huge.mp4', { sizeHint: 600 * MB }) },
    expected: {
      outcome: 'refused',
      code: 'too_large',
      message: /^That file is 600 MB; the limit is 100 MB for images and 500 MB for videos\.$/,
    },
  },
  {
    name: 'oversize by claim: an image said to be 200 MB',
    source: { ref: () => refOf('claimed.png', { sizeHint: 200 * MB, mimeHint: 'image/png' }) },
    expected: {
      outcome: 'refused',
      code: 'too_large',
      message: /^That image is 200 MB; the limit for images is 100 MB\.$/,
    },
  },
  {
    name: 'Content-Length lies high: 50 KB promised, 1 KB sent',
    source: {
      serve: { kind: 'declares', contentLength: 50_000, body: Buffer.concat([png(), Buffer.alloc(900)]) },
    },
    expected: downloadFailed(/^The download from 127\.0\.0\.1 failed\.$/),
  },
  {
    name: 'Content-Length lies low: 2 KB declared, 300 KB sent (only 2 KB are read)',
    source: {
      serve: {
        kind: 'declares',
        contentLength: 2000,
        body: Buffer.concat([png(8, 8), Buffer.alloc(300_000, 1)]),
      },
    },
    expected: judged('image'),
  },
  // ---- servers that misbehave -----------------------------------------------------------------
  {
    name: 'an endless slow body (a byte every 50 ms)',
    source: { serve: { kind: 'drip' } },
    expected: timedOut(/^The download took too long\.$/),
  },
  {
    name: 'a body that stalls after the header',
    source: { serve: { kind: 'stall' } },
    expected: timedOut(
      /^The download timed out: 127\.0\.0\.1 stopped sending before the file was complete\.$/,
    ),
  },
  {
    name: 'a server that never answers',
    source: { serve: { kind: 'silent' } },
    expected: timedOut(/^The download timed out: 127\.0\.0\.1 did not answer in time\.$/),
  },
  {
    name: 'a 404',
    source: { serve: { kind: 'status', status: 404 } },
    expected: downloadFailed(/^The download from 127\.0\.0\.1 failed: the server answered 404\.$/),
  },
  {
    name: 'a 500',
    source: { serve: { kind: 'status', status: 500 } },
    expected: downloadFailed(/^The download from 127\.0\.0\.1 failed: the server answered 500\.$/),
  },
  {
    name: 'a redirect loop',
    source: { serve: { kind: 'redirect-loop' } },
    expected: downloadFailed(/^The link redirected more than 3 times\.$/),
  },
  // ---- local files (the CLI) --------------------------------------------------------------
  {
    name: 'a local file that does not exist',
    source: { ref: () => fileMediaRef('/nonexistent-bitmind-corpus/missing.jpg') },
    expected: downloadFailed(/^Cannot read missing\.jpg: there is no such file\.$/),
  },
  {
    name: 'a directory given as a file',
    source: { ref: () => fileMediaRef('/tmp') },
    expected: downloadFailed(/^Cannot read tmp: it is a directory\.$/),
  },
];

/** A MediaRef that must be refused on its claims alone: opening it fails the test. */
function refOf(name: string, claims: Pick<MediaRef, 'sizeHint' | 'mimeHint'>): MediaRef {
  return {
    name,
    ...claims,
    open: () => Promise.reject(new Error(`${name} was opened although its claimed size is over the limit`)),
  };
}
