import type { MediaKind } from './types.js';

/**
 * Every type of medium the bot knows, in one table: what sniffing, the BitMind client, the Checker,
 * the simulator and the adapters each read, so no list of names or MIME types lives anywhere else.
 *
 * BitMind reads JPEG, PNG and WebP images and MP4, MOV and AVI videos as they are (`sendAs`). The rest
 * are converted (`convertTo`): still images losslessly to PNG at their own size, videos to MP4. GIF
 * and WebP can be animated; an animated one is sent as a video (`animatedTo`), since `/image` would
 * only see its first frame.
 */
export interface MediaType {
  /** Short, stable name: `gif`, `heic`, `webm`. */
  readonly id: string;
  /** What a person calls it, in a sentence: "HEIC photo", "WebM video". */
  readonly label: string;
  /** What it is to a person; an animated GIF is still an image that gets checked as a video. */
  readonly kind: MediaKind;
  /** Its MIME types: the usual one first, then the other names in use (file-type's among them). */
  readonly mimes: readonly string[];
  /** File name extensions, lower case, without the dot. */
  readonly extensions: readonly string[];
  /** The type BitMind is sent when it reads this one as it is; absent when it must be converted. */
  readonly sendAs?: string;
  /** What it is converted to when BitMind does not read it. */
  readonly convertTo?: 'png' | 'mp4';
  /** What an animated file of this type is converted to. */
  readonly animatedTo?: 'mp4';
}

export const MEDIA_TYPES: readonly MediaType[] = [
  {
    id: 'jpeg',
    label: 'JPEG image',
    kind: 'image',
    mimes: ['image/jpeg', 'image/jpg', 'image/pjpeg'],
    extensions: ['jpg', 'jpeg', 'jfif'],
    sendAs: 'image/jpeg',
  },
  {
    // An animated PNG is still a PNG, whose first frame is what an image check sees.
    id: 'png',
    label: 'PNG image',
    kind: 'image',
    mimes: ['image/png', 'image/apng'],
    extensions: ['png', 'apng'],
    sendAs: 'image/png',
  },
  {
    id: 'webp',
    label: 'WebP image',
    kind: 'image',
    mimes: ['image/webp'],
    extensions: ['webp'],
    sendAs: 'image/webp',
    animatedTo: 'mp4',
  },
  {
    id: 'gif',
    label: 'GIF',
    kind: 'image',
    mimes: ['image/gif'],
    extensions: ['gif'],
    convertTo: 'png',
    animatedTo: 'mp4',
  },
  {
    id: 'heic',
    label: 'HEIC photo',
    kind: 'image',
    mimes: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
    extensions: ['heic', 'heif'],
    convertTo: 'png',
  },
  {
    id: 'avif',
    label: 'AVIF image',
    kind: 'image',
    mimes: ['image/avif'],
    extensions: ['avif'],
    convertTo: 'png',
  },
  {
    id: 'tiff',
    label: 'TIFF image',
    kind: 'image',
    mimes: ['image/tiff'],
    extensions: ['tif', 'tiff'],
    convertTo: 'png',
  },
  {
    id: 'bmp',
    label: 'BMP image',
    kind: 'image',
    mimes: ['image/bmp', 'image/x-ms-bmp'],
    extensions: ['bmp'],
    convertTo: 'png',
  },
  {
    id: 'mp4',
    label: 'MP4 video',
    kind: 'video',
    mimes: ['video/mp4'],
    extensions: ['mp4'],
    sendAs: 'video/mp4',
  },
  {
    id: 'mov',
    label: 'MOV video',
    kind: 'video',
    mimes: ['video/quicktime'],
    extensions: ['mov', 'qt'],
    sendAs: 'video/quicktime',
  },
  {
    // file-type names AVI video/vnd.avi, BitMind's docs video/x-msvideo.
    id: 'avi',
    label: 'AVI video',
    kind: 'video',
    mimes: ['video/x-msvideo', 'video/vnd.avi', 'video/avi'],
    extensions: ['avi'],
    sendAs: 'video/x-msvideo',
  },
  {
    // M4V is MP4 under Apple's brand, and goes as MP4.
    id: 'm4v',
    label: 'M4V video',
    kind: 'video',
    mimes: ['video/x-m4v'],
    extensions: ['m4v'],
    sendAs: 'video/mp4',
  },
  {
    id: 'webm',
    label: 'WebM video',
    kind: 'video',
    mimes: ['video/webm'],
    extensions: ['webm'],
    convertTo: 'mp4',
  },
  {
    id: 'mkv',
    label: 'MKV video',
    kind: 'video',
    mimes: ['video/x-matroska', 'video/matroska'],
    extensions: ['mkv'],
    convertTo: 'mp4',
  },
];

const byMime = new Map(MEDIA_TYPES.flatMap((t) => t.mimes.map((m) => [m, t] as const)));
const byExtension = new Map(MEDIA_TYPES.flatMap((t) => t.extensions.map((e) => [e, t] as const)));

/** The type a MIME type names (parameters and case ignored), if the bot knows it. */
export function mediaTypeOfMime(mime: string | undefined): MediaType | undefined {
  return mime === undefined ? undefined : byMime.get(mime.split(';')[0]!.trim().toLowerCase());
}

/** The type a file name's extension names, if the bot knows it. A name is a hint; the bytes decide. */
export function mediaTypeOfName(name: string): MediaType | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : byExtension.get(name.slice(dot + 1).toLowerCase());
}

/** Which types a bot can check: those BitMind reads as they are, and those it can convert. */
export type Acceptance = (type: MediaType) => boolean;

export const READ_AS_IS: Acceptance = (type) => type.sendAs !== undefined;

/** Images convert with sharp everywhere; videos only with a usable ffmpeg. */
export function convertible(canConvertVideo: boolean): Acceptance {
  return (type) => type.sendAs !== undefined || type.convertTo === 'png' || canConvertVideo;
}

/** A file name or MIME type of a medium the bot knows (whether it can check it now or not). */
export const isMediaName = (name: string): boolean => mediaTypeOfName(name) !== undefined;
export const isMediaMime = (mime: string | undefined): boolean => mediaTypeOfMime(mime) !== undefined;

/** A file name or MIME type of a medium the bot can check (`accepts`: with conversion by default). */
export function checkableByName(name: string, accepts: Acceptance = convertible(true)): boolean {
  const type = mediaTypeOfName(name);
  return type !== undefined && accepts(type);
}
export function checkableByMime(mime: string | undefined, accepts: Acceptance = convertible(true)): boolean {
  const type = mediaTypeOfMime(mime);
  return type !== undefined && accepts(type);
}

/** The content types BitMind's endpoint for `kind` is sent: `image/jpeg`, `image/png`, `image/webp`. */
export function bitmindMimes(kind: MediaKind): string[] {
  return [...new Set(MEDIA_TYPES.flatMap((t) => (t.kind === kind && t.sendAs ? [t.sendAs] : [])))];
}

/** The extension of an upload of this MIME type (`upload.png`), for the multipart file name. */
export function extensionOfMime(mime: string): string {
  return mediaTypeOfMime(mime)?.extensions[0] ?? 'bin';
}

/** "JPEG, PNG, WebP, GIF, HEIC, AVIF, TIFF and BMP images; MP4, MOV, AVI, M4V, WebM and MKV videos". */
export function supportedTypesText(accepts: Acceptance): string {
  const names = (kind: MediaKind) =>
    MEDIA_TYPES.filter((t) => t.kind === kind && accepts(t)).map((t) => t.label.split(' ')[0]!);
  return `${list(names('image'))} images; ${list(names('video'))} videos`;
}

function list(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}
