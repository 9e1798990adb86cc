import { scrubText } from '../log.js';
import { MAX_BYTES, PERMISSION_OF, type Endpoint } from './contract.js';
import type { BitmindErrorCode } from './types.js';

export interface BitmindErrorInfo {
  /** HTTP status, or 0 when no response arrived or the call was refused before sending. */
  readonly status?: number;
  /** What the API said (FastAPI `detail`, or the start of any other body). */
  readonly detail?: string;
  readonly requestId?: string;
  /** For 429: how long BitMind asked us to wait. */
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/**
 * Every failure of the BitMind client. The message is fit to show a user and, like `detail`, is
 * scrubbed of anything shaped like a token, key, certificate or signed URL.
 */
export class BitmindError extends Error {
  override readonly name = 'BitmindError';
  readonly status: number;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly code: BitmindErrorCode,
    message: string,
    info: BitmindErrorInfo = {},
  ) {
    super(scrubText(message), info.cause === undefined ? undefined : { cause: info.cause });
    this.status = info.status ?? 0;
    this.detail = info.detail === undefined ? undefined : scrubText(info.detail);
    this.requestId = info.requestId;
    this.retryAfterMs = info.retryAfterMs;
  }
}

const MAX_DETAIL_CHARS = 300;

/**
 * Reads FastAPI's `{"detail": ...}` (a string, or a list of validation errors), an OAuth
 * `{"error_description": ...}`, or else the start of whatever text came back.
 */
export function detailOf(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const text = body.trim();
    return text === '' ? undefined : clip(text);
  }
  if (parsed === null || typeof parsed !== 'object') return clip(String(parsed));
  const record = parsed as Record<string, unknown>;
  const detail = record.detail ?? record.error_description ?? record.error ?? record.message;
  if (typeof detail === 'string') return clip(detail);
  if (Array.isArray(detail)) {
    return clip(
      detail
        .map((d: unknown) =>
          d && typeof d === 'object' && typeof (d as { msg?: unknown }).msg === 'string'
            ? (d as { msg: string }).msg
            : JSON.stringify(d),
        )
        .join('; '),
    );
  }
  return detail === undefined ? undefined : clip(JSON.stringify(detail));
}

function clip(text: string): string {
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}…` : text;
}

export interface StatusContext {
  readonly endpoint: Endpoint;
  readonly status: number;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  /** Names the credential to check, e.g. "BITMIND_CLIENT_ID and BITMIND_CLIENT_SECRET". */
  readonly credentialHint: string;
  readonly retryAfterMs?: number;
}

/** The error for an HTTP answer that is not a success, with a message a person can act on. */
export function errorForStatus(ctx: StatusContext): BitmindError {
  const info = {
    status: ctx.status,
    detail: ctx.detail,
    requestId: ctx.requestId,
    retryAfterMs: ctx.retryAfterMs,
  };
  const said = ctx.detail ? ` BitMind said: ${ctx.detail}` : '';
  const { status } = ctx;
  if (status === 401 || (ctx.endpoint === 'token' && (status === 400 || status === 403))) {
    return new BitmindError(
      'unauthorized',
      `BitMind did not accept our credentials: check ${ctx.credentialHint}.${said}`,
      info,
    );
  }
  if (status === 403) {
    const permission = PERMISSION_OF[ctx.endpoint];
    const needs = permission ? ` This call needs the "${permission}" permission on the BitMind client.` : '';
    return new BitmindError(
      'forbidden',
      `BitMind refused this request (permission denied).${needs}${said}`,
      info,
    );
  }
  if (status === 413) {
    return new BitmindError(
      'too_large',
      `The file is larger than BitMind accepts (images up to ${mb(MAX_BYTES.image)} MB, videos up to ${mb(MAX_BYTES.video)} MB).`,
      info,
    );
  }
  if (status === 429) {
    const wait = ctx.retryAfterMs === undefined ? '' : ` in about ${Math.ceil(ctx.retryAfterMs / 1000)} s`;
    return new BitmindError('rate_limited', `BitMind's rate limit was reached; try again${wait}.`, info);
  }
  if (status >= 400 && status < 500) {
    return new BitmindError(
      'bad_request',
      `BitMind could not process this request (HTTP ${status}).${said}`,
      info,
    );
  }
  return new BitmindError(
    'unavailable',
    `BitMind is not available right now (HTTP ${status}); try again later.`,
    info,
  );
}

export function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

/** What went wrong below HTTP, and whether trying again could help. */
export interface NetworkFailure {
  readonly error: BitmindError;
  readonly retryable: boolean;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_REQ_RETRY',
]);
/** TLS alerts by which the server turns our client certificate away. */
const CLIENT_CERT_REJECTED =
  /ALERT_(BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN|ACCESS_DENIED|CERTIFICATE_REVOKED|CERTIFICATE_EXPIRED|UNSUPPORTED_CERTIFICATE|DECRYPT_ERROR|HANDSHAKE_FAILURE)/;
/** OpenSSL's verification codes for the server's certificate. */
const SERVER_CERT_UNTRUSTED =
  /^(UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|CERT_|ERR_TLS_CERT_ALTNAME_INVALID)/;

function errorCode(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_INFO') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return 'UNKNOWN';
}

/** Whether undici's socket error says the connection closed before we read a byte of it. */
function nothingRead(err: unknown): boolean {
  const socket = (err as { socket?: { bytesRead?: unknown } }).socket;
  return socket?.bytesRead === 0;
}

/** Sorts a failure of the socket, TLS or a timeout into a BitMind error. */
export function networkFailure(err: unknown, clientCertHint: string | undefined): NetworkFailure {
  const code = errorCode(err);
  if (TIMEOUT_CODES.has(code)) {
    return {
      error: new BitmindError('timeout', `BitMind did not answer in time (${code}); try again later.`, {
        cause: err,
      }),
      retryable: true,
    };
  }
  if (CLIENT_CERT_REJECTED.test(code)) {
    const check = clientCertHint
      ? `check ${clientCertHint}`
      : 'this endpoint requires a client certificate (OAuth with mTLS)';
    return {
      error: new BitmindError(
        'unauthorized',
        `BitMind refused our TLS client certificate during the handshake (${code}): ${check}.`,
        { cause: err },
      ),
      retryable: false,
    };
  }
  if (clientCertHint && code === 'UND_ERR_SOCKET' && nothingRead(err)) {
    // A server that checks client certificates after the TLS 1.3 handshake (Node's own does) just
    // closes the connection: no alert, not a byte. Still retried, in case it was the network.
    return {
      error: new BitmindError(
        'unauthorized',
        `BitMind closed the TLS connection before answering, as a server does when it refuses a client certificate; check ${clientCertHint}.`,
        { cause: err },
      ),
      retryable: true,
    };
  }
  if (SERVER_CERT_UNTRUSTED.test(code)) {
    return {
      error: new BitmindError(
        'unavailable',
        `Could not verify BitMind's TLS certificate (${code}): for a private CA, set BITMIND_CA_CERT.`,
        { cause: err },
      ),
      retryable: false,
    };
  }
  return {
    error: new BitmindError('unavailable', `Could not reach BitMind (${code}); try again later.`, {
      cause: err,
    }),
    retryable: TRANSIENT_CODES.has(code),
  };
}
