import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { Parser } from 'htmlparser2';

/** The Open Graph and Twitter card tags that name a page's own picture or video. */
const MEDIA_TAGS = new Set([
  'og:image',
  'og:image:url',
  'og:image:secure_url',
  'og:video',
  'og:video:url',
  'og:video:secure_url',
  'twitter:image',
  'twitter:image:src',
]);

export interface PageMediaOptions {
  /** Bytes of the page read at most; the rest is never asked for. 1 MiB by default. */
  readonly maxBytes?: number;
  /** Media URLs returned at most; 4 by default. */
  readonly max?: number;
  readonly signal?: AbortSignal;
}

export const PAGE_READ_BYTES = 1024 * 1024;
export const PAGE_MEDIA_MAX = 4;

/**
 * The media a page's card tags name (`og:image`, `og:video`, `twitter:image` and their forms), in
 * the order they appear, resolved against the page's final URL, http(s) only, without repeats. The
 * page streams through htmlparser2 and reading stops at `maxBytes`: a huge page costs no more than
 * its first MiB. The body is destroyed when done.
 */
export async function pageMediaUrls(
  body: Readable,
  pageUrl: URL,
  options: PageMediaOptions = {},
): Promise<string[]> {
  const maxBytes = options.maxBytes ?? PAGE_READ_BYTES;
  const max = options.max ?? PAGE_MEDIA_MAX;
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'meta') return;
        const key = (attributes.property ?? attributes.name ?? '').trim().toLowerCase();
        const content = attributes.content?.trim();
        if (!MEDIA_TAGS.has(key) || !content) return;
        const url = resolve(content, pageUrl);
        if (url && !found.includes(url)) found.push(url);
      },
    },
    { decodeEntities: true },
  );
  const decoder = new StringDecoder('utf8');
  let read = 0;
  try {
    for await (const chunk of body) {
      options.signal?.throwIfAborted();
      const piece = (chunk as Buffer).subarray(0, maxBytes - read);
      read += piece.length;
      parser.write(decoder.write(piece));
      if (read >= maxBytes) break;
    }
    parser.end(decoder.end());
  } finally {
    body.destroy();
  }
  return found.slice(0, max);
}

function resolve(content: string, base: URL): string | undefined {
  try {
    const url = new URL(content, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
