import { CheckError } from '../domain/types.js';

/**
 * A download that did not deliver: `status` is the HTTP status when the server answered (an adapter
 * re-fetches an expired signed URL on 403/404), `htmlBody` is true when a platform's file URL answered
 * with a web page (Slack's sign-in page when the bot lacks the files:read scope).
 */
export class DownloadError extends CheckError {
  readonly status: number | undefined;
  readonly contentType: string | undefined;
  readonly htmlBody: boolean;

  constructor(
    message: string,
    details: { status?: number; contentType?: string; htmlBody?: boolean; cause?: unknown } = {},
  ) {
    super('download_failed', message, { cause: details.cause });
    this.name = 'DownloadError';
    this.status = details.status;
    this.contentType = details.contentType;
    this.htmlBody = details.htmlBody ?? false;
  }
}

export function blockedUrl(reason: string): CheckError {
  return new CheckError('blocked_url', `That address is not allowed: ${reason}.`);
}

const TIMEOUTS: Readonly<Record<string, string>> = {
  UND_ERR_CONNECT_TIMEOUT: 'could not be reached in time',
  ETIMEDOUT: 'could not be reached in time',
  UND_ERR_HEADERS_TIMEOUT: 'did not answer in time',
  UND_ERR_BODY_TIMEOUT: 'stopped sending before the file was complete',
};

/**
 * Turns whatever a download threw into an error fit to show: our own errors pass through, undici's
 * timeouts become `timeout`, anything else `download_failed` naming only the host. An abort by the
 * caller is the caller's business and is rethrown as its reason.
 */
export function toDownloadError(err: unknown, host: string, signal?: AbortSignal): Error {
  if (err instanceof CheckError) return err;
  if (signal?.aborted) return abortReason(signal);
  const code = (err as { code?: unknown } | null)?.code;
  const timeout = typeof code === 'string' ? TIMEOUTS[code] : undefined;
  if (timeout !== undefined) {
    return new CheckError('timeout', `The download timed out: ${host} ${timeout}.`, { cause: err });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new DownloadError(`The download failed: ${host} could not be found.`, { cause: err });
  }
  return new DownloadError(`The download from ${host} failed.`, { cause: err });
}

/** A deadline the caller set with AbortSignal.timeout is still a timeout to the person waiting. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError') {
    return new CheckError('timeout', 'The download took too long.', { cause: reason });
  }
  return reason instanceof Error ? reason : new DOMException('The check was cancelled.', 'AbortError');
}
