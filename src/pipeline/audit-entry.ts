import type { AuditEntry, AuditItem } from '../audit/audit-log.js';
import { bandOf } from '../check/wording.js';
import { isVerdict, type ItemView, type ReportView } from '../domain/types.js';
import type { CheckJob } from './jobs.js';

/**
 * What the audit trail keeps of a finished check: where and for whom, and per medium its hash,
 * kind and verdict or error code. Never a name, a URL or a locator: a link someone posted, or a
 * platform's file URL, may carry a signed token, and a file name may be personal.
 */
export function checkEntry(
  job: CheckJob,
  outcome: { readonly report: ReportView } | { readonly error: string },
  at: number,
  link: string | undefined,
): AuditEntry {
  const { trigger } = job;
  const items: readonly AuditItem[] =
    'report' in outcome
      ? outcome.report.items.map(auditItem)
      : job.media.map(() => ({ kind: 'unknown', error: outcome.error }));
  return {
    type: 'check',
    at: new Date(at).toISOString(),
    platform: trigger.place.platform,
    workspace: trigger.place.workspace,
    channel: trigger.place.channel,
    resultId: job.id,
    ...(link === undefined ? {} : { link }),
    asker: job.recheckBy ?? trigger.user,
    trigger: job.recheckBy === undefined ? trigger.kind : 'recheck',
    items,
  };
}

function auditItem(item: ItemView): AuditItem {
  const hash = item.sha256 === undefined ? {} : { sha256: item.sha256 };
  if (isVerdict(item))
    return {
      ...hash,
      kind: item.kind,
      band: bandOf(item.confidence),
      confidence: item.confidence,
      cached: item.cached,
    };
  return { ...hash, kind: item.kind ?? 'unknown', error: item.error.code };
}
