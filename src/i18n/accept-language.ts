import { DEFAULT_LOCALE, supportedLocale, type Locale } from './i18n.js';

/** One language range and its weight (RFC 9110 §12.4.2, §12.5.4): `de-CH`, `*;q=0.5`. */
const RANGE = /^([a-z]{1,8}(?:-[a-z\d]{1,8})*|\*)(?:;q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?))?$/i;
/** Browsers send a handful; a longer list is not a browser's, and its tail is not read. */
const MAX_RANGES = 20;

/**
 * The language a browser's `Accept-Language` asks for first among those the bot speaks: ranges by
 * weight (in header order when equal), each folded as `resolveLocale` folds a tag (`es-419` → es,
 * `pt` → pt-BR). A range that does not parse is skipped, `q=0` means "not this one", `*` and a
 * header naming nothing the bot speaks (or none) give English. Never throws.
 */
export function acceptedLocale(header: string | undefined): Locale {
  const ranges = (header ?? '')
    .split(',', MAX_RANGES)
    .map((part) => RANGE.exec(part.trim().replace(/\s*;\s*/g, ';')))
    .flatMap((match) => (match ? [{ tag: match[1]!, q: Number(match[2] ?? 1) }] : []))
    .filter((range) => range.q > 0)
    // Array.prototype.sort is stable: equal weights keep the header's order.
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranges) {
    if (tag === '*') return DEFAULT_LOCALE;
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
