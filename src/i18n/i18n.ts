import { IntlMessageFormat } from 'intl-messageformat';
import de from './locales/de.js';
import en from './locales/en.js';
import es from './locales/es.js';
import fr from './locales/fr.js';
import ja from './locales/ja.js';
import ptBR from './locales/pt-BR.js';

/**
 * Every sentence a reader sees comes from the catalogues in `locales/`, written in ICU
 * MessageFormat and formatted by formatjs's intl-messageformat: named arguments (`{name}`), CLDR
 * plural rules through Intl.PluralRules (`{count, plural, one {…} other {…}}`), numbers written
 * the language's way, so a translation may move or drop any part of a sentence. ICU is the syntax
 * translation tools speak. i18next was the first choice, but every recent i18next line declares
 * typescript an optional peer, and npm then installs typescript with `--omit=dev` (npm/cli#7740):
 * 23 MB more in the production image. intl-messageformat has no peer and no engines limit.
 */

/** The languages the bot speaks, as BCP 47 tags. English is the source and the fallback. */
export const LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** A catalogue: nested objects of strings. Only English's shape is a type; the rest are checked by test. */
export interface CatalogueTree {
  readonly [key: string]: string | CatalogueTree;
}

export const CATALOGUES: Readonly<Record<Locale, CatalogueTree>> = {
  en,
  es,
  fr,
  de,
  'pt-BR': ptBR,
  ja,
};

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key English has: `verdict.placeholder`. */
export type MessageKey = Leaves<typeof en>;
export type MessageParams = Readonly<Record<string, string | number>>;

/** The message at a dotted key of a catalogue, or undefined. */
function lookUp(tree: CatalogueTree, key: string): string | undefined {
  let node: string | CatalogueTree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/**
 * Messages parsed once per locale and key (parsing costs far more than formatting): bounded by
 * LOCALES × keys. A key a catalogue lacks falls back to English (the check keeps that from
 * happening).
 */
const compiled = new Map<string, IntlMessageFormat>();
function messageOf(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale} ${key}`;
  let message = compiled.get(id);
  if (!message) {
    const own = lookUp(CATALOGUES[locale], key);
    const text = own ?? lookUp(CATALOGUES[DEFAULT_LOCALE], key) ?? key;
    // `<link>` and `<@{user}>` are Slack's and Discord's markup, not formatjs's rich-text tags.
    message = new IntlMessageFormat(text, own === undefined ? DEFAULT_LOCALE : locale, undefined, {
      ignoreTag: true,
    });
    compiled.set(id, message);
  }
  return message;
}

/**
 * The sentence `key` in `locale`, with `params` in place. Numbers are written the locale's way
 * ("1.234" in German); `count` picks the plural form where the message has one.
 */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  // `count` stays a number: it picks the plural form, and `#` and `{count, number}` write it the
  // locale's way. Other numbers are written here, so a catalogue's `{flagged}` needs no format.
  const numbers = numberFormat(locale, 'plain');
  const args = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'number' && name !== 'count' ? numbers.format(value) : value,
    ]),
  );
  const text = messageOf(locale, key).format<string>(args);
  // Only strings and numbers go in, so only a string comes out.
  return typeof text === 'string' ? text : String(text);
}

/** A fraction as a whole percent for `locale`: "82%", "82 %" in French and German. */
export function formatPercent(locale: Locale, fraction: number): string {
  return numberFormat(locale, 'percent').format(fraction);
}

/** A number with one decimal, the locale's way: "1.5" or "1,5". */
export function formatTenths(locale: Locale, value: number): string {
  return numberFormat(locale, 'tenths').format(value);
}

/** Minutes as the language abbreviates them: "25 min", "25 Min.", "25 分". */
export function formatMinutes(locale: Locale, minutes: number): string {
  return numberFormat(locale, 'minutes').format(minutes);
}

const NUMBER_STYLES = {
  plain: {},
  percent: { style: 'percent', maximumFractionDigits: 0 },
  tenths: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  minutes: { style: 'unit', unit: 'minute', unitDisplay: 'short' },
} as const satisfies Record<string, Intl.NumberFormatOptions>;

/**
 * Formatters made once per locale and style: making an Intl.NumberFormat costs tens of
 * microseconds, far more than using one, and a reply formats a few dozen numbers. Bounded by
 * LOCALES × styles.
 */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, style: keyof typeof NUMBER_STYLES): Intl.NumberFormat {
  const key = `${locale} ${style}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, NUMBER_STYLES[style])));
  return format;
}

/** Clock formatters, made once per locale as the number formats are: bounded by LOCALES. */
const clocks = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A moment as the hour and minute of a 24-hour clock in UTC, the language's way ("16:05"): the bot's
 * readers are in every time zone, so a time it gives is UTC, and the sentence around it says so.
 */
export function formatUtcClock(locale: Locale, at: number): string {
  let format = clocks.get(locale);
  if (!format)
    clocks.set(
      locale,
      (format = new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        // h23, not hour12: false, which some ICU versions write as "24:05" after midnight.
        hourCycle: 'h23',
        timeZone: 'UTC',
      })),
    );
  return format.format(at);
}

/**
 * The supported locale for a tag a platform or the environment gives: `es-ES`, `es-419` → es,
 * `pt-BR` (and `pt-PT`, the only Portuguese here) → pt-BR, `ja-JP` → ja, `fr_FR.UTF-8` → fr.
 * English for anything else, or nothing.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  return (tag ? supportedLocale(tag) : undefined) ?? DEFAULT_LOCALE;
}

/** As resolveLocale, but undefined for a tag the bot does not speak (a browser may name another). */
export function supportedLocale(tag: string): Locale | undefined {
  // POSIX names: language_TERRITORY.codeset@modifier.
  const clean = tag.split(/[.@]/)[0]!.replace(/_/g, '-').toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === clean);
  if (exact) return exact;
  const language = clean.split('-')[0];
  return LOCALES.find((l) => l.split('-')[0] === language);
}

/** The terminal's language, as POSIX orders it: LC_ALL, then LC_MESSAGES, then LANG. */
export function localeOfEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  return resolveLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
