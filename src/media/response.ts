import { Transform, type Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { DownloadError, toDownloadError } from './errors.js';
import { largestLimit, tooLargeForAnyKind } from './limits.js';
import { displayHost } from './url-rules.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Where a redirect points, resolved against the URL that sent it, or undefined when the response is
 * not a redirect. The redirect's own body is discarded.
 */
export function redirectTarget(response: Dispatcher.ResponseData, from: URL): string | undefined {
  if (!REDIRECTS.has(response.statusCode)) return undefined;
  discard(response.body);
  const location = headerValue(response.headers.location);
  if (location === undefined) {
    throw new DownloadError(`${displayHost(from.hostname)} redirected without saying where.`, {
      status: response.statusCode,
    });
  }
  try {
    return new URL(location, from).href;
  } catch {
    throw new DownloadError(`${displayHost(from.hostname)} redirected to an invalid address.`, {
      status: response.statusCode,
    });
  }
}

export interface AcceptOptions {
  readonly signal: AbortSignal;
  /** A platform's file URL answers with the file; a web page there means the bot may not read it. */
  readonly rejectHtml: boolean;
  /** A web page where a link was due: the error to throw, carrying the page's body for whoever follows it. */
  readonly asPage?: (url: URL, body: Readable) => Error;
  readonly onBytes?: (n: number) => void;
}

/**
 * Turns a final response into the body stream, or into one clear error: an HTTP failure (with its
 * status), a web page where a file was due, or a declared size above every limit (refused before a
 * byte of the body is read). The stream's own errors arrive as `CheckError`s too.
 */
export function acceptResponse(
  response: Dispatcher.ResponseData,
  url: URL,
  options: AcceptOptions,
): Readable {
  const host = displayHost(url.hostname);
  const status = response.statusCode;
  const contentType = headerValue(response.headers['content-type']);
  const html = contentType !== undefined && /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
  if (status < 200 || status > 299) {
    discard(response.body);
    throw new DownloadError(`The download from ${host} failed: the server answered ${status}.`, {
      status,
      contentType,
      htmlBody: html,
    });
  }
  if (html && options.rejectHtml) {
    discard(response.body);
    throw new DownloadError(`${host} answered with a web page instead of the file.`, {
      status,
      contentType,
      htmlBody: true,
    });
  }
  if (html && options.asPage) throw options.asPage(url, relay(response.body, host, options));
  const declared = Number(headerValue(response.headers['content-length']));
  if (Number.isFinite(declared) && declared > largestLimit()) {
    discard(response.body);
    throw tooLargeForAnyKind(declared);
  }
  return relay(response.body, host, options);
}

/**
 * The body, passed through a stream that counts bytes for the metrics and turns undici's errors
 * (an idle timeout, a reset) into errors fit to show. A consumer that stops reading releases the
 * connection.
 */
function relay(body: Readable, host: string, options: AcceptOptions): Readable {
  const out = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      options.onBytes?.(chunk.length);
      callback(null, chunk);
    },
  });
  body.on('error', (err) => out.destroy(toDownloadError(err, host, options.signal)));
  out.once('close', () => body.destroy());
  body.pipe(out);
  return out;
}

/** Drops a body we will not read; undici reports that as an abort, which is expected here. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
