import { z } from 'zod';
import type { Band } from '../check/wording.js';
import { DEFAULT_LOCALE, LOCALES, t, type Locale } from '../i18n/i18n.js';
import type { Logger } from '../log.js';
import type { Scope, SettingsStore } from '../settings/store.js';
import { deleteByPrefix } from '../state/delete-by-prefix.js';
import type { StateStore } from '../state/store.js';
import type { PlatformPort } from './platform.js';
import type { Place } from './trigger.js';

/** A setter's language as stored; anything else (a mod log set before languages were kept) is English. */
const localeSchema = z.enum(LOCALES);

/** Who set the mod log is kept as long as a setting is worth keeping; `forget` drops it with the rest. */
const SETTER_FOR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * One mod-log post, as plain data: a result with evidence of AI generation, or a reader's report
 * that a result is wrong. The adapter renders it and links the original message.
 */
export interface ModlogPost {
  /** The mod-log channel. */
  readonly channel: string;
  readonly kind: 'result' | 'feedback';
  /** Where the checked media are: the original message, when there is one, is linked. */
  readonly source: Place;
  /** command | shortcut | autoscan | reaction | recheck */
  readonly trigger: string;
  /** Who asked (for auto-scan: who posted). */
  readonly asker: string;
  /** Who posted the media, when the core knows (auto-scan); else the adapter looks it up. */
  readonly poster?: string;
  readonly band?: Band;
  /** The result in one line (the report's summary). */
  readonly summary: string;
  /** Who reported it wrong (feedback). */
  readonly by?: string;
  readonly resultId: string;
  /** The post's language: the place's (a guild's preferred locale), read by every moderator there. */
  readonly locale: Locale;
}

/** What the platform said of a mod-log post: `refused` when the bot may not post in that channel. */
export type ModlogOutcome = 'posted' | 'refused';

/**
 * The mod log of each workspace: set and turned off by moderators, posted to from any trigger. A
 * channel the bot cannot post to is reported once, privately, to whoever set it, and then left
 * alone (marked in the state store, so every instance and the next start know) until it is set
 * again.
 */
export function createModlog(deps: {
  readonly settings: SettingsStore;
  readonly state: StateStore;
  readonly logger: Logger;
  readonly platform: (name: string) => PlatformPort;
}) {
  const { settings, state, logger } = deps;
  const prefixOf = (scope: Scope) => `modlog:${scope.platform}:${scope.workspace}:`;
  const setterKey = (scope: Scope) => `${prefixOf(scope)}by`;
  // The setter's language, for the one private word they may get later, outside any interaction.
  const setterLocaleKey = (scope: Scope) => `${prefixOf(scope)}by-locale`;
  const refusedKey = (scope: Scope, channel: string) => `${prefixOf(scope)}refused:${channel}`;

  return {
    /** Sets the mod log (or turns it off with undefined), remembering who did it and their language. */
    async set(scope: Scope, channel: string | undefined, by: string, locale: Locale): Promise<void> {
      await settings.updateWorkspace(scope, { modlog: channel });
      if (channel === undefined) return;
      await state.set(setterKey(scope), by, SETTER_FOR_MS);
      await state.set(setterLocaleKey(scope), locale, SETTER_FOR_MS);
      await state.delete(refusedKey(scope, channel));
    },

    async channel(scope: Scope): Promise<string | undefined> {
      return (await settings.workspace(scope)).modlog;
    },

    /** Posts to the workspace's mod log, if it has one; never throws (the check's answer is what matters). */
    async post(scope: Scope, make: (channel: string) => ModlogPost): Promise<void> {
      try {
        const channel = (await settings.workspace(scope)).modlog;
        if (channel === undefined || (await state.get(refusedKey(scope, channel))) !== undefined) return;
        const port = deps.platform(scope.platform);
        const outcome = await port.postModlog(scope, make(channel));
        if (outcome === 'posted') return;
        // Once: the first instance to see the refusal marks it and tells whoever set the channel.
        if (!(await state.setIfAbsent(refusedKey(scope, channel), '1', SETTER_FOR_MS))) return;
        logger.warn({ platform: scope.platform, channel }, 'the bot may not post in the mod log channel');
        const setter = await state.get(setterKey(scope));
        if (setter === undefined) return;
        const locale = localeSchema.safeParse(await state.get(setterLocaleKey(scope)));
        const text = t(locale.success ? locale.data : DEFAULT_LOCALE, 'moderation.log.unpostable', {
          channel,
        });
        await port.tell(scope, setter, text);
      } catch (err) {
        logger.warn({ err, platform: scope.platform }, 'mod log post failed');
      }
    },

    forget: (scope: Scope) => deleteByPrefix(state, prefixOf(scope)),
  };
}

export type Modlog = ReturnType<typeof createModlog>;
