import type { IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { request, type Dispatcher } from 'undici';
import type { Logger } from '../log.js';
import type { OpenedBody } from './bodies.js';
import { PATHS, REQUEST_ID_HEADER, type Endpoint } from './contract.js';
import type { AuthHeaders, Credentials } from './credentials.js';
import {
  detailOf,
  errorForStatus,
  networkFailure,
  type BitmindError,
  type NetworkFailure,
} from './errors.js';
import type { CallLimiter } from './limiter.js';
import { backoffDelay, parseRetryAfter, sleep } from './timing.js';
import type { Priority, RequestEvent } from './types.js';

export interface RetryPolicy {
  /** Sends per call on 5xx, resets and timeouts (1: no retry). */
  readonly attempts: number;
  /** Total time one call may spend, retries and waits included. */
  readonly maxElapsedMs: number;
  /** First backoff ceiling; it doubles each retry up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Wait after a 429 without Retry-After. */
  readonly retryAfterDefaultMs: number;
  /** Longest wait honoured from Retry-After. */
  readonly retryAfterMaxMs: number;
  /** 429s one call may wait out before giving up. */
  readonly rateLimitRetries: number;
}

export interface TransportOptions {
  readonly baseUrl: string;
  readonly dispatcher: Dispatcher;
  readonly limiter: CallLimiter;
  readonly retry: RetryPolicy;
  readonly logger: Logger;
  readonly onRequest?: (event: RequestEvent) => void;
  /** Names the credential to check when BitMind refuses us. */
  readonly credentialHint: string;
  /** Whether we present a client certificate, to explain a refused handshake. */
  readonly mtls: boolean;
}

export interface Call {
  readonly endpoint: Endpoint;
  readonly method: 'GET' | 'POST';
  /** Opens the body for one attempt. */
  readonly body?: () => Promise<OpenedBody>;
  /** Authorization for every attempt; absent for /health and the token request. */
  readonly credentials?: Credentials;
  readonly headers?: AuthHeaders;
  /**
   * Whether the call waits for the rate limiter. Token requests do not: they are rare, are not
   * inference calls, and a call holding a limiter slot may be the one waiting for the token.
   */
  readonly limited: boolean;
  readonly priority: Priority;
  readonly signal?: AbortSignal;
}

export interface Answer {
  readonly text: string;
  readonly requestId: string | undefined;
}

type Outcome =
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly text: string;
      readonly headers: IncomingHttpHeaders;
      readonly auth: AuthHeaders;
      readonly durationMs: number;
    }
  | { readonly kind: 'failure'; readonly failure: NetworkFailure; readonly durationMs: number };

/** After one failed attempt: the error to give if we stop here, and when to try again, if at all. */
interface Next {
  readonly error: BitmindError;
  readonly retryIn?: number;
  /** A 429 paused the limiter for `retryIn`: waiting in its queue is the wait. */
  readonly limiterWaits?: boolean;
}

/**
 * Sends calls with the retry rules of the contract: a 401 buys one new token and one more try;
 * 429 waits Retry-After (pausing the whole limiter); 5xx, resets and timeouts back off with jitter,
 * bounded in attempts and in total time; anything else is final.
 */
export class Transport {
  constructor(private readonly options: TransportOptions) {}

  async call(call: Call): Promise<Answer> {
    const { limiter } = this.options;
    const deadline = Date.now() + this.options.retry.maxElapsedMs;
    const state = { failures: 0, rateWaits: 0, renewed: false };
    for (let attempt = 0; ; attempt++) {
      // Have the token before taking a slot, so the limiter counts a start that is a real send.
      if (call.credentials && call.limited) await call.credentials.headers(call.signal);
      const send = () => this.#send(call);
      const outcome = call.limited
        ? await limiter.run(send, call.priority, attempt > 0, call.signal)
        : await send();

      if (outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300) {
        this.#report(call.endpoint, outcome.status, outcome.durationMs, attempt, false);
        return { text: outcome.text, requestId: requestIdOf(outcome.headers, outcome.text) };
      }
      const next = this.#next(call, outcome, state);
      const retryIn =
        next.retryIn !== undefined && Date.now() + next.retryIn <= deadline ? next.retryIn : undefined;
      const status = outcome.kind === 'answer' ? outcome.status : 0;
      this.#report(call.endpoint, status, outcome.durationMs, attempt, retryIn !== undefined);
      if (retryIn === undefined) throw next.error;
      this.options.logger.info(
        { endpoint: call.endpoint, status, attempt, waitMs: retryIn },
        'retrying a BitMind call',
      );
      if (!(next.limiterWaits && call.limited)) await sleep(retryIn, call.signal);
    }
  }

