import { describe, expect, it } from 'vitest';
import { viewOf, type ItemResult } from '../../src/domain/types.js';
import { failure as failed, report, verdict } from '../helpers/reports.js';

/** A report as a reply holds it. */
const viewOfReport = (...args: Parameters<typeof report>) => viewOf(report(...args));
import {
  bandOf,
  BAND_THRESHOLDS,
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
