/** The BitMind Enterprise API client: everything a user of it needs, and nothing else. */
export { createBitmindClient } from './client.js';
export { BitmindError } from './errors.js';
export { MAX_BATCH, MAX_BYTES } from './contract.js';
export { bitmindOptionsFromConfig, type BitmindClientOptions } from './options.js';
export { abortable } from './timing.js';
export type { BitmindAuth } from './credentials.js';
export type { RateLog } from './shared-limiter.js';
export type { RetryPolicy } from './transport.js';
export type * from './types.js';
