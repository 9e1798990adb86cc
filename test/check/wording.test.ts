import { describe, expect, it } from 'vitest';
import { viewOf, type ItemResult, type ReportView } from '../../src/domain/types.js';
import { LOCALES } from '../../src/i18n/i18n.js';
import { failure as failed, ref, report, verdict } from '../helpers/reports.js';

/** A report as a reply holds it. */
const viewOfReport = (...args: Parameters<typeof report>) => viewOf(report(...args));
import {
  bandOf,
  BAND_THRESHOLDS,
  budgetError,
  describeBudget,
  describeError,
  describeItem,
  formatLikelihood,
  isFlagged,
  placeholderText,
  summaryLine,
} from '../../src/check/wording.js';

const failure = (name: string): ItemResult => failed(name, 'unsupported_type', 'Not an image or video.');

describe('verdict wording', () => {
  it('speaks in bands of evidence that start where the API says isAI', () => {
    expect(bandOf(0.97)).toBe('strong');
    expect(bandOf(BAND_THRESHOLDS.strong)).toBe('strong');
    expect(bandOf(0.7)).toBe('some');
    expect(bandOf(0.5)).toBe('some');
    expect(bandOf(0.4999)).toBe('little');
    expect(bandOf(0)).toBe('little');
  });

  it('labels the percentage as the model estimate and never rounds to certainty', () => {
    expect(formatLikelihood(0.8234)).toBe('82%');
    expect(formatLikelihood(0.996)).toBe('>99%');
    expect(formatLikelihood(0.004)).toBe('<1%');
    expect(formatLikelihood(1)).toBe('100%');
    expect(
      describeItem(viewOf({ items: [verdict('a.png', 0.8234, { cached: true })], skipped: 0 }).items[0]!)
        .detail,
    ).toBe('82% estimated likelihood of AI generation · 45 ms · cached');
  });

  it('describes an error in plain words with the file name', () => {
    const d = describeItem(viewOf({ items: [failure('notes.txt')], skipped: 0 }).items[0]!);
    expect(d).toMatchObject({
      name: 'notes.txt',
      headline: 'Could not check',
      detail: 'Not an image or video.',
      band: undefined,
    });
  });

  it('flags strong and some evidence only', () => {
    expect(isFlagged(verdict('a', 0.9))).toBe(true);
    expect(isFlagged(verdict('a', 0.6))).toBe(true);
    expect(isFlagged(verdict('a', 0.2))).toBe(false);
    expect(isFlagged(failure('a'))).toBe(false);
  });

  it('writes a one-line summary for notifications, marking simulated results', () => {
    expect(summaryLine(viewOfReport([verdict('a.png', 0.91)]))).toBe(
      'BitMind: Strong evidence of AI generation (91% estimated likelihood of AI generation)',
    );
    expect(
      summaryLine(viewOfReport([verdict('a', 0.9), verdict('b', 0.1), failure('c')], { skipped: 2 })),
    ).toBe(
      'BitMind checked 3 files: 1 with evidence of AI generation, 1 could not be checked (2 more skipped: too many in one request)',
    );
    expect(summaryLine(viewOfReport([verdict('a', 0.1, { simulated: true })]))).toMatch(/^\[simulated\] /);
    expect(summaryLine(viewOfReport([failure('c.txt')]))).toBe(
      'BitMind could not check c.txt: Not an image or video.',
    );
  });

  it('counts files in the placeholder', () => {
    expect(placeholderText(1)).toBe('Checking 1 file…');
    expect(placeholderText(2)).toBe('Checking 2 files…');
  });
});

describe('the hourly budget’s refusal', () => {
  const resetsAt = Date.UTC(2026, 11, 1, 16, 0);
  /** 15:35:10 UTC: 24 minutes and 50 seconds to go, said as 25. */
  const now = resetsAt - 24 * 60_000 - 50_000;

  it('says in every language how many checks an hour, at what time (UTC) more are available, and in how long', () => {
    const said = Object.fromEntries(
      LOCALES.map((locale) => [locale, describeBudget({ perHour: 20, resetsAt }, locale, now)]),
    );
    expect(said).toEqual({
      en: 'You have used your 20 checks for this hour. More are available at 16:00 UTC (in 25 min).',
      es: 'Ya usaste tus 20 comprobaciones de esta hora. Habrá más a las 16:00 UTC (dentro de 25 min).',
      // French keeps a number and its unit together with a no-break space.
      fr: 'Vous avez utilisé vos 20 vérifications de cette heure. Les suivantes seront disponibles à 16:00 UTC (dans 25\u00a0min).',
      de: 'Du hast deine 20 Prüfungen für diese Stunde aufgebraucht. Weitere gibt es ab 16:00 UTC (in 25 Min.).',
      'pt-BR': 'Você já usou suas 20 verificações desta hora. Haverá mais às 16:00 UTC (em 25 min).',
      ja: 'この1時間のチェック上限（20回）に達しました。16:00 UTC から再びチェックできます（あと 25 分）。',
    });
  });

  it('keeps English as it always was, writes midnight as 00:00, and speaks of one check in the singular elsewhere', () => {
    const midnight = Date.UTC(2026, 11, 2, 0, 0);
    expect(describeBudget({ perHour: 1, resetsAt: midnight }, 'en', midnight - 90_000)).toBe(
      'You have used your 1 checks for this hour. More are available at 00:00 UTC (in 2 min).',
    );
    expect(describeBudget({ perHour: 1, resetsAt: midnight }, 'es', midnight - 90_000)).toBe(
      'Ya usaste tu 1 comprobación de esta hora. Habrá más a las 00:00 UTC (dentro de 2 min).',
    );
    // Said after the hour has turned (a job run again late): at least a minute, never "in 0 min".
    expect(describeBudget({ perHour: 1, resetsAt }, 'de', resetsAt + 5_000)).toMatch(/\(in 1 Min\.\)\.$/);
  });

  it('is told from the item’s data in the reader’s language, also from a view stored as JSON and read back', () => {
    const error = budgetError({ perHour: 3, resetsAt: Date.now() + 10 * 60_000 - 1 });
    expect(error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/\(in 10 min\)\.$/) });
    const stored = JSON.parse(
      JSON.stringify(viewOf({ items: [{ ref: ref('late.png'), error }], skipped: 0 })),
    ) as ReportView;
    const clock = new Date(error.budget!.resetsAt).toISOString().slice(11, 16);
    expect(describeItem(stored.items[0]!, 'en').detail).toBe(error.message);
    expect(describeItem(stored.items[0]!, 'fr').detail).toBe(
      `Vous avez utilisé vos 3 vérifications de cette heure. Les suivantes seront disponibles à ${clock} UTC (dans 10\u00a0min).`,
    );
    expect(summaryLine(stored, 'ja')).toContain(`${clock} UTC から再びチェックできます（あと 10 分）`);
    // BitMind's own rate limit has no budget: other languages still say what its code means.
    expect(describeError({ code: 'rate_limited', message: 'BitMind’s rate limit was reached.' }, 'fr')).toBe(
      'Trop de vérifications pour le moment ; réessayez plus tard.',
    );
  });
});
