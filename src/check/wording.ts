import {
  isVerdict,
  type ItemResult,
  type ItemView,
  type MediaKind,
  type MediaSource,
  type ReportView,
} from '../domain/types.js';

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
  readonly label: string;
  /** Unicode emoji, for Discord and the terminal. */
  readonly emoji: string;
  /** Slack emoji name, without colons. */
  readonly slackEmoji: string;
  /** Embed / attachment colour. */
  readonly colour: number;
}

const BANDS: Record<Band, BandInfo> = {
  strong: {
    band: 'strong',
    label: 'Strong evidence of AI generation',
    emoji: '🔴',
    slackEmoji: 'red_circle',
    colour: 0xd93f3f,
  },
  some: {
    band: 'some',
    label: 'Some evidence of AI generation',
    emoji: '🟠',
    slackEmoji: 'large_orange_circle',
    colour: 0xf2a33a,
  },
  little: {
    band: 'little',
    label: 'Little evidence of AI generation',
    emoji: '🟢',
    slackEmoji: 'large_green_circle',
    colour: 0x3fa65a,
  },
};

export const LIKELIHOOD_LABEL = 'estimated likelihood of AI generation';
export const CAVEAT = 'AI detection is probabilistic: treat this as one signal, not proof.';
export const SIMULATED_MARK =
  'SIMULATED: no BitMind credentials are configured, so this is not a real detection.';
/** Said to a trigger that arrives while the bot shuts down, and to a check cut off by it. */
export const RESTARTING = 'BitMind is restarting, try again in a minute.';
export const ERROR_EMOJI = { unicode: '⚠️', slack: 'warning' } as const;

export function bandOf(confidence: number): Band {
  if (confidence >= BAND_THRESHOLDS.strong) return 'strong';
  if (confidence >= BAND_THRESHOLDS.some) return 'some';
  return 'little';
}

export function describeBand(confidence: number): BandInfo {
  return BANDS[bandOf(confidence)];
}

/** "82%": whole percent, but never rounds a non-zero estimate to 0% or a non-certain one to 100%. */
export function formatLikelihood(confidence: number): string {
  const pct = confidence * 100;
  if (pct > 0 && pct < 1) return '<1%';
  if (pct < 100 && pct > 99) return '>99%';
  return `${Math.round(pct)}%`;
}

export function formatSeconds(seconds: number): string {
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(1)} s`;
}

/** True when an item shows strong or some evidence: what `flagged` auto-scan mode replies to. */
export function isFlagged(item: ItemResult | ItemView): boolean {
  return isVerdict(item) && bandOf(item.confidence) !== 'little';
}

export function placeholderText(count: number): string {
  return `Checking ${count} ${count === 1 ? 'file' : 'files'}…`;
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

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/**
 * What was checked, said plainly, when it was not simply the file posted: "the animated GIF, as a
 * video", "the first frame of an animated GIF", "converted from HEIC photo", "image found on the
 * linked page example.com/news"; parts joined with "; ". Undefined when there is nothing to say.
 */
export function describeSource(source: MediaSource | undefined, kind?: MediaKind): string | undefined {
  if (!source) return undefined;
  const parts: string[] = [];
  const { convertedFrom, firstFrameOf, foundOn } = source;
  if (convertedFrom?.startsWith('animated ')) parts.push(`the ${convertedFrom}, as a video`);
  else if (convertedFrom) parts.push(`converted from ${convertedFrom}`);
  if (firstFrameOf) parts.push(`the first frame of ${article(firstFrameOf)} ${firstFrameOf}`);
  if (foundOn) parts.push(`${kind ?? 'medium'} found on the linked page ${visibleName(foundOn)}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

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

export function describeItem(item: ItemResult | ItemView): ItemDescription {
  const name = visibleName('ref' in item ? item.ref.name : item.name);
  if (!isVerdict(item)) {
    return {
      name,
      headline: 'Could not check',
      detail: item.error.message,
      emoji: ERROR_EMOJI.unicode,
      slackEmoji: ERROR_EMOJI.slack,
      colour: 0x808080,
      band: undefined,
      source: describeSource(item.source, item.kind),
    };
  }
  const info = describeBand(item.confidence);
  const parts = [
    `${formatLikelihood(item.confidence)} ${LIKELIHOOD_LABEL}`,
    formatSeconds(item.processingTime),
  ];
  if (item.cached) parts.push('cached');
  const source = describeSource(item.source, item.kind);
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
export function summaryLine(report: ReportView): string {
  const total = report.items.length;
  const flagged = report.items.filter(isFlagged).length;
  const failed = report.items.filter((i) => !isVerdict(i)).length;
  const noun = total === 1 ? 'file' : 'files';
  let line: string;
  if (total === 1 && report.items[0]) {
    const d = describeItem(report.items[0]);
    line = d.band
      ? `BitMind: ${d.headline} (${d.detail.split(' · ')[0]})`
      : `BitMind could not check ${d.name}: ${d.detail}`;
  } else {
    line = `BitMind checked ${total} ${noun}: ${flagged > 0 ? flagged : 'none'} with evidence of AI generation`;
    if (failed > 0) line += `, ${failed} could not be checked`;
  }
  if (report.skipped > 0) line += ` (${report.skipped} more skipped: too many in one request)`;
  return isSimulated(report) ? `[simulated] ${line}` : line;
}
