import type { Readable } from 'node:stream';
import { CheckError, type MediaRef } from '../domain/types.js';
import { pageMediaUrls, type PageMediaOptions } from './page-media.js';
import { displayUrl } from './url-rules.js';

/**
 * A link that answered with a web page. As an error it is the answer where pages are not followed
 * (auto-scan); a person who asked for the check gets the page's own media instead, through
 * `media`, each a link opened through the same guarded fetcher. Whoever catches it calls `media`
 * or `discard`, so the page's connection is let go.
 */
export class LinkedPage extends CheckError {
  /** The page's final URL, as shown: "example.com/news/story". */
  readonly shown: string;

  constructor(
    readonly url: URL,
    private readonly body: Readable,
    private readonly refFor: (url: string, foundOn: string) => MediaRef,
  ) {
    super('unsupported_type', `That link is a web page (${displayUrl(url)}), not an image or video.`);
    this.name = 'LinkedPage';
    const shown = `${url.host}${url.pathname}`;
    this.shown = shown.length > 80 ? `${shown.slice(0, 79)}…` : shown;
    body.on('error', () => {});
  }

  /** The media the page's card tags name (at most 4), as refs marked with the page they came from. */
  async media(options: PageMediaOptions = {}): Promise<MediaRef[]> {
    const urls = await pageMediaUrls(this.body, this.url, options);
    return urls.map((url) => this.refFor(url, this.shown));
  }

  discard(): void {
    this.body.destroy();
  }
}
