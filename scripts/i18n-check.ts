import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOGUES, DEFAULT_LOCALE, LOCALES, type CatalogueTree } from '../src/i18n/i18n.js';

/**
 * `npm run i18n:check`: every catalogue has exactly English's keys, each plural key has exactly its
 * language's plural forms (CLDR, through Intl.PluralRules), no translation uses a placeholder
 * English does not give, and every English key is used somewhere in src/ or adapters/.
 * test/unit/i18n-catalogues.test.ts runs the same checks.
 */

const PLURAL = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

/** Every leaf of a catalogue by its dotted key (`verdict.placeholder_one`). */
export function leaves(tree: CatalogueTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

interface Entry {
  /** The plural forms present (`one`, `other`), empty for a key without plurals. */
  readonly forms: Set<string>;
  readonly placeholders: Set<string>;
}

/** A catalogue by base key (plural suffix removed). */
function entries(tree: CatalogueTree): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const [key, text] of leaves(tree)) {
    const base = key.replace(PLURAL, '');
    const entry = out.get(base) ?? { forms: new Set<string>(), placeholders: new Set<string>() };
    const form = PLURAL.exec(key)?.[1];
    if (form) entry.forms.add(form);
    for (const match of text.matchAll(PLACEHOLDER)) entry.placeholders.add(match[1]!);
    out.set(base, entry);
  }
  return out;
}

const sorted = (set: Iterable<string>) => [...set].sort().join(', ');

/** What is wrong with the catalogues, one sentence each; empty when all is well. */
export function catalogueProblems(
  catalogues: Readonly<Record<string, CatalogueTree>> = CATALOGUES,
): string[] {
  const english = entries(catalogues[DEFAULT_LOCALE]!);
  const problems: string[] = [];
  for (const [locale, tree] of Object.entries(catalogues)) {
    const own = entries(tree);
    const forms = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
    for (const key of english.keys()) if (!own.has(key)) problems.push(`${locale}: missing key ${key}`);
    for (const [key, entry] of own) {
      const source = english.get(key);
      if (!source) {
        problems.push(`${locale}: key ${key} is not in English`);
        continue;
      }
      const wanted = source.forms.size > 0 ? forms : new Set<string>();
      if (sorted(entry.forms) !== sorted(wanted))
        problems.push(
          `${locale}: ${key} has plural forms [${sorted(entry.forms)}], ${locale} needs [${sorted(wanted)}]`,
        );
      for (const name of entry.placeholders)
        if (!source.placeholders.has(name))
          problems.push(`${locale}: ${key} uses {{${name}}}, which English does not`);
    }
  }
  return problems;
}

/**
 * English keys no source file names. A key is named by a string literal (`'verdict.caveat'`), or
 * matched by a template literal's pattern (`` `discord.commands.${key}.name` `` names every
 * `discord.commands.*.name`).
 */
export function unusedKeys(sources: readonly string[]): string[] {
  const literals = new Set<string>();
  const patterns: RegExp[] = [];
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const source of sources) {
    for (const m of source.matchAll(/['"`]([a-zA-Z]\w*(?:\.\w+)+)['"`]/g)) literals.add(m[1]!);
    for (const m of source.matchAll(/`([a-zA-Z]\w*(?:\.\w+)*\.)\$\{[^}`]+\}((?:\.\w+)*)`/g))
      patterns.push(new RegExp(`^${escape(m[1]!)}[^.]+${escape(m[2]!)}$`));
  }
  return [...entries(CATALOGUES[DEFAULT_LOCALE]).keys()].filter(
    (key) => !literals.has(key) && !patterns.some((p) => p.test(key)),
  );
}

/** The TypeScript the bot is made of: where catalogue keys are used. */
export function botSources(root = resolve(import.meta.dirname, '..')): string[] {
  return ['src', 'adapters'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.includes('locales'))
      .map((file) => readFileSync(join(root, dir, file), 'utf8')),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = [
    ...catalogueProblems(),
    ...unusedKeys(botSources()).map((key) => `en: ${key} is never used`),
  ];
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  process.stdout.write(
    problems.length === 0
      ? `${LOCALES.length} catalogues complete and consistent (${LOCALES.join(', ')}).\n`
      : `${problems.length} problems.\n`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
