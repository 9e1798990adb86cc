import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { environmentWithDotEnv } from '../../src/config.js';
import { ALL_ENV_VARS as ENV_VARS, loadBotConfig as loadConfig } from '../../src/platforms.js';
import { configTable, defaultOf, README, tableIn, withConfigTable } from '../../scripts/config-table.js';

const EXAMPLE = new URL('../../.env.example', import.meta.url);
const NAMES = Object.keys(ENV_VARS);

describe('.env.example', () => {
  const lines = readFileSync(EXAMPLE, 'utf8').split('\n');
  /** `NAME=` or `# NAME=default`: every line that sets (or shows) a variable. */
  const entries = lines.flatMap((line, i) => {
    const match = /^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    return match ? [{ name: match[1] ?? '', value: match[2], line, doc: lines[i - 1] ?? '' }] : [];
  });

  it('lists exactly the variables of ENV_VARS, each once', () => {
    expect(entries.map((e) => e.name).sort()).toEqual([...NAMES].sort());
  });

  it('shows each default commented out, and leaves the rest blank to fill in', () => {
    for (const { name, value, line } of entries) {
      const fallback = defaultOf(name);
      expect(line).toBe(fallback === undefined ? `${name}=` : `# ${name}=${fallback}`);
      expect(value).toBe(fallback ?? '');
    }
  });

  it('puts the one-line documentation above each variable, under its group heading', () => {
    let group = '';
    for (const line of lines) {
      const heading = /^# ---- (\w+) ----$/.exec(line);
      if (heading) group = heading[1] ?? '';
      const entry = entries.find((e) => e.line === line);
      if (!entry) continue;
      expect(entry.doc).toBe(`# ${ENV_VARS[entry.name]?.doc}`);
      expect(group).toBe(ENV_VARS[entry.name]?.group);
    }
  });

  it('is a valid configuration as it stands (the embedded simulator, every default)', () => {
    const config = loadConfig(environmentWithDotEnv({}, fileURLToPath(EXAMPLE)));
    expect(config.bitmind.auth.method).toBe('simulator');
    expect(config.port).toBe(3000);
  });
});

describe('README configuration table', () => {
  it('is what scripts/config-table.ts generates from ENV_VARS (run npm run docs:config)', async () => {
    const table = await configTable();
    expect(tableIn(readFileSync(README, 'utf8'))).toBe(table);
    for (const name of NAMES) expect(table).toContain(`\`${name}\``);
  });

  it('is replaced between the markers, leaving the rest of the README alone', async () => {
    const readme =
      '# Title\n\nIntro.\n\n<!-- config-table:start -->\nold\n<!-- config-table:end -->\n\n## Next\n';
    const updated = await withConfigTable(readme);
    expect(updated.startsWith('# Title\n\nIntro.\n\n<!-- config-table:start -->\n')).toBe(true);
    expect(updated.endsWith('<!-- config-table:end -->\n\n## Next\n')).toBe(true);
    expect(tableIn(updated)).toBe(await configTable());
    expect(await withConfigTable(updated)).toBe(updated);
  });

  it('is appended under a Configuration heading when the README has no markers', async () => {
    const updated = await withConfigTable('# Title\n');
    expect(updated).toMatch(/^# Title\n\n## Configuration\n\n<!-- config-table:start -->/);
    expect(tableIn(updated)).toBe(await configTable());
  });
});
