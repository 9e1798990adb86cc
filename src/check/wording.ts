import {
  isVerdict,
  type BudgetLimit,
  type ItemError,
  type ItemResult,
  type ItemView,
  type MediaKind,
  type MediaSource,
  type ReportView,
} from '../domain/types.js';
import {
  DEFAULT_LOCALE,
  formatMinutes,
  formatPercent,
  formatTenths,
  formatUtcClock,
  t,
  type Locale,
} from '../i18n/i18n.js';

/** A report's items as any surface holds them: with their live reference (the CLI) or without (a reply). */
type Items = { readonly items: readonly (ItemResult | ItemView)[] };

/**
 * What every surface (Slack, Discord, the CLI) says about a verdict. The model gives a probability,
 * not a fact, and its users' main complaint is false positives presented as certainties, so results
 * are spoken of as evidence in bands, with the percentage labelled as the model's estimate.
 */
export type Band = 'strong' | 'some' | 'little';

/** The one place the band thresholds live. `some` starts where the API's own `isAI` does. */
export const BAND_THRESHOLDS = { strong: 0.85, some: 0.5 } as const;

export interface BandInfo {
  readonly band: Band;
  /** The band in words, in the locale asked for. */
  readonly label: string;
  /** Unicode emoji, for Discord and the terminal. */
  readonly emoji: string;
  /** Slack emoji name, without colons. */
  readonly slackEmoji: string;
  /** Embed / attachment colour. */
  readonly colour: number;
}

const BANDS: Record<Band, Omit<BandInfo, 'label'>> = {
  strong: {
    band: 'strong',
    emoji: '🔴',
    slackEmoji: 'red_circle',
    colour: 0xd93f3f,
  },
  some: {
    band: 'some',
    emoji: '🟠',
    slackEmoji: 'large_orange_circle',
    colour: 0xf2a33a,
  },
  little: {
    band: 'little',
    emoji: '🟢',
    slackEmoji: 'large_green_circle',
    colour: 0x3fa65a,
  },
};

const BAND_KEY = { strong: 'verdict.strong', some: 'verdict.some', little: 'verdict.little' } as const;

/** The caveat under every verdict. */
export const caveat = (locale: Locale = DEFAULT_LOCALE) => t(locale, 'verdict.caveat');
/** Said of a verdict the simulator gave. */
export const simulatedMark = (locale: Locale = DEFAULT_LOCALE) => t(locale, 'verdict.simulated');
export const CAVEAT = caveat();
export const SIMULATED_MARK = simulatedMark();
/** Said to a trigger that arrives while the bot shuts down, and to a check cut off by it. */
export const RESTARTING = t(DEFAULT_LOCALE, 'failure.restarting');
export const ERROR_EMOJI = { unicode: '⚠️', slack: 'warning' } as const;

export function bandOf(confidence: number): Band {
  if (confidence >= BAND_THRESHOLDS.strong) return 'strong';
  if (confidence >= BAND_THRESHOLDS.some) return 'some';
  return 'little';
}

export function describeBand(confidence: number, locale: Locale = DEFAULT_LOCALE): BandInfo {
  const band = BANDS[bandOf(confidence)];
  return { ...band, label: t(locale, BAND_KEY[band.band]) };
}

/**
 * "82%" ("82 %" in French): whole percent, but never rounds a non-zero estimate to 0% or a
 * non-certain one to 100%.
 */
export function formatLikelihood(confidence: number, locale: Locale = DEFAULT_LOCALE): string {
  const pct = confidence * 100;
  if (pct > 0 && pct < 1) return t(locale, 'verdict.below', { percent: formatPercent(locale, 0.01) });
  if (pct < 100 && pct > 99) return t(locale, 'verdict.above', { percent: formatPercent(locale, 0.99) });
  return formatPercent(locale, Math.round(pct) / 100);
}

export function formatSeconds(seconds: number, locale: Locale = DEFAULT_LOCALE): string {
  return seconds < 1
    ? t(locale, 'verdict.milliseconds', { value: Math.round(seconds * 1000) })
    : t(locale, 'verdict.seconds', { value: formatTenths(locale, seconds) });
}

/** True when an item shows strong or some evidence: what `flagged` auto-scan mode replies to. */
export function isFlagged(item: ItemResult | ItemView): boolean {
  return isVerdict(item) && bandOf(item.confidence) !== 'little';
}

export function placeholderText(count: number, locale: Locale = DEFAULT_LOCALE): string {
  return t(locale, 'verdict.placeholder', { count });
}

export interface ItemDescription {
  readonly name: string;
  /** "Strong evidence of AI generation", or "Could not check: <reason>". */
  readonly headline: string;
  /** "82% estimated likelihood of AI generation · 45 ms · cached", or the error message. */
  readonly detail: string;
  readonly emoji: string;
  readonly slackEmoji: string;
  readonly colour: number;
  readonly band: Band | undefined;
  /** What was checked, when not simply the file: "converted from HEIC photo". Also ends `detail` of a verdict. */
  readonly source: string | undefined;
}

/**
 * A media type's label as a sentence holds it: English keeps the label ("HEIC photo", "animated
 * GIF"); other languages name the format alone ("HEIC", "GIF"), their sentences say "animated".
 */
function typeName(label: string, locale: Locale): string {
  return locale === DEFAULT_LOCALE ? label : label.replace(/^animated /, '').split(' ')[0]!;
}

const FOUND_KEY = { image: 'source.foundImage', video: 'source.foundVideo' } as const;

/**
 * What was checked, said plainly, when it was not simply the file posted: "the animated GIF, as a
 * video", "the first frame of an animated GIF" (only animations are checked by a first frame),
 * "converted from HEIC photo", "image found on the linked page example.com/news"; parts joined with
 * "; ". Undefined when there is nothing to say.
 */
