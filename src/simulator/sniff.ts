import type { MediaKind } from './contract.js';

/** Enough leading bytes to tell every accepted type apart. */
export const SNIFF_BYTES = 12;

const ascii = (head: Buffer, offset: number, text: string) =>
  head.length >= offset + text.length && head.toString('latin1', offset, offset + text.length) === text;

/** QuickTime files may open with any of these atoms instead of `ftyp`. */
const QUICKTIME_ATOMS = ['ftyp', 'moov', 'mdat', 'wide', 'free'];

function imageType(head: Buffer): string | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'image/webp';
  return undefined;
}

function videoType(head: Buffer): string | undefined {
  if (ascii(head, 4, 'ftyp')) return ascii(head, 8, 'qt  ') ? 'video/quicktime' : 'video/mp4';
  if (QUICKTIME_ATOMS.some((atom) => ascii(head, 4, atom))) return 'video/quicktime';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'AVI ')) return 'video/x-msvideo';
  return undefined;
}

/** The media type the first bytes of a file announce, if it is one the endpoint accepts. */
export function sniff(head: Buffer, kind: MediaKind): string | undefined {
  return kind === 'image' ? imageType(head) : videoType(head);
}
