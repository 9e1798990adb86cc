import { isFlagged } from '../check/wording.js';
import type { ReplyMode } from '../config.js';
import type { ReportView } from '../domain/types.js';
import type { Mark, ReplyBody, ReplyPlan } from './plan.js';
import type { ResultButtons } from './result-actions.js';

/** A report in one word: evidence anywhere wins, then any failure, else clean. */
export function markOf(body: ReplyBody): Mark {
  if (body.kind === 'failure') return 'failed';
  const { items } = body.report;
  if (items.some(isFlagged)) return 'flagged';
  return items.some((i) => 'error' in i) ? 'failed' : 'clean';
}

/** Whether a trigger's answer is announced by a placeholder: every kind but auto-scan's quiet modes. */
export function wantsPlaceholder(kind: string, mode: ReplyMode): boolean {
  return kind !== 'autoscan' || mode === 'all';
}

/**
 * The final answer. People who asked get a reply; auto-scan follows the channel's mode: `all`
 * replies to everything, `flagged` replies to evidence and to failures (a failure is worth a word)
 * and marks the rest, `silent` only marks.
 */
export function finalPlan(
  kind: string,
  mode: ReplyMode,
  body: ReplyBody,
  placeholder: boolean,
  result?: ResultButtons,
): ReplyPlan {
  if (kind === 'autoscan' && mode !== 'all') {
    const mark = markOf(body);
    if (mode === 'silent' || mark === 'clean') return { kind: 'reaction', mark };
  }
  // A verdict carries its buttons; a failure has nothing to recheck or dispute.
  return { kind: 'reply', placeholder, body, ...(result && body.kind === 'report' ? { result } : {}) };
}

export function reportBody(report: ReportView, repeat = false): ReplyBody {
  return { kind: 'report', report, repeat };
}
