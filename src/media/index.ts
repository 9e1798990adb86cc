/** The media layer: guarded downloads, type sniffing by magic bytes, spooling while hashing. */
export type { MediaFetcher } from './types.js';
export { createMediaFetcher, type ClosableMediaFetcher, type MediaFetcherOptions } from './fetcher.js';
export { spool, type SpooledMedia, type SpoolOptions } from './spool.js';
export { urlMediaRef, fileMediaRef } from './refs.js';
export { LIMITS, checkSizeHint, type Limits } from './limits.js';
export { DownloadError } from './errors.js';
export { isPublicAddress, type AddressPolicy } from './address-policy.js';
export { MAX_URL_LENGTH } from './url-rules.js';
