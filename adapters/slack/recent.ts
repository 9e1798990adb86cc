import type { CheckReport } from '../../src/domain/types.js';
import { isVerdict } from '../../src/domain/types.js';
import { isFlagged } from '../../src/check/wording.js';

export interface RecentCheck {
  readonly at: Date;
  readonly trigger: CheckReport['request']['trigger'];
  readonly files: number;
  readonly flagged: number;
  readonly failed: number;
}

/** The last few checks of each workspace, for `/bitmind status`; kept in memory, lost on restart. */
export function createRecentChecks(perWorkspace = 5, maxWorkspaces = 1000) {
  const byTeam = new Map<string, RecentCheck[]>();
  return {
    record(teamId: string, report: CheckReport): void {
      const list = byTeam.get(teamId) ?? [];
      list.unshift({
        at: new Date(),
        trigger: report.request.trigger,
        files: report.items.length,
        flagged: report.items.filter(isFlagged).length,
        failed: report.items.filter((i) => !isVerdict(i)).length,
      });
      list.length = Math.min(list.length, perWorkspace);
      byTeam.delete(teamId);
      byTeam.set(teamId, list);
      if (byTeam.size > maxWorkspaces) byTeam.delete(byTeam.keys().next().value ?? teamId);
    },
    list(teamId: string): readonly RecentCheck[] {
      return byTeam.get(teamId) ?? [];
    },
  };
}

export type RecentChecks = ReturnType<typeof createRecentChecks>;
