import type { Readable } from 'node:stream';

/**
 * Opens the bytes behind a URL. Errors are `CheckError`s (`blocked_url`, `download_failed`,
 * `too_large`, `timeout`); a `DownloadError` also carries the HTTP status, so an adapter can tell an
 * expired signed URL (403/404) from other failures.
 */
export interface MediaFetcher {
  /** A URL a user typed: only public addresses, every redirect hop checked, no credentials sent. */
  openUrl(url: string, signal: AbortSignal): Promise<Readable>;
  /**
   * A platform's own file URL on a host the adapter has already vetted (files.slack.com, Discord's
   * CDN, or the configured API host). Headers go to that URL only; a redirect is never followed with them.
   */
  openTrusted(
    url: string,
    init: { headers?: Record<string, string>; signal: AbortSignal },
  ): Promise<Readable>;
}
