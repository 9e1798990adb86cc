import { readdirSync, readFileSync } from 'node:fs';
import {
  isLiteralElement,
  isPluralElement,
  isSelectElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOGUES, DEFAULT_LOCALE, LOCALES, type CatalogueTree } from '../src/i18n/i18n.js';

/**
 * `npm run i18n:check`: every catalogue has exactly English's keys, every message parses as ICU
 * MessageFormat, each plural has exactly its language's plural forms (CLDR, through
 * Intl.PluralRules; `=N` cases are extra), no translation uses an argument English does not give,
 * and every English key is used somewhere in src/ or adapters/. test/unit/i18n-catalogues.test.ts
 * runs the same checks.
 */

/** Every leaf of a catalogue by its dotted key (`verdict.placeholder`). */
export function leaves(tree: CatalogueTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

interface Entry {
  /** The arguments the message uses (`count`, `user`). */
  readonly args: Set<string>;
  /** The plural forms of each plural argument, without `=N` cases. */
  readonly plurals: Map<string, Set<string>>;
  /** Why it could not be parsed, if it could not. */
  readonly error?: string;
}

function entryOf(text: string): Entry {
  const entry: Entry = { args: new Set(), plurals: new Map() };
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const element of elements) {
      // Every element with a string value but literal text names an argument.
      if (!isLiteralElement(element) && 'value' in element && typeof element.value === 'string')
        entry.args.add(element.value);
      if (isPluralElement(element))
        entry.plurals.set(
          element.value,
          new Set(Object.keys(element.options).filter((form) => !form.startsWith('='))),
        );
      if (isPluralElement(element) || isSelectElement(element))
        for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  try {
    // `<link>`, `<@{user}>` are Slack's and Discord's markup, not formatjs's rich-text tags.
    walk(parse(text, { ignoreTag: true }));
  } catch (err) {
    return { ...entry, error: err instanceof Error ? err.message : String(err) };
  }
  return entry;
}

/** A catalogue's messages, parsed, by key. */
function entries(tree: CatalogueTree): Map<string, Entry> {
  return new Map([...leaves(tree)].map(([key, text]) => [key, entryOf(text)]));
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
      if (entry.error) {
        problems.push(`${locale}: ${key} is not ICU MessageFormat (${entry.error})`);
        continue;
      }
      for (const arg of source.plurals.keys())
        if (!entry.plurals.has(arg)) problems.push(`${locale}: ${key} has no plural for {${arg}}`);
      for (const [arg, present] of entry.plurals)
        if (sorted(present) !== sorted(forms))
          problems.push(
            `${locale}: ${key} has plural forms [${sorted(present)}] for ${arg}, ${locale} needs [${sorted(forms)}]`,
          );
      for (const name of entry.args)
        if (!source.args.has(name)) problems.push(`${locale}: ${key} uses {${name}}, which English does not`);
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
