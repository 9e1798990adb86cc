import { DEFAULT_LOCALE, type Locale } from '../i18n/i18n.js';
import type { Trigger } from './trigger.js';

/**
 * The language of a trigger's answers. A post many people read (an auto-scan reply in the
 * channel) speaks the audience's language (the guild's or the workspace's), not the poster's; an
 * answer to someone who asked speaks theirs, else the audience's. English when nobody said.
 */
export function localeOf(trigger: Pick<Trigger, 'kind' | 'locale' | 'audienceLocale'>): Locale {
  if (trigger.kind === 'autoscan') return trigger.audienceLocale ?? DEFAULT_LOCALE;
  return trigger.locale ?? trigger.audienceLocale ?? DEFAULT_LOCALE;
}
