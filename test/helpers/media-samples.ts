import { Readable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Small media files for tests, built byte by byte: a real PNG (zlib-compressed pixels, valid CRCs) and
 * minimal JPEG, WebP, MP4, MOV, M4V and AVI files whose headers carry the right magic bytes. Each
 * returns a fresh Buffer.
 */

const ascii = (text: string) => Buffer.from(text, 'latin1');

function be32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function le32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([ascii(type), data]);
  return Buffer.concat([be32(data.length), typed, be32(crc32(typed))]);
}

/** A real width×height RGB PNG of grey pixels, decodable by any viewer. */
export function png(width = 2, height = 2): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** SOI, a JFIF APP0 segment and EOI. */
export function jpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    ascii('JFIF\0'),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function riff(form: string, body: Buffer): Buffer {
  return Buffer.concat([ascii('RIFF'), le32(4 + body.length), ascii(form), body]);
}

/** A RIFF/WEBP container with a lossless (VP8L) 1×1 bitstream header. */
export function webp(): Buffer {
  const vp8l = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x88, 0x88, 0x08, 0x00, 0x00]);
  return riff('WEBP', Buffer.concat([ascii('VP8L'), le32(vp8l.length), vp8l]));
}

/** A RIFF/AVI container with an empty main AVI header (avih) in its hdrl list. */
export function avi(): Buffer {
  const avih = Buffer.concat([ascii('avih'), le32(56), Buffer.alloc(56)]);
  const hdrl = Buffer.concat([ascii('hdrl'), avih]);
  return riff('AVI ', Buffer.concat([ascii('LIST'), le32(hdrl.length), hdrl]));
}

function box(type: string, payload: Buffer): Buffer {
  return Buffer.concat([be32(8 + payload.length), ascii(type), payload]);
}

function isoMedia(majorBrand: string, compatible: string[]): Buffer {
  const ftyp = box('ftyp', Buffer.concat([ascii(majorBrand), be32(0x200), ...compatible.map(ascii)]));
  return Buffer.concat([ftyp, box('free', Buffer.alloc(0)), box('mdat', Buffer.alloc(16))]);
}

export const mp4 = (): Buffer => isoMedia('isom', ['isom', 'iso2', 'mp41']);
export const mov = (): Buffer => isoMedia('qt  ', ['qt  ']);
export const m4v = (): Buffer => isoMedia('M4V ', ['M4V ', 'M4A ', 'mp42', 'isom']);

/** Formats BitMind does not take, and things that are not media at all. */
export const gif = (): Buffer => Buffer.concat([ascii('GIF89a'), Buffer.from([1, 0, 1, 0, 0, 0, 0, 0x3b])]);
export const htmlPage = (): Buffer =>
  ascii('<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>');
export const plainText = (): Buffer => ascii('These are the meeting notes, not a photo.\n');

/** The sample followed by zeros up to `total` bytes (a trailer every format here tolerates). */
export function padded(sample: Buffer, total: number): Buffer {
  return Buffer.concat([sample, Buffer.alloc(Math.max(0, total - sample.length))]);
}

/** `head` then zeros, `total` bytes in all, produced 64 KB at a time so nothing large sits in memory. */
export function streamOf(head: Buffer, total: number): Readable {
  const chunkSize = 64 * 1024;
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) {
        this.push(null);
        return;
      }
      const first = sent === 0 ? head : Buffer.alloc(0);
      const size = Math.min(chunkSize, total - sent);
      const chunk = Buffer.concat([first, Buffer.alloc(Math.max(0, size - first.length))]);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}
