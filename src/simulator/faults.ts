import { errorBody } from './guesses.js';
import { holdResponse, sendJson, type Exchange } from './http.js';
import type { RateLimit } from './rate-limit.js';

/**
 * A scripted answer for an upcoming request. Without `path` it waits for the next API call
 * (/status, /image, /video, /batch_image, /batch_video), so a token request or a health probe does
 * not use it up; with `path` it waits for the next request to exactly that path (the token endpoint
 * and /health included).
 */
export type Fault =
  | {
      readonly kind: 'status';
      readonly status: number;
      /** Seconds, or a raw header value (an HTTP date, or garbage to test a client's parsing). */
      readonly retryAfter?: number | string;
      readonly detail?: string;
      readonly path?: string;
    }
  /** Reads the first chunk of the body (so an upload is cut mid-way), then destroys the socket. */
  | { readonly kind: 'reset'; readonly path?: string }
  /** Holds the request `ms` then answers normally; without `ms`, holds it until the client gives up. */
  | { readonly kind: 'stall'; readonly ms?: number; readonly path?: string };

export interface FaultSettings {
  /** Added before every API answer. */
  readonly latencyMs?: number;
  /** Added per MiB of body received, before every API answer. */
  readonly latencyPerMbMs?: number;
  /** Fraction (0..1) of API calls answered with a random 5xx after reading their body. */
  readonly errorRate?: number;
  /** Per-client limit on API calls; `null` turns it off. */
  readonly rateLimit?: RateLimit | null;
}

const RANDOM_ERRORS = [500, 502, 503, 504] as const;

const DEFAULT_DETAIL: Record<number, string> = {
  429: 'Rate limit exceeded',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service temporarily unavailable',
  504: 'Gateway timeout',
};

export class FaultPlan {
  readonly #scripted: Fault[] = [];
  latencyMs = 0;
  latencyPerMbMs = 0;
  errorRate = 0;

  /** Applies the numeric settings (the rate limit is the limiter's business). */
  configure(settings: FaultSettings): void {
    const { latencyMs, latencyPerMbMs, errorRate } = settings;
    for (const [name, value] of Object.entries({ latencyMs, latencyPerMbMs, errorRate })) {
      if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
        throw new RangeError(`${name} must be a number ≥ 0`);
      }
    }
    if (errorRate !== undefined && errorRate > 1) throw new RangeError('errorRate must be between 0 and 1');
    this.latencyMs = latencyMs ?? this.latencyMs;
    this.latencyPerMbMs = latencyPerMbMs ?? this.latencyPerMbMs;
    this.errorRate = errorRate ?? this.errorRate;
  }

  script(faults: readonly Fault[]): void {
    for (const fault of faults) {
      if (
        fault.kind === 'status' &&
        !(Number.isInteger(fault.status) && fault.status >= 400 && fault.status <= 599)
      ) {
        throw new RangeError('a scripted status must be an error status (400..599)');
      }
    }
    this.#scripted.push(...faults);
  }

  /** The first scripted fault meant for this request, removed from the script. */
  take(path: string, isApiCall: boolean): Fault | undefined {
    const index = this.#scripted.findIndex((f) => (f.path === undefined ? isApiCall : f.path === path));
    return index === -1 ? undefined : this.#scripted.splice(index, 1)[0];
  }

  /** How long to wait before answering an API call whose body had `bytes` bytes. */
  latencyFor(bytes: number): number {
    return this.latencyMs + (this.latencyPerMbMs * bytes) / (1024 * 1024);
  }

  /** A 5xx to answer instead, as often as `errorRate` says. */
  randomError(): number | undefined {
    if (this.errorRate === 0 || Math.random() >= this.errorRate) return undefined;
    return RANDOM_ERRORS[Math.floor(Math.random() * RANDOM_ERRORS.length)];
  }
}

/** Answers with an error status; `Retry-After` only when asked for, exactly as given. */
export function sendStatus(
  ex: Exchange,
  status: number,
  detail?: string,
  retryAfter?: number | string,
): void {
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  sendJson(ex, status, errorBody(detail ?? DEFAULT_DETAIL[status] ?? 'Simulated error'), headers);
}

/** Plays a scripted fault; resolves to whether the request should still be handled normally. */
export async function playFault(ex: Exchange, fault: Fault): Promise<boolean> {
  ex.entry.fault = fault.kind;
  switch (fault.kind) {
    case 'status':
      sendStatus(ex, fault.status, fault.detail, fault.retryAfter);
      return false;
    case 'stall':
      return holdResponse(ex, fault.ms);
    case 'reset':
      await firstChunk(ex);
      ex.req.socket.destroy();
      return false;
  }
}

function firstChunk(ex: Exchange): Promise<void> {
  return new Promise((resolve) => {
    const { req } = ex;
    const done = () => resolve();
    req.once('data', (chunk: Buffer) => {
      ex.entry.bytesReceived += chunk.length;
      req.pause();
      done();
    });
    req.once('end', done);
    req.once('close', done);
    req.resume();
  });
}
