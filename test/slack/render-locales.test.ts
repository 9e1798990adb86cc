import { describe, expect, it } from 'vitest';
import { renderReport } from '../../adapters/slack/render.js';
import { LOCALES } from '../../src/i18n/i18n.js';
import { exampleView } from '../helpers/reports.js';

/**
 * One result rendered in every language, kept as fixtures a reviewer can read
 * (test/slack/rendered/<locale>.json): a change to a catalogue or to the renderer shows there.
 * Regenerate with `npx vitest run --project integration test/slack/render-locales.test.ts -u`.
 */
describe('Slack rendering in each language', () => {
  it.each(LOCALES)('%s is the committed fixture', async (locale) => {
    const message = renderReport(exampleView(), { requestedBy: 'U0ALICE', locale });
    await expect(`${JSON.stringify(message, null, 2)}\n`).toMatchFileSnapshot(`rendered/${locale}.json`);
  });

  it('says nothing in English in another language but names, codes and markup', () => {
    const text = JSON.stringify(renderReport(exampleView(), { requestedBy: 'U0ALICE', locale: 'de' }));
    for (const english of [
      'evidence',
      'likelihood',
      'Could not check',
      'Requested by',
      'cached',
      'converted',
    ])
      expect(text).not.toContain(english);
  });
});
