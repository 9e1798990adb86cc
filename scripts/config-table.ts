/**
 * Prints the README's configuration table, generated from every variable (the core's ENV_VARS and each platform's) so the two cannot drift.
 * `--write` puts it between the README's markers (creating README.md with just that section when
 * there is none). `npm run docs:config` runs it that way.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { ALL_ENV_VARS as ENV_VARS } from '../src/platforms.js';

export const START_MARKER = '<!-- config-table:start -->';
export const END_MARKER = '<!-- config-table:end -->';
export const README = new URL('../README.md', import.meta.url);

/** The value a variable takes when it is not set, as an operator would write it; undefined if none. */
export function defaultOf(name: string): string | undefined {
  const parsed = ENV_VARS[name]?.schema.safeParse(undefined);
  const value: unknown = parsed?.success ? parsed.data : undefined;
  if (value === undefined) return undefined;
  // Defaults are strings, numbers and booleans: JSON writes the last two as an operator would.
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The tables, one per group, formatted as Prettier would leave them so `npm run format` keeps them. */
export async function configTable(): Promise<string> {
  const groups = new Map<string, string[]>();
  for (const [name, { group, doc }] of Object.entries(ENV_VARS)) {
    const fallback = defaultOf(name);
    const row = `| \`${name}\` | ${fallback === undefined ? '' : `\`${cell(fallback)}\``} | ${cell(doc)} |`;
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  const markdown = [...groups]
    .map(([group, rows]) =>
      [`### ${group}`, '', '| Variable | Default | Description |', '|---|---|---|', ...rows].join('\n'),
    )
    .join('\n\n');
  const options = await resolveConfig(fileURLToPath(README));
  return (await format(markdown, { ...options, parser: 'markdown' })).trim();
}

/** The README with the marked section replaced (or appended, when the markers are missing). */
export async function withConfigTable(readme: string): Promise<string> {
  const section = `${START_MARKER}\n\n${await configTable()}\n\n${END_MARKER}`;
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start === -1 || end < start) {
    return `${readme.trimEnd()}${readme.trim() ? '\n\n' : ''}## Configuration\n\n${section}\n`;
  }
  return readme.slice(0, start) + section + readme.slice(end + END_MARKER.length);
}

/** The table as it stands in a README, or undefined when the markers are missing. */
export function tableIn(readme: string): string | undefined {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  return start === -1 || end < start ? undefined : readme.slice(start + START_MARKER.length, end).trim();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--write')) {
    writeFileSync(README, await withConfigTable(existsSync(README) ? readFileSync(README, 'utf8') : ''));
  } else {
    process.stdout.write(`${await configTable()}\n`);
  }
}
