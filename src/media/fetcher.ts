import type { Readable } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';
import { CheckError } from '../domain/types.js';
import type { Logger } from '../log.js';
import { allowAnyAddress, isPublicAddress, type AddressPolicy } from './address-policy.js';
import { DownloadError, toDownloadError } from './errors.js';
import { guardedLookup, systemResolver, type Resolver } from './guarded-lookup.js';
import type { MediaFetcher } from './types.js';
import { LinkedPage } from './linked-page.js';
import { urlMediaRef } from './refs.js';
import { acceptResponse, redirectTarget, type AcceptOptions } from './response.js';
import { checkUrl, displayHost } from './url-rules.js';

export interface MediaFetcherOptions {
  /** ALLOW_PRIVATE_URLS: lifts the address rule, for local development only. */
  readonly allowPrivateUrls: boolean;
  readonly connectTimeoutMs: number;
  /** Longest silence while waiting for the headers or between two pieces of the body. */
  readonly idleTimeoutMs: number;
  /** Redirects followed per download; 3 by default. */
  readonly maxRedirects?: number;
  readonly logger: Logger;
  /** Called with every chunk's size, for the downloaded-bytes metric. */
  readonly onBytes?: (n: number) => void;
  /**
   * Which addresses count as public; `isPublicAddress` by default. Tests with only loopback at hand
   * let one loopback address play the public internet.
   */
  readonly isAllowedAddress?: AddressPolicy;
  /** How host names resolve; the system resolver by default (tests map names to loopback). */
  readonly resolve?: Resolver;
}

export interface ClosableMediaFetcher extends MediaFetcher {
  /** Closes the connection pools. */
  close(): Promise<void>;
}

const USER_AGENT = 'bitmind-bot (+https://github.com/bitmind-bot)';

/**
 * Downloads media by URL. A user's link goes through the guarded path: every hop's URL is checked,
 * and its host is resolved once and connected to only on an allowed address (the pinned lookup).
 * A platform's file URL goes out with its headers on a plain connection, and any redirect it sends
 * is followed without them, through the guarded path.
 */
export function createMediaFetcher(options: MediaFetcherOptions): ClosableMediaFetcher {
  const maxRedirects = options.maxRedirects ?? 3;
  const policy = options.allowPrivateUrls ? allowAnyAddress : (options.isAllowedAddress ?? isPublicAddress);
  if (options.allowPrivateUrls) {
    options.logger.warn(
      'ALLOW_PRIVATE_URLS is on: links to loopback, private and cloud metadata addresses will be fetched. Use this for local development only.',
    );
  }
  const timeouts = { headersTimeout: options.idleTimeoutMs, bodyTimeout: options.idleTimeoutMs };
  const guarded = new Agent({
    ...timeouts,
    connect: {
      timeout: options.connectTimeoutMs,
      lookup: guardedLookup(policy, options.resolve ?? systemResolver),
    },
  });
  const trusted = new Agent({ ...timeouts, connect: { timeout: options.connectTimeoutMs } });

  async function get(
    agent: Dispatcher,
    url: URL,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<Dispatcher.ResponseData> {
    try {
      return await request(url, {
        dispatcher: agent,
        method: 'GET',
        headers: { 'user-agent': USER_AGENT, ...headers },
        signal,
      });
    } catch (err) {
      throw toDownloadError(err, displayHost(url.hostname), signal);
    }
  }

  function nextHop(response: Dispatcher.ResponseData, from: URL, redirectsLeft: number): string | undefined {
    const target = redirectTarget(response, from);
    if (target !== undefined && redirectsLeft <= 0) {
      throw new DownloadError(`The link redirected more than ${maxRedirects} times.`, {
        status: response.statusCode,
      });
    }
    return target;
  }

  async function openGuarded(
    raw: string,
    signal: AbortSignal,
    hops: { redirectsLeft: number; rejectHtml: boolean; asPage?: AcceptOptions['asPage'] },
  ): Promise<Readable> {
    let url = checkUrl(raw, policy);
    for (let left = hops.redirectsLeft; ; left--) {
      const response = await get(guarded, url, {}, signal);
      const target = nextHop(response, url, left);
      if (target === undefined) {
        return acceptResponse(response, url, {
          signal,
          rejectHtml: hops.rejectHtml,
          asPage: hops.asPage,
          onBytes: options.onBytes,
        });
      }
      url = checkUrl(target, policy);
    }
  }

  function logRefusal(err: unknown): never {
    if (err instanceof CheckError && err.code === 'blocked_url') {
      options.logger.info({ reason: err.message }, 'refused a link');
    }
    throw err;
  }

  const fetcher: ClosableMediaFetcher = {
    // A web page is not refused here: it may hold the picture a person meant (see LinkedPage).
    openUrl: (url, signal) =>
      openGuarded(url, signal, {
        redirectsLeft: maxRedirects,
        rejectHtml: false,
        asPage: (pageUrl, body) =>
          new LinkedPage(pageUrl, body, (found, foundOn) => ({ ...urlMediaRef(found, fetcher), foundOn })),
      }).catch(logRefusal),

    async openTrusted(raw, init) {
      const url = checkUrl(raw);
      const response = await get(trusted, url, init.headers ?? {}, init.signal);
      const target = nextHop(response, url, maxRedirects);
      if (target === undefined) {
        return acceptResponse(response, url, {
          signal: init.signal,
          rejectHtml: true,
          onBytes: options.onBytes,
        });
      }
      // Never with the headers, and only where a user's own link could go.
      return openGuarded(target, init.signal, { redirectsLeft: maxRedirects - 1, rejectHtml: true }).catch(
        logRefusal,
      );
    },

    async close() {
      await Promise.all([guarded.close(), trusted.close()]);
    },
  };
  return fetcher;
}
