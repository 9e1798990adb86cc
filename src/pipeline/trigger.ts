import type { TriggerKind } from '../domain/types.js';
import type { Locale } from '../i18n/i18n.js';

/** The kinds of trigger a chat platform sends; `cli` is the terminal's and never comes through here. */
export type ChatTriggerKind = Exclude<TriggerKind, 'cli'>;

/** Where a trigger happened and where its answer goes. Plain data: it crosses processes as is. */
export interface Place {
  readonly platform: string;
  /** Slack team (or Grid organisation), Discord guild; `dm` where there is none. */
  readonly workspace: string;
  /** The channel the answer goes to. */
  readonly channel: string;
  /** The channel whose settings apply, when not `channel` (a Discord thread follows its parent). */
  readonly settingsChannel?: string;
  /** The message the trigger is about (Slack ts, Discord id), when there is one. */
  readonly message?: string;
  /** The thread the answer goes in (Slack thread_ts); absent, the adapter answers as it does by default. */
  readonly thread?: string;
}

/**
 * One medium as the pipeline passes it on: a link anyone may fetch through the guarded fetcher, or
 * something only the platform can open (a Slack file, a Discord attachment), named by a locator the
 * adapter made and alone reads. Never a token: whoever opens it looks the credential up.
 */
export type MediaSpec =
  | { readonly source: 'link'; readonly url: string; readonly name: string }
  | {
      readonly source: 'platform';
      readonly name: string;
      readonly sizeHint?: number;
      readonly mimeHint?: string;
      readonly locator: Readonly<Record<string, string>>;
    };

/** A platform event that asks for a check, as the adapter parsed it. */
export interface Trigger {
  readonly kind: ChatTriggerKind;
  readonly place: Place;
  /** Who asked; for auto-scan, who posted. The per-person budget counts this id. */
  readonly user: string;
  /**
   * The media to check; absent when only the platform can say what the message holds (a reaction
   * points at a message), and the pipeline asks for them once the trigger is admitted.
   */
  readonly media?: readonly MediaSpec[];
  /** Ids naming this delivery (event id, envelope id, interaction id): a second delivery is a duplicate. */
  readonly deliveryKeys: readonly string[];
  /**
   * The reaction used, in every form the platform names it (Slack: `mag`; Discord: the emoji, a
   * custom emoji's name, id and `<:name:id>`), for reaction triggers: any may match the setting.
   */
  readonly reaction?: readonly string[];
  /** The answer is for the asker alone (Discord's `private` option). */
  readonly private?: boolean;
  /** The language of the person who asked (Discord's interaction `locale`, Slack's `users.info`). */
  readonly locale?: Locale;
  /** The language of the place (a guild's preferred locale): for posts many read. See `localeOf`. */
  readonly audienceLocale?: Locale;
  /** What the adapter needs to answer this trigger later (a response URL, an interaction token). */
  readonly replyVia?: Readonly<Record<string, string>>;
}
