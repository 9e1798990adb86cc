import { DEFAULT_LOCALE, t, type Locale } from '../../src/i18n/i18n.js';
import { SHORTCUT_NAME, SLASH_COMMAND } from './surface.js';

/**
 * The bot's fixed sentences on Slack, from the catalogues (`slack.*`), so they read as one voice in
 * every language. The two for payloads that could not be read are English: nobody is known to ask.
 */

export const CANNOT_READ_SHORTCUT = t(DEFAULT_LOCALE, 'slack.cannotReadShortcut');

export const CANNOT_READ_COMMAND = t(DEFAULT_LOCALE, 'slack.cannotReadCommand');

/** The names every sentence may mention, the same in every language (they are what people type). */
export const SURFACE = { command: SLASH_COMMAND, shortcut: SHORTCUT_NAME } as const;

export function helpText(triggerReaction: string, locale: Locale): string {
  return [
    t(locale, 'slack.help.intro'),
    t(locale, 'slack.help.checkLink', SURFACE),
    t(locale, 'slack.help.checkLatest', SURFACE),
    t(locale, 'slack.help.react', { ...SURFACE, emoji: triggerReaction }),
    t(locale, 'slack.help.status', SURFACE),
    t(locale, 'slack.help.autoscan', SURFACE),
    t(locale, 'slack.help.mode', SURFACE),
    t(locale, 'slack.help.modlog', SURFACE),
  ].join('\n');
}
