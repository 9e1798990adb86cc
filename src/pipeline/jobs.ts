import { z } from 'zod';
import { REPLY_MODES, type ReplyMode } from '../config.js';
import { resolveLocale } from '../i18n/i18n.js';
import type { PlaceholderHandle } from './platform.js';
import type { MediaSpec, Trigger } from './trigger.js';

/**
 * A check the pipeline accepted, as plain data: another process could finish it and answer in the
 * right place from this alone (no token, no live object).
 */
export interface CheckJob {
  readonly id: string;
  readonly trigger: Trigger;
  readonly media: readonly MediaSpec[];
  /** Auto-scan's reply mode at acceptance; `all` for people who asked. */
  readonly mode: ReplyMode;
  readonly placeholder?: PlaceholderHandle;
  /** Who pressed Recheck: the check runs past the verdict cache, on their budget, and edits the result. */
  readonly recheckBy?: string;
}

/** Runs accepted checks: in this process by default; a durable queue in the shared mode. */
export interface JobRunner {
  /**
   * True when the runner keeps jobs beyond this process (the shared mode's queue): it is then the
   * list of owed answers, and may run a job twice, so answers are marked as they go out.
   */
  readonly durable: boolean;
  submit(job: CheckJob): Promise<void>;
}

/**
 * How one run of a job ended: answered (or found answered by another run), handed back to the
 * queue (this instance is shutting down), or to be run again later (the shared state was away, or
 * the platform refused the answer).
 */
export type JobOutcome = 'answered' | 'handed back' | 'retry';

const plain = z.record(z.string(), z.string());
const localeTag = z
  .string()
  .max(35)
  .optional()
  .transform((tag) => (tag === undefined ? undefined : resolveLocale(tag)));
const placeSchema = z.object({
  platform: z.string(),
  workspace: z.string(),
  channel: z.string(),
  settingsChannel: z.string().optional(),
  message: z.string().optional(),
  thread: z.string().optional(),
});
/** A medium as read back from storage (a job, a reaction's mark). */
export const mediaSpecSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('link'), url: z.string(), name: z.string() }),
  z.object({
    source: z.literal('platform'),
    name: z.string(),
    sizeHint: z.number().optional(),
    mimeHint: z.string().optional(),
    locator: plain,
  }),
]);

/** A job as read back from storage: checked, since a process of another version may have written it. */
export const checkJobSchema = z.object({
  id: z.string(),
  trigger: z.object({
    kind: z.enum(['command', 'shortcut', 'autoscan', 'reaction']),
    place: placeSchema,
    user: z.string(),
    media: z.array(mediaSpecSchema).optional(),
    deliveryKeys: z.array(z.string()),
    reaction: z.array(z.string()).optional(),
    private: z.boolean().optional(),
    // Lenient: a language another version speaks and this one does not is answered in English,
    // rather than the owed answer being dropped as unreadable.
    locale: localeTag,
    audienceLocale: localeTag,
    replyVia: plain.optional(),
  }),
  media: z.array(mediaSpecSchema),
  mode: z.enum(REPLY_MODES),
  placeholder: plain.optional(),
  recheckBy: z.string().optional(),
}) satisfies z.ZodType<CheckJob>;
