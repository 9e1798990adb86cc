import { describe, expect, it } from 'vitest';
import { renderReport } from '../../adapters/discord/render.js';
import { LOCALES, t } from '../../src/i18n/i18n.js';
import { exampleView } from '../helpers/reports.js';

/**
 * One result rendered in every language, kept as fixtures a reviewer can read
 * (test/discord/rendered/<locale>.json): a change to a catalogue or to the renderer shows there.
 * Regenerate with `npx vitest run --project integration test/discord/render-locales.test.ts -u`.
 */
describe('Discord rendering in each language', () => {
  it.each(LOCALES)('%s is the committed fixture', async (locale) => {
    const reply = renderReport(exampleView(), t(locale, 'reply.askedBy', { who: '<@111>' }), false, locale);
    await expect(`${JSON.stringify(reply, null, 2)}\n`).toMatchFileSnapshot(`rendered/${locale}.json`);
  });

  it('says nothing in English in another language but names, codes and markup', () => {
    const reply = renderReport(exampleView(), t('ja', 'reply.askedBy', { who: '<@111>' }), false, 'ja');
    const text = JSON.stringify(reply);
    for (const english of ['evidence', 'likelihood', 'Could not check', 'Asked by', 'cached', 'converted'])
      expect(text).not.toContain(english);
  });
});
