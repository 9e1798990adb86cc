import type { ReplyPlan } from '../../src/pipeline/plan.js';
import type { ChatTriggerKind } from '../../src/pipeline/trigger.js';

/**
 * What a row of the behaviour table sets up before its trigger. Each platform's driver makes the
 * same situation through its own fake (a file in a message, an attachment, a link) so the pipeline
 * sees the same thing from both.
 */
export type Situation =
  /** One PNG the simulator scores 0.95: strong evidence. */
  | 'flagged'
  /** One PNG the simulator scores 0.05: little evidence. */
  | 'clean'
  /** One file whose bytes are a PDF although it is named and typed as an image. */
  | 'unsupported'
  /** One image the platform says is larger than BitMind's 100 MB limit. */
  | 'too_large'
  /** One image whose download the host refuses (404). */
  | 'download_refused'
  /** One PNG, while BitMind answers every call with 503. */
  | 'bitmind_down'
  /** One PNG, from a person whose hourly budget (USER_CHECKS_PER_HOUR=1) is already spent. */
  | 'budget_spent'
  /** One PNG in a channel where auto-scan is off (the other rows run with it on, mode `flagged`). */
  | 'autoscan_off'
  /** One PNG scored 0.95, the same delivery sent twice: the plans of both deliveries. */
  | 'duplicate'
  /** One PNG scored 0.95, the trigger reaction added by three people one after another. */
  | 'repeated_reaction';

/**
 * One platform's side of the behaviour table: sends one trigger of `kind` in `situation` through
 * the platform's fake, to the real adapter and pipeline, and returns every plan the pipeline
 * decided for it, once the deliveries are acknowledged and the pipeline is idle.
 */
export interface BehaviourDriver {
  readonly platform: string;
  run(kind: ChatTriggerKind, situation: Situation): Promise<ReplyPlan[]>;
  close(): Promise<void>;
}
