import type { MediaRef } from '../domain/types.js';
import type { Scope } from '../settings/store.js';
import type { ModlogOutcome, ModlogPost } from './modlog.js';
import type { ReplyPlan } from './plan.js';
import type { ResultPress } from './result-actions.js';
import type { MediaSpec, Place, Trigger } from './trigger.js';

/** What a placeholder is to the pipeline: the adapter's own plain note of where it posted it. */
export type PlaceholderHandle = Readonly<Record<string, string>>;

/**
 * What the pipeline needs of a chat platform: to list and open media only it can reach, and to
 * render and deliver the answers the pipeline decided. Every argument is plain data.
 */
export interface PlatformPort {
  readonly platform: string;
  /** The reaction that asks for a check where a channel has chosen none. */
  readonly defaultTriggerReaction: string;
  /**
   * The media of the message at `place` that a person could mean (a reaction points at a message);
   * undefined when the message is gone or out of the bot's sight.
   */
  messageMedia(place: Place): Promise<readonly MediaSpec[] | undefined>;
  /** Opens a platform medium's bytes with the credentials of `place`'s workspace. */
  open(spec: Extract<MediaSpec, { source: 'platform' }>, place: Place): MediaRef;
  /**
   * The language of the person who asked, as a tag (`es-ES`), for platforms whose events do not
   * carry it (Slack): asked once a trigger will be answered, and remembered a day by the pipeline.
   * Undefined when the platform names none; rejects when it could not be asked.
   */
  readerLocale?(workspace: string, user: string): Promise<string | undefined>;

  /**
   * A link to the message at `place` for people who can see it (the audit trail, the mod log), made
   * from the place alone: no call to the platform. Undefined when there is no message.
   */
  messageLink?(place: Place): string | undefined;
  /** Posts "Checking N files…" for `trigger` and says where, for `deliver` to replace it. */
  placeholder(trigger: Trigger, count: number): Promise<PlaceholderHandle>;
  /**
   * Delivers the final answer. Resolves once the platform accepted it; rejects when it could not
   * (the pipeline logs and keeps the answer owed for the next start).
   */
  deliver(trigger: Trigger, plan: ReplyPlan, placeholder?: PlaceholderHandle): Promise<void>;
  /** Posts to a workspace's mod log; `refused` when the bot may not post there (other failures reject). */
  postModlog(scope: Scope, post: ModlogPost): Promise<ModlogOutcome>;
  /** A private word to one person of a workspace, outside any conversation (a direct message). */
  tell(scope: Scope, user: string, text: string): Promise<void>;
  /** Answers whoever pressed a result's button, for their eyes only. */
  answerPress(press: ResultPress, text: string): Promise<void>;
  /** Deletes the result whose button was pressed. */
  removeResult(press: ResultPress): Promise<void>;
}
