import { bandOf, summaryLine, type Band } from '../check/wording.js';
import { DEFAULT_LOCALE } from '../i18n/i18n.js';
import { isVerdict, type ReportView } from '../domain/types.js';
import type { StateStore } from '../state/store.js';
import { parseStored } from '../state/stored-json.js';
import { checkJobSchema, type CheckJob } from './jobs.js';
import { z } from 'zod';

/** A result's buttons work this long: what they need is kept in the state store, not in memory. */
export const RESULT_FOR_MS = 7 * 24 * 60 * 60 * 1000;

/** What a result's buttons need, kept under its id: the check (who asked, where, which media) and its verdict. */
export interface ResultRecord {
  readonly job: CheckJob;
  /** The strongest band among the result's verdicts; absent when nothing could be checked. */
  readonly band?: Band;
  /** The result in one line, for the mod log. */
  readonly summary: string;
}

const bandSchema = z.enum(['strong', 'some', 'little']);
const recordSchema = z.object({ job: checkJobSchema, band: bandSchema.optional(), summary: z.string() });

/** The strongest band among a report's verdicts, or undefined when none was reached. */
export function strongestBand(report: ReportView): Band | undefined {
  const confidences = report.items.filter(isVerdict).map((i) => i.confidence);
  return confidences.length > 0 ? bandOf(Math.max(...confidences)) : undefined;
}

/** Results by id (the CheckJob id their buttons carry), for any instance, across restarts. */
export function createResults(state: StateStore) {
  const keyOf = (id: string) => `result:${id}`;
  return {
    async save(job: CheckJob, report: ReportView): Promise<void> {
      // The placeholder was for one delivery, and a Recheck names the message it edits itself; the
      // trigger's replyVia (an interaction token, a response URL) is a credential not kept for a week.
      const { placeholder: _placeholder, trigger, ...rest } = job;
      const { replyVia: _replyVia, ...plainTrigger } = trigger;
      const kept: CheckJob = { ...rest, trigger: plainTrigger };
      const band = strongestBand(report);
      // The summary is for the mod log's report of a wrong result: in the place's language, as its posts are.
      const summary = summaryLine(report, trigger.audienceLocale ?? DEFAULT_LOCALE);
      const record: ResultRecord = { job: kept, summary, ...(band ? { band } : {}) };
      await state.set(keyOf(job.id), JSON.stringify(record), RESULT_FOR_MS);
    },

    /** The record of `id`; undefined when expired, deleted, or unreadable (written by another version). */
    async load(id: string): Promise<ResultRecord | undefined> {
      return parseStored(recordSchema, await state.get(keyOf(id)));
    },

    forgetOne: (id: string) => state.delete(keyOf(id)),
  };
}

export type Results = ReturnType<typeof createResults>;
