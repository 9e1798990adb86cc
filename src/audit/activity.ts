import type { Scope } from '../settings/store.js';
import type { AuditTrail } from './audit-log.js';

/** What a workspace's admins see of recent activity (Slack's App Home). */
export interface Activity {
  readonly checks: number;
  /** Checks with strong or some evidence of AI generation in any medium. */
  readonly flagged: number;
  /** "Wrong result?" reports. */
  readonly wrongResults: number;
  /** Checks by trigger (command, shortcut, autoscan, reaction, recheck), most first. */
  readonly byTrigger: ReadonlyArray<readonly [trigger: string, checks: number]>;
}

/** Counts a workspace's checks and reports since `since` (ms), read from the trail. */
export async function activitySince(trail: AuditTrail, scope: Scope, since: number): Promise<Activity> {
  let checks = 0;
  let flagged = 0;
  let wrongResults = 0;
  const byTrigger = new Map<string, number>();
  for await (const entry of trail.entries({ scope, since })) {
    if (entry.type === 'feedback') wrongResults++;
    if (entry.type !== 'check') continue;
    checks++;
    if (entry.items.some((i) => i.band === 'strong' || i.band === 'some')) flagged++;
    byTrigger.set(entry.trigger, (byTrigger.get(entry.trigger) ?? 0) + 1);
  }
  const ordered = [...byTrigger].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return { checks, flagged, wrongResults, byTrigger: ordered };
}
