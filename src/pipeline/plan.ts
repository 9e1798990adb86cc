import type { ReportView } from '../domain/types.js';
import type { ResultButtons } from './result-actions.js';

/** What auto-scan's quiet modes leave on a message: each platform picks its own emoji for each. */
export type Mark = 'flagged' | 'clean' | 'failed';

/** Why a trigger got no answer at all; logged, and asserted by the behaviour table. */
export type SilenceReason =
  'duplicate' | 'autoscan_off' | 'no_media' | 'not_trigger_reaction' | 'checking' | 'answered' | 'restarting';

/** The body of a reply in the thread (or in place of the placeholder). */
export type ReplyBody =
  | { readonly kind: 'report'; readonly report: ReportView; readonly repeat: boolean }
  | { readonly kind: 'failure'; readonly text: string };

/**
 * The whole answer to one trigger, decided by the pipeline, the same on every platform; adapters
 * only render and deliver it.
 * - `nothing`: no answer (a duplicate, auto-scan off, a repeated reaction already answered).
 * - `refusal`: a word for the asker alone (nothing to check there, restarting).
 * - `reply`: a message in the thread; `placeholder` when it replaces the "Checking…" posted earlier;
 *   `result`, its buttons (Recheck, Wrong result?, Delete) and the result id they carry, when it has them.
 * - `reaction`: a quiet mark on the message (auto-scan's `flagged` and `silent` modes).
 */
export type ReplyPlan =
  | { readonly kind: 'nothing'; readonly reason: SilenceReason }
  | { readonly kind: 'refusal'; readonly text: string }
  | {
      readonly kind: 'reply';
      readonly placeholder: boolean;
      readonly body: ReplyBody;
      readonly result?: ResultButtons;
    }
  | { readonly kind: 'reaction'; readonly mark: Mark };
