import { LRUCache } from 'lru-cache';

/**
 * Remembers the deliveries already handled, so Slack's retries (same event_id, `x-slack-retry-num`)
 * and Socket Mode redeliveries (same envelope_id) never produce a second reply. An hour is longer
 * than Slack's retry schedule (about 5 minutes in all).
 */
export function createDeliveryFilter(options: { max?: number; ttlMs?: number } = {}) {
  const seen = new LRUCache<string, true>({ max: options.max ?? 10_000, ttl: options.ttlMs ?? 3_600_000 });
  return {
    /** True the first time any of these ids is seen; every id is remembered from then on. */
    isFirst(ids: readonly string[]): boolean {
      const first = !ids.some((id) => seen.has(id));
      for (const id of ids) seen.set(id, true);
      return first;
    },
  };
}
