import { z } from 'zod';
import type { Scope } from '../settings/store.js';
import type { StateStore } from '../state/store.js';
import { isFlagged } from '../check/wording.js';
import type { ReportView } from '../domain/types.js';
import type { ChatTriggerKind, Place } from './trigger.js';

const KEEP = 5;
const KEEP_FOR_MS = 7 * 24 * 60 * 60 * 1000;

const recentSchema = z.object({
  at: z.number(),
  trigger: z.enum(['command', 'shortcut', 'autoscan', 'reaction']),
  files: z.number(),
  flagged: z.number(),
  failed: z.number(),
});

export type RecentCheck = z.infer<typeof recentSchema>;

/** The last few checks of each workspace, for `status`: kept in the state store, shared and kept across restarts. */
export function createRecentChecks(state: StateStore) {
  const keyOf = (platform: string, workspace: string) => `recent:${platform}:${workspace}`;

  return {
    async record(place: Place, kind: ChatTriggerKind, report: ReportView, at: number): Promise<void> {
      const entry: RecentCheck = {
        at,
        trigger: kind,
        files: report.items.length,
        flagged: report.items.filter(isFlagged).length,
        failed: report.items.filter((i) => 'error' in i).length,
      };
      await state.pushCapped(
        keyOf(place.platform, place.workspace),
        JSON.stringify(entry),
        KEEP,
        KEEP_FOR_MS,
      );
    },
    forget: (scope: Scope) => state.delete(keyOf(scope.platform, scope.workspace)),
    async list(platform: string, workspace: string): Promise<RecentCheck[]> {
      const raw = await state.list(keyOf(platform, workspace));
      return raw.flatMap((text) => {
        try {
          const parsed = recentSchema.safeParse(JSON.parse(text));
          return parsed.success ? [parsed.data] : [];
        } catch {
          return [];
        }
      });
    },
  };
}
