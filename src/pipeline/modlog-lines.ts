import type { Band } from '../check/wording.js';
import { t, type Locale, type MessageKey } from '../i18n/i18n.js';
import type { ModlogPost } from './modlog.js';

/** The band a mod-log post names, in words. */
const BAND_KEYS = {
  strong: 'moderation.band.strong',
  some: 'moderation.band.some',
  little: 'moderation.band.little',
  none: 'moderation.band.none',
} as const satisfies Record<Band | 'none', MessageKey>;

const TRIGGER_KEYS: Readonly<Record<string, MessageKey>> = {
  command: 'moderation.trigger.command',
  shortcut: 'moderation.trigger.shortcut',
  autoscan: 'moderation.trigger.autoscan',
  reaction: 'moderation.trigger.reaction',
  recheck: 'moderation.trigger.recheck',
};

/** What asked for a check, in words; a kind the catalogue does not name shows as its code. */
export function triggerWord(locale: Locale, trigger: string): string {
  const key = Object.hasOwn(TRIGGER_KEYS, trigger) ? TRIGGER_KEYS[trigger] : undefined;
  return key ? t(locale, key) : trigger;
}

/** A mod-log post's band in words, in the post's language. */
export function bandWords(post: ModlogPost): string {
  return t(post.locale, BAND_KEYS[post.band ?? 'none']);
}

export interface ModlogLines {
  readonly title: string;
  /** The verdict line: it holds the report's summary, so the platform bounds its length. */
  readonly verdict: readonly [label: string, value: string];
  readonly lines: Array<readonly [label: string, value: string]>;
  /** The label of the link to the original message, and what stands in when there is none. */
  readonly original: string;
  readonly noLink: string;
}

/**
 * A mod-log post as a title and labelled lines in the post's language, for each platform to lay
 * out: the verdict, who posted the media, who asked, who reported it (feedback), the trigger.
 * `mention` writes a user the platform's way; the link to the original message is the platform's
 * to add.
 */
export function modlogLines(
  post: ModlogPost,
  poster: string | undefined,
  mention: (user: string) => string,
): ModlogLines {
  const { locale } = post;
  const say = (key: MessageKey) => t(locale, key);
  const lines: Array<readonly [string, string]> = [
    [say('moderation.log.postedBy'), poster ? mention(poster) : '?'],
    [
      say('moderation.log.askedBy'),
      post.trigger === 'autoscan' ? say('moderation.log.autoscan') : mention(post.asker),
    ],
  ];
  if (post.by) lines.push([say('moderation.log.reportedBy'), mention(post.by)]);
  lines.push([say('moderation.log.trigger'), triggerWord(locale, post.trigger)]);
  return {
    title: say(post.kind === 'feedback' ? 'moderation.log.feedbackTitle' : 'moderation.log.resultTitle'),
    verdict: [
      say('moderation.log.verdict'),
      t(locale, 'moderation.log.verdictLine', { summary: post.summary, band: bandWords(post) }),
    ],
    lines,
    original: say('moderation.log.original'),
    noLink: say('moderation.log.noLink'),
  };
}