export function describeSource(
  source: MediaSource | undefined,
  kind?: MediaKind,
  locale: Locale = DEFAULT_LOCALE,
): string | undefined {
  if (!source) return undefined;
  const parts: string[] = [];
  const { convertedFrom, firstFrameOf, foundOn } = source;
  if (convertedFrom?.startsWith('animated '))
    parts.push(t(locale, 'source.asVideo', { type: typeName(convertedFrom, locale) }));
  else if (convertedFrom)
    parts.push(t(locale, 'source.converted', { type: typeName(convertedFrom, locale) }));
  if (firstFrameOf) parts.push(t(locale, 'source.firstFrame', { type: typeName(firstFrameOf, locale) }));
  if (foundOn)
    parts.push(t(locale, kind ? FOUND_KEY[kind] : 'source.foundMedium', { page: visibleName(foundOn) }));
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * Why an item could not be checked. English shows the error's own message, which names the limit
 * or the host; the other languages say what its code means (the messages are written in English
 * where the error arises, deep in the media and BitMind layers). The asker's budget is told from
 * its data in every language, with when more checks are available.
 */
export function describeError(error: ItemError, locale: Locale): string {
  if (error.budget) return describeBudget(error.budget, locale);
  if (locale === DEFAULT_LOCALE) return error.message;
  // The few messages the core writes itself from the catalogue are said as they were meant.
  const own = OWN_MESSAGES.find((key) => t(DEFAULT_LOCALE, key) === error.message);
  return t(locale, own ?? `error.${error.code}`);
}

/**
 * "You have used your 20 checks for this hour. More are available at 16:00 UTC (in 25 min)." The
 * minutes are counted when the sentence is said (`now`), so a job run again later is not told a
 * stale wait; the clock time is the budget's own.
 */
export function describeBudget(budget: BudgetLimit, locale: Locale, now: number = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((budget.resetsAt - now) / 60_000));
  return t(locale, 'error.budget', {
    count: budget.perHour,
    time: formatUtcClock(locale, budget.resetsAt),
    minutes: formatMinutes(locale, minutes),
  });
}

/** The item error for a medium past the asker's budget: English for `check --json` and logs, and the data. */
export function budgetError({ perHour, resetsAt }: BudgetLimit): ItemError {
  const budget = { perHour, resetsAt };
  return { code: 'rate_limited', message: describeBudget(budget, DEFAULT_LOCALE), budget };
}

/** Item errors worded by the core (a check cut off by a restart, a bug's plain apology). */
const OWN_MESSAGES = ['failure.restarting', 'failure.generic'] as const;

/**
 * What must not reach a reply or a terminal from a name someone chose: C0 and C1 controls (a NUL, a
 * terminal escape) and bidi controls (U+202E makes "invoice_\u202Egnp.exe" read as "invoice_exe.png").
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A user-chosen name fit to show: line breaks and tabs become spaces, other controls vanish. */
export function visibleName(name: string): string {
  return name.replace(UNSHOWABLE, (ch) => (/\s/.test(ch) ? ' ' : ''));
}

/** `text` cut to at most `max` UTF-16 units with an ellipsis, never between the halves of an emoji. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

export function describeItem(item: ItemResult | ItemView, locale: Locale = DEFAULT_LOCALE): ItemDescription {
  const name = visibleName('ref' in item ? item.ref.name : item.name);
  if (!isVerdict(item)) {
    return {
      name,
      headline: t(locale, 'verdict.couldNotCheck'),
      detail: describeError(item.error, locale),
      emoji: ERROR_EMOJI.unicode,
      slackEmoji: ERROR_EMOJI.slack,
      colour: 0x808080,
      band: undefined,
      source: describeSource(item.source, item.kind, locale),
    };
  }
  const info = describeBand(item.confidence, locale);
  const parts = [
    t(locale, 'verdict.likelihood', { percent: formatLikelihood(item.confidence, locale) }),
    formatSeconds(item.processingTime, locale),
  ];
  if (item.cached) parts.push(t(locale, 'verdict.cached'));
  const source = describeSource(item.source, item.kind, locale);
  if (source) parts.push(source);
  return {
    name,
    headline: info.label,
    detail: parts.join(' · '),
    emoji: info.emoji,
    slackEmoji: info.slackEmoji,
    colour: info.colour,
    band: info.band,
    source,
  };
}

export function isSimulated(report: Items): boolean {
  return report.items.some((i) => isVerdict(i) && i.simulated);
}

/** One line for notifications and plain-text fallbacks. */
export function summaryLine(report: ReportView, locale: Locale = DEFAULT_LOCALE): string {
  const total = report.items.length;
  const flagged = report.items.filter(isFlagged).length;
  const failed = report.items.filter((i) => !isVerdict(i)).length;
  let line: string;
  if (total === 1 && report.items[0]) {
    const d = describeItem(report.items[0], locale);
    line = d.band
      ? t(locale, 'summary.one', { headline: d.headline, likelihood: d.detail.split(' · ')[0]! })
      : t(locale, 'summary.oneFailed', { name: d.name, detail: d.detail });
  } else {
    line = t(locale, flagged > 0 ? 'summary.many' : 'summary.manyNone', { count: total, flagged });
    if (failed > 0) line = t(locale, 'summary.withFailed', { line, count: failed });
  }
  if (report.skipped > 0) line = t(locale, 'summary.withSkipped', { line, count: report.skipped });
  return isSimulated(report) ? t(locale, 'verdict.simulatedLine', { line }) : line;
}
