import { describe, expect, it } from 'vitest';
import { botSources, catalogueProblems, unusedKeys } from '../../scripts/i18n-check.js';
import { toItemError } from '../../src/check/item-error.js';
import {
  describeError,
  formatLikelihood,
  formatSeconds,
  placeholderText,
  RESTARTING,
} from '../../src/check/wording.js';
import {
  CATALOGUES,
  localeOfEnvironment,
  resolveLocale,
  t,
  type CatalogueTree,
} from '../../src/i18n/i18n.js';
import { localeOf } from '../../src/pipeline/locale.js';

/** A copy of the catalogues with `edit` applied to one locale's copy. */
function withEdit(locale: string, edit: (tree: Record<string, Record<string, unknown>>) => void) {
  const copy = structuredClone(CATALOGUES) as unknown as Record<
    string,
    Record<string, Record<string, unknown>>
  >;
  edit(copy[locale]!);
  return copy as unknown as Record<string, CatalogueTree>;
}

describe('the catalogues', () => {
  it('are complete: every locale has exactly English’s keys, its own plural forms, and no argument English lacks', () => {
    expect(catalogueProblems()).toEqual([]);
  });

  it('flags a missing key, an extra key, an unknown argument, wrong or missing plural forms, and bad syntax', () => {
    expect(catalogueProblems(withEdit('fr', (fr) => delete fr.verdict!.caveat))).toEqual([
      'fr: missing key verdict.caveat',
    ]);
    expect(catalogueProblems(withEdit('de', (de) => (de.verdict!.extra = 'Extra')))).toEqual([
      'de: key verdict.extra is not in English',
    ]);
    expect(
      catalogueProblems(withEdit('es', (es) => (es.reply!.askedBy = 'Solicitado por {who} ({when})'))),
    ).toEqual(['es: reply.askedBy uses {when}, which English does not']);
    const withoutMany = (pt: Record<string, Record<string, unknown>>) =>
      (pt.verdict!.placeholder =
        '{count, plural, one {Verificando # arquivo…} other {Verificando # arquivos…}}');
    expect(catalogueProblems(withEdit('pt-BR', withoutMany))).toEqual([
      'pt-BR: verdict.placeholder has plural forms [one, other] for count, pt-BR needs [many, one, other]',
    ]);
    expect(catalogueProblems(withEdit('de', (de) => (de.verdict!.placeholder = '{count} Dateien')))).toEqual([
      'de: verdict.placeholder has no plural for {count}',
    ]);
    expect(catalogueProblems(withEdit('fr', (fr) => (fr.verdict!.caveat = 'Une {accolade')))).toEqual([
      expect.stringMatching(/^fr: verdict.caveat is not ICU MessageFormat/),
    ]);
  });

  it('has no key that no source file uses, and notices one whose use is gone', () => {
    const sources = botSources();
    expect(unusedKeys(sources)).toEqual([]);
    const without = sources.map((s) => s.replaceAll("'reply.repeat'", "'gone'"));
    expect(unusedKeys(without)).toEqual(['reply.repeat']);
    // A key reached through a template literal is matched by its pattern, and only by it.
    const noPattern = sources.map((s) => s.replaceAll('`discord.commands.${key}.description`', "'gone'"));
    expect(unusedKeys(noPattern)).toContain('discord.commands.check.description');
  });
});

describe('locales', () => {
  it('resolves platform and POSIX tags to the languages shipped, English otherwise', () => {
    expect(resolveLocale('es-ES')).toBe('es');
    expect(resolveLocale('es-419')).toBe('es');
    expect(resolveLocale('pt-BR')).toBe('pt-BR');
    expect(resolveLocale('pt-PT')).toBe('pt-BR');
    expect(resolveLocale('fr')).toBe('fr');
    expect(resolveLocale('ja-JP')).toBe('ja');
    expect(resolveLocale('de_DE.UTF-8')).toBe('de');
    expect(resolveLocale('ko')).toBe('en');
    expect(resolveLocale('C.UTF-8')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });

  it('reads the terminal’s language as POSIX orders it: LC_ALL, LC_MESSAGES, LANG', () => {
    expect(localeOfEnvironment({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(localeOfEnvironment({ LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8' })).toBe('ja');
    expect(localeOfEnvironment({ LANG: 'fr_FR.UTF-8', LC_ALL: 'de_DE.UTF-8' })).toBe('de');
    expect(localeOfEnvironment({})).toBe('en');
  });

  it('answers who asked in their language, and a channel post in the audience’s', () => {
    expect(localeOf({ kind: 'command', locale: 'fr', audienceLocale: 'de' })).toBe('fr');
    expect(localeOf({ kind: 'reaction', audienceLocale: 'de' })).toBe('de');
    expect(localeOf({ kind: 'autoscan', locale: 'fr', audienceLocale: 'de' })).toBe('de');
    expect(localeOf({ kind: 'autoscan', locale: 'fr' })).toBe('en');
  });

  it('writes numbers, percentages and plurals the locale’s way', () => {
    // A no-break space before % in French and German (which one depends on the ICU data).
    expect(formatLikelihood(0.82, 'fr')).toMatch(/^82[\u00a0\u202f]%$/);
    expect(formatLikelihood(0.004, 'de')).toMatch(/^<1[\u00a0\u202f]%$/);
    expect(formatLikelihood(0.82, 'en')).toBe('82%');
    expect(formatLikelihood(0.995, 'ja')).toBe('99%超');
    expect(formatSeconds(1.25, 'de')).toBe('1,3 s');
    expect(formatSeconds(1.25, 'en')).toBe('1.3 s');
    expect(placeholderText(1, 'es')).toBe('Comprobando 1 archivo…');
    expect(placeholderText(1_000_000, 'es')).toBe('Comprobando 1.000.000 archivos…');
    expect(placeholderText(3, 'ja')).toBe('3件のファイルをチェック中…');
    expect(t('de', 'reply.hidden', { count: 1234 })).toMatch(/^…und 1\.234 weitere Dateien/);
  });

  it('says why a file could not be checked: English in the error’s own words, other languages by its code', () => {
    const tooBig = { code: 'too_large', message: 'That image is over the 32 MB limit for images.' } as const;
    expect(describeError(tooBig, 'en')).toBe(tooBig.message);
    expect(describeError(tooBig, 'fr')).toBe('Ce fichier dépasse la taille maximale.');
    // What the core itself said (a check cut off by a restart, a bug's apology) keeps its meaning.
    expect(describeError({ code: 'unavailable', message: RESTARTING }, 'de')).toBe(
      t('de', 'failure.restarting'),
    );
    expect(describeError(toItemError(new TypeError('x is undefined')), 'ja')).toBe(
      t('ja', 'failure.generic'),
    );
  });
});
