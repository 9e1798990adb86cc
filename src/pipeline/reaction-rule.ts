import { z } from 'zod';
import type { Scope } from '../settings/store.js';
import type { StateStore } from '../state/store.js';
import { deleteByPrefix } from '../state/delete-by-prefix.js';
import type { ReportView } from '../domain/types.js';
import { mediaSpecSchema } from './jobs.js';
import type { MediaSpec, Place } from './trigger.js';

const HOUR_MS = 60 * 60 * 1000;
const CHECKING = 'checking';
/** Failures a new attempt cannot change: answering them again would only add noise. */
const LASTING_ERRORS = new Set(['unsupported_type', 'too_large', 'blocked_url']);

const reportSchema = z.object({ items: z.array(z.record(z.string(), z.unknown())), skipped: z.number() });

/**
 * What a message's mark keeps once it was answered: the verdict, to post it again, and the media it
 * was about, so that the repost's Recheck checks them again. (A mark an older version wrote, the
 * report alone, reads as answered: no repost for the hour it lasts.)
 */
export interface Answered {
  readonly report: ReportView;
  readonly media: readonly MediaSpec[];
}

const answeredSchema = z.object({ report: reportSchema, media: z.array(mediaSpecSchema) });

export type ReactionDecision =
  | { readonly kind: 'check' }
  | ({ readonly kind: 'repeat' } & Answered)
  | { readonly kind: 'nothing'; readonly reason: 'checking' | 'answered' };

/**
 * The trigger reaction's rule, the same on every platform: a message is checked once; a verdict is
 * posted again (from what was answered) at most once per message and hour, however many people add
 * the emoji; a failure never blocks a retry, and the retry makes a new attempt.
 */
export function createReactionRule(state: StateStore) {
  const prefixOf = (scope: Scope) => `reaction:${scope.platform}:${scope.workspace}:`;
  const keyOf = (p: Place) => `${prefixOf(p)}${p.channel}:${p.message ?? ''}`;

  return {
    async decide(place: Place): Promise<ReactionDecision> {
      const key = keyOf(place);
      if (await state.setIfAbsent(key, CHECKING, HOUR_MS)) return { kind: 'check' };
      const held = await state.get(key);
      if (held === undefined)
        return (await state.setIfAbsent(key, CHECKING, HOUR_MS))
          ? { kind: 'check' }
          : { kind: 'nothing', reason: 'checking' };
      if (held === CHECKING) return { kind: 'nothing', reason: 'checking' };
      if (!(await state.setIfAbsent(`${key}:repeated`, '1', HOUR_MS)))
        return { kind: 'nothing', reason: 'answered' };
      const parsed = answeredSchema.safeParse(JSON.parse(held));
      return parsed.success
        ? { kind: 'repeat', ...(parsed.data as unknown as Answered) }
        : { kind: 'nothing', reason: 'answered' };
    },

    /** Keeps a lasting answer for repeats; forgets anything a retry could improve. */
    async settle(place: Place, answered: Answered | undefined): Promise<void> {
      const key = keyOf(place);
      const lasting =
        answered !== undefined &&
        answered.report.items.every((item) => !('error' in item) || LASTING_ERRORS.has(item.error.code));
      if (lasting) await state.set(key, JSON.stringify(answered), HOUR_MS);
      else await state.delete(key);
    },

    forget: (scope: Scope) => deleteByPrefix(state, prefixOf(scope)),
  };
}
