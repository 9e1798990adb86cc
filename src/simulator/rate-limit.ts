import { rateLimitHeaders } from './guesses.js';
import { HttpError } from './http.js';

/** At most `limit` API calls per client in each fixed window of `windowMs`. */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();
  #config: RateLimit | undefined;

  constructor(config: RateLimit | undefined) {
    this.#config = validRateLimit(config);
  }

  /** Replaces the limit and forgets what each client has spent. */
  configure(config: RateLimit | undefined): void {
    this.#config = validRateLimit(config);
    this.#windows.clear();
  }

  /** Counts one call for the client, or refuses it with a 429 that says when the window reopens. */
  spend(clientId: string): void {
    const config = this.#config;
    if (!config) return;
    const now = Date.now();
    let window = this.#windows.get(clientId);
    if (!window || now - window.start >= config.windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(clientId, window);
    }
    if (window.count >= config.limit) {
      const retryAfterSeconds = (window.start + config.windowMs - now) / 1000;
      throw new HttpError(429, 'Rate limit exceeded', rateLimitHeaders(retryAfterSeconds));
    }
    window.count += 1;
  }
}

function validRateLimit(config: RateLimit | undefined): RateLimit | undefined {
  if (config && !(Number.isInteger(config.limit) && config.limit > 0 && config.windowMs > 0)) {
    throw new RangeError('rateLimit needs a positive whole limit and a positive windowMs');
  }
  return config;
}
