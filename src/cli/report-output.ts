import { isVerdict, type CheckReport, type ItemResult, type MediaKind } from '../domain/types.js';
import {
  caveat,
  describeBand,
  describeError,
  describeSource,
  formatLikelihood,
  formatSeconds,
  isSimulated,
  simulatedMark,
  visibleName,
} from '../check/wording.js';
import { DEFAULT_LOCALE, t, type Locale } from '../i18n/i18n.js';

/** The `check --json` document: exactly one per run, one entry per medium in argument order. */
export function reportJson(report: CheckReport): string {
  const results = report.items.map((item) =>
    isVerdict(item)
      ? {
          source: item.ref.name,
          kind: item.kind,
          isAI: item.isAI,
          confidence: item.confidence,
          processingTime: item.processingTime,
          cached: item.cached,
          simulated: item.simulated,
          ...sourceJson(item),
        }
      : {
          source: item.ref.name,
          ...sourceJson(item),
          error: { code: item.error.code, message: item.error.message },
        },
  );
  return `${JSON.stringify({ results })}\n`;
}

/**
 * Beside `source` (the name or link given), what was really checked: `converted_from` ("HEIC photo",
 * "animated GIF"), `first_frame_of` and `found_on` (the linked page), each only when it applies.
 */
function sourceJson(item: ItemResult): Record<string, string> {
  const { convertedFrom, firstFrameOf, foundOn } = item.source ?? {};
  return {
    ...(convertedFrom !== undefined && { converted_from: convertedFrom }),
    ...(firstFrameOf !== undefined && { first_frame_of: firstFrameOf }),
    ...(foundOn !== undefined && { found_on: foundOn }),
  };
}

/**
 * A table for people, in the terminal's language: name, kind, verdict band, likelihood, time,
 * cached; then errors and the caveat.
 */
export function reportTable(report: CheckReport, locale: Locale = DEFAULT_LOCALE): string {
  const columns = ['name', 'kind', 'verdict', 'likelihood', 'time', 'cached'] as const;
  const header = columns.map((column) => t(locale, `cli.header.${column}`));
  const kind = (k: MediaKind | undefined) => (k ? t(locale, KIND_KEY[k]) : '-');
  const rows = report.items.map((item) => {
    if (!isVerdict(item)) {
      const failed = t(locale, 'cli.couldNotCheck', { code: item.error.code });
      return [shorten(item.ref.name), kind(item.kind), failed, '-', '-', '-'];
    }
    const band = describeBand(item.confidence, locale);
    return [
      shorten(item.ref.name),
      kind(item.kind),
      `${band.emoji} ${band.label}`,
      formatLikelihood(item.confidence, locale),
      formatSeconds(item.processingTime, locale),
      t(locale, item.cached ? 'cli.yes' : 'cli.no'),
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - displayWidth(c)))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...rows.map(line), ''];
  const sourced = report.items.flatMap((item) => {
    const said = describeSource(item.source, item.kind, locale);
    return said ? [`${shorten(item.ref.name)}: ${said}`] : [];
  });
  if (sourced.length > 0) out.push(...sourced, '');
  const failures = report.items.filter((item) => !isVerdict(item));
  for (const item of failures)
    out.push(`${shorten(item.ref.name)}: ${'error' in item ? describeError(item.error, locale) : ''}`);
  if (failures.length > 0) out.push('');
  out.push(t(locale, 'cli.explainLikelihood'), caveat(locale));
  if (isSimulated(report)) out.push(simulatedMark(locale));
  return `${out.join('\n')}\n`;
}

const KIND_KEY = { image: 'cli.image', video: 'cli.video' } as const;

/** Names come from users: strip control and bidi characters so a name cannot repaint the terminal. */
function shorten(name: string): string {
  // By code point, so an emoji is never cut in half.
  const chars = Array.from(visibleName(name));
  return chars.length > 48 ? `${chars.slice(0, 22).join('')}…${chars.slice(-25).join('')}` : chars.join('');
}

/**
 * What takes two columns in a terminal: East Asian wide and full-width characters (the Japanese
 * table) and emoji. Punctuation such as ’ and … takes one. Close enough for alignment without a
 * width library.
 */
const WIDE =
  /[\u1100-\u115f\u2600-\u27bf\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}]/u;

function displayWidth(text: string): number {
  let width = 0;
  // A variation selector (the emoji form of ⚠) takes no column of its own.
  for (const ch of text) width += ch === '\uFE0F' ? 0 : WIDE.test(ch) ? 2 : 1;
  return width;
}
