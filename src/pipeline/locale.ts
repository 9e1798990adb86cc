import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, resolveLocale, type Locale } from '../i18n/i18n.js';
import type { Scope } from '../settings/store.js';
import { deleteByPrefix } from '../state/delete-by-prefix.js';
import type { StateStore } from '../state/store.js';
import type { Trigger } from './trigger.js';

/** A person's language is looked up once a day: people rarely change it, and the lookup costs a call. */
const REMEMBERED_FOR_MS = 24 * 60 * 60 * 1000;

/** What is stored: a locale, or '' for "their platform names none" (so that is not asked again). */
const storedSchema = z.union([z.enum(LOCALES), z.literal('')]);

/**
 * The language of a trigger's answers. A post many people read (an auto-scan reply in the
 * channel) speaks the audience's language (the guild's or the workspace's), not the poster's; an
 * answer to someone who asked speaks theirs, else the audience's. English when nobody said.
 */
export function localeOf(trigger: Pick<Trigger, 'kind' | 'locale' | 'audienceLocale'>): Locale {
  if (trigger.kind === 'autoscan') return trigger.audienceLocale ?? DEFAULT_LOCALE;
  return trigger.locale ?? trigger.audienceLocale ?? DEFAULT_LOCALE;
}

/**
 * People's languages as their platform tells them (Slack's `users.info`), remembered in the state
 * store for a day, so every instance shares one lookup per person and day. A lookup that fails is
 * not remembered: the next trigger asks again, and this one is answered in the fallback.
 */
export function createLocaleMemo(state: StateStore) {
  const prefixOf = (scope: Scope) => `locale:${scope.platform}:${scope.workspace}:`;
  return {
    async remember(
      scope: Scope,
      user: string,
      lookUp: () => Promise<string | undefined>,
    ): Promise<Locale | undefined> {
      const key = `${prefixOf(scope)}${user}`;
      const stored = storedSchema.safeParse(await state.get(key));
      if (stored.success) return stored.data || undefined;
      const tag = await lookUp();
      const locale = tag ? resolveLocale(tag) : undefined;
      await state.set(key, locale ?? '', REMEMBERED_FOR_MS);
      return locale;
    },
    /** A workspace the bot left: its people's languages go with it. */
    forget: (scope: Scope) => deleteByPrefix(state, prefixOf(scope)),
  };
}
