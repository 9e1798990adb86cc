import type { Logger } from '../log.js';
import type { AuditEntry, AuditQuery } from './audit-log.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the trail is trimmed besides at open: retention is in days, so hourly keeps it within the hour. */
const TRIM_EVERY_MS = 60 * 60 * 1000;

/** How long the trail keeps an entry, and the clock it is measured by (tests drive it). */
export interface Retention {
  readonly days: number;
  readonly now: () => number;
}

/** Entries from before this moment are past the retention; with 0 days, every entry is. */
export function cutoffOf(retention: Retention): number {
  return retention.days === 0 ? Infinity : retention.now() - retention.days * DAY_MS;
}

/** Whether an entry falls in `query` and within the retention: what every reader returns. */
export function wanted(entry: AuditEntry, query: AuditQuery, cutoff: number): boolean {
  const at = Date.parse(entry.at);
  if (at < cutoff) return false;
  if (query.since !== undefined && at < query.since) return false;
  if (query.until !== undefined && at >= query.until) return false;
  const { scope } = query;
  return !scope || (entry.platform === scope.platform && entry.workspace === scope.workspace);
}

/**
 * Trims on a timer that never keeps the process alive; a trim still running when the next is due
 * is not doubled. A failure (Redis down, a disk error) is logged and tried again at the next tick.
 */
export function trimEveryHour(trim: () => Promise<void>, logger: Logger): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void trim()
      .catch((err: unknown) => logger.warn({ err }, 'the audit trail could not be trimmed; trying again'))
      .finally(() => (running = false));
  }, TRIM_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * A trail trimmed once before it is handed out, so a bot stopped for a month starts within its
 * retention; if that first trim fails, the trail is closed (its hourly trim stopped) and the error
 * stands.
 */
export async function trimmedAtOpen<T extends { trim(): Promise<void>; close(): Promise<void> }>(
  trail: T,
): Promise<T> {
  try {
    await trail.trim();
  } catch (err) {
    await trail.close();
    throw err;
  }
  return trail;
}