  async #send(call: Call): Promise<Outcome> {
    const auth = {
      ...call.headers,
      ...(call.credentials ? await call.credentials.headers(call.signal) : {}),
    };
    const opened = call.body ? await call.body() : undefined;
    const started = performance.now();
    try {
      const response = await request(this.options.baseUrl + PATHS[call.endpoint], {
        method: call.method,
        headers: { accept: 'application/json', ...opened?.headers, ...auth },
        body: opened?.body,
        signal: call.signal,
        dispatcher: this.options.dispatcher,
      });
      const text = await response.body.text();
      const durationMs = performance.now() - started;
      // Pause before this slot is handed on, so the next queued call does not go out into the wall.
      if (response.statusCode === 429 && call.limited) {
        this.options.limiter.pauseFor(this.#rateLimitWait(response.headers));
      }
      return {
        kind: 'answer',
        status: response.statusCode,
        text,
        headers: response.headers,
        auth,
        durationMs,
      };
    } catch (err) {
      if (call.signal?.aborted) throw call.signal.reason;
      const durationMs = performance.now() - started;
      return {
        kind: 'failure',
        // The certificate is first presented, and refused, at the token request; a connection that
        // closes later (a reset mid-upload) is the network's doing, not the certificate's.
        failure: networkFailure(
          err,
          this.options.mtls && call.endpoint === 'token' ? this.options.credentialHint : undefined,
        ),
        durationMs,
      };
    }
  }

  #next(
    call: Call,
    outcome: Outcome,
    state: { failures: number; rateWaits: number; renewed: boolean },
  ): Next {
    const { retry } = this.options;
    const backoff = (error: BitmindError): Next => {
      state.failures++;
      if (state.failures >= retry.attempts) return { error };
      return { error, retryIn: backoffDelay(state.failures - 1, retry.baseDelayMs, retry.maxDelayMs) };
    };
    if (outcome.kind === 'failure') {
      const { error, retryable } = outcome.failure;
      return retryable ? backoff(error) : { error };
    }
    const { status } = outcome;
    const wait = this.#rateLimitWait(outcome.headers);
    const error = errorForStatus({
      endpoint: call.endpoint,
      status,
      detail: detailOf(outcome.text),
      requestId: requestIdOf(outcome.headers, outcome.text),
      credentialHint: this.options.credentialHint,
      ...(status === 429 ? { retryAfterMs: wait } : {}),
    });
    if (status === 401 && call.credentials?.refreshable && !state.renewed) {
      state.renewed = true;
      call.credentials.invalidate(outcome.auth);
      return { error, retryIn: 0 };
    }
    if (status === 429 && state.rateWaits < retry.rateLimitRetries) {
      state.rateWaits++;
      return { error, retryIn: wait, limiterWaits: true };
    }
    return status >= 500 ? backoff(error) : { error };
  }

  /** How long a 429 asks us to wait: Retry-After, else the documented default, within our cap. */
  #rateLimitWait(headers: IncomingHttpHeaders): number {
    const { retry } = this.options;
    const asked = parseRetryAfter(headers['retry-after']?.toString());
    return Math.min(asked ?? retry.retryAfterDefaultMs, retry.retryAfterMaxMs);
  }

  #report(endpoint: Endpoint, status: number, durationMs: number, attempt: number, willRetry: boolean): void {
    this.options.logger.debug(
      { endpoint, status, durationMs: Math.round(durationMs), attempt },
      'BitMind call',
    );
    try {
      this.options.onRequest?.({ endpoint, status, durationMs, attempt, willRetry });
    } catch (err) {
      this.options.logger.warn({ err }, 'the onRequest hook failed');
    }
  }
}

function requestIdOf(headers: IncomingHttpHeaders, text: string): string | undefined {
  const header = headers[REQUEST_ID_HEADER];
  if (typeof header === 'string') return header;
  try {
    const id = (JSON.parse(text) as { request_id?: unknown } | null)?.request_id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
