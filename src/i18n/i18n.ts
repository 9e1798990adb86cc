import i18next from 'i18next';
import de from './locales/de.js';
import en from './locales/en.js';
import es from './locales/es.js';
import fr from './locales/fr.js';
import ja from './locales/ja.js';
import ptBR from './locales/pt-BR.js';

/**
 * Every sentence a reader sees comes from the catalogues in `locales/`, through i18next: it gives
 * CLDR plural rules per language (`_one`, `_few`, `_many`, `_other` keys, chosen by
 * Intl.PluralRules) and named interpolation, so a translation may move or drop any part of a
 * sentence. i18next 26 is the last major that runs on Node 20 (27 wants Node 22); it has no
 * dependencies. ICU MessageFormat (formatjs) would do too, but its catalogues are harder to check
 * and to write by hand for this handful of strings.
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

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Base<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Base<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key English has, plural keys named without their suffix: `verdict.placeholder`. */
export type MessageKey = Leaves<typeof en>;
export type MessageParams = Readonly<Record<string, string | number>>;

const instance = i18next.createInstance();
void instance.init({
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: CATALOGUES[l] }])),
  // Loaded from memory: ready when init returns, no promise to wait for.
  initAsync: false,
  // Every renderer escapes for its own markup (mrkdwn, Discord markdown); i18next's HTML escaping would double it.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * The sentence `key` in `locale`, with `params` in place. Numbers are written the locale's way
 * (Intl.NumberFormat: "1.234" in German); `count` also picks the plural form.
 */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const numbers = numberFormat(locale, 'plain');
  const replace = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'number' ? numbers.format(value) : value,
    ]),
  );
  const count = typeof params.count === 'number' ? { count: params.count } : {};
  return instance.t(key, { lng: locale, replace, ...count });
}

/** A fraction as a whole percent for `locale`: "82%", "82 %" in French and German. */
export function formatPercent(locale: Locale, fraction: number): string {
  return numberFormat(locale, 'percent').format(fraction);
}

/** A number with one decimal, the locale's way: "1.5" or "1,5". */
export function formatTenths(locale: Locale, value: number): string {
  return numberFormat(locale, 'tenths').format(value);
}

const NUMBER_STYLES = {
  plain: {},
  percent: { style: 'percent', maximumFractionDigits: 0 },
  tenths: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
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

/**
 * The supported locale for a tag a platform or the environment gives: `es-ES`, `es-419` → es,
 * `pt-BR` (and `pt-PT`, the only Portuguese here) → pt-BR, `ja-JP` → ja, `fr_FR.UTF-8` → fr.
 * English for anything else, or nothing.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  if (!tag) return DEFAULT_LOCALE;
  // POSIX names: language_TERRITORY.codeset@modifier.
  const clean = tag.split(/[.@]/)[0]!.replace(/_/g, '-').toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === clean);
  if (exact) return exact;
  const language = clean.split('-')[0];
  return LOCALES.find((l) => l.split('-')[0] === language) ?? DEFAULT_LOCALE;
}

/** The terminal's language, as POSIX orders it: LC_ALL, then LC_MESSAGES, then LANG. */
export function localeOfEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  return resolveLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
