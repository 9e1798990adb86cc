import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The walls in docs/ARCHITECTURE.md, read from the import statements themselves. */
const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Every import specifier of a file, as written. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** Every relative import of a file, resolved to a path from the repository root. */
function importsOf(file: string): string[] {
  return specifiersOf(file)
    .filter((s) => s.startsWith('./') || s.startsWith('../'))
    .map((s) => relative(root, resolve(root, dirname(file), s)).replace(/\.js$/, '.ts'));
}

/** The folder a file of src/ belongs to, as the rooms table names them (`src/start.ts` is `src`). */
function folderOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : 'src';
}

/** Folder-level import cycles within src/ (a → b → a), each listed once as "a → b → … → a". */
function folderCycles(): string[] {
  const edges = new Map<string, Set<string>>();
  for (const file of sourceFiles('src')) {
    const from = folderOf(file);
    if (from === 'src') continue; // the root files are the composition, above every folder
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (!target.startsWith('src/') || to === from || to === 'src') continue;
      edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  const cycles = new Set<string>();
  const walk = (path: string[]): void => {
    for (const next of edges.get(path.at(-1)!) ?? []) {
      if (next === path[0]) cycles.add([...path, next].join(' → '));
      else if (!path.includes(next)) walk([...path, next]);
    }
  };
  for (const start of edges.keys()) walk([start]);
  // Each cycle is found once from each of its folders: keep the rotation starting at the smallest.
  return [...cycles].filter((c) => {
    const nodes = c.split(' → ').slice(0, -1);
    return nodes[0] === [...nodes].sort()[0];
  });
}

function violations(from: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(from).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((t) => `${file} → ${t}`),
  );
}

const COMPOSITION_ROOTS = ['src/cli.ts', 'src/core.ts', 'src/start.ts', 'src/connect.ts', 'src/platforms.ts'];
/** The one file of src/ that names the platforms: the list of adapters. */
const PLATFORM_LIST = 'src/platforms.ts';
const PLATFORM_SDKS = ['@slack/bolt', '@slack/web-api', '@slack/socket-mode', 'discord.js', '@discordjs/'];
const isCompositionRoot = (file: string) => COMPOSITION_ROOTS.includes(file) || file.startsWith('src/cli/');

describe('architecture boundaries', () => {
  it('finds the source it guards (a wall over nothing proves nothing)', () => {
    expect(sourceFiles('src').length).toBeGreaterThan(5);
    expect(importsOf('src/cli.ts')).toContain('src/cli/main.ts');
  });

  it('src/ never imports adapters/, but for the list of platforms, which imports only their light modules', () => {
    const found = sourceFiles('src').flatMap((f) =>
      importsOf(f)
        .filter((t) => t.startsWith('adapters/'))
        .filter((t) => f !== PLATFORM_LIST || !/^adapters\/[a-z]+\/platform\.ts$/.test(t))
        .map((t) => `${f} → ${t}`),
    );
    expect(found).toEqual([]);
    expect(importsOf(PLATFORM_LIST).filter((t) => t.startsWith('adapters/')).length).toBeGreaterThan(1);
  });

  it('src/ never imports a chat platform SDK: only the adapters speak Bolt or discord.js', () => {
    const found = sourceFiles('src').flatMap((f) =>
      specifiersOf(f)
        .filter((s) => PLATFORM_SDKS.some((sdk) => s === sdk || s.startsWith(sdk)))
        .map((s) => `${f} → ${s}`),
    );
    expect(found).toEqual([]);
  });

  it('no folder of src/ imports another that imports it back (media never imports check)', () => {
    expect(folderCycles()).toEqual([]);
    expect(violations('src/media', (t) => t.startsWith('src/check/'))).toEqual([]);
  });

  it('no adapter keeps state of its own that outlives an event: no Map, LRU or growing Set', () => {
    const found = sourceFiles('adapters').flatMap((f) => {
      const text = readFileSync(join(root, f), 'utf8');
      return [/new (Weak)?Map\b/, /\bLRUCache\b/, /new Set\(\)/, /new Set<[^>]*>\(\)/]
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${f}: ${pattern.source}`);
    });
    expect(found).toEqual([]);
  });

  it('the two adapters never import each other', () => {
    expect(violations('adapters/slack', (t) => t.startsWith('adapters/discord/'))).toEqual([]);
    expect(violations('adapters/discord', (t) => t.startsWith('adapters/slack/'))).toEqual([]);
  });

  it('src/bitmind/ knows nothing of media, chat, settings or the Checker', () => {
    const allowed = (t: string) =>
      t.startsWith('src/bitmind/') ||
      t.startsWith('src/domain/') ||
      t === 'src/config.ts' ||
      t === 'src/log.ts' ||
      t === 'src/secret.ts' ||
      // A leaf of its own (it imports nothing): signals that no garbage collection can take away.
      t === 'src/deadline.ts';
    expect(violations('src/bitmind', (t) => !allowed(t))).toEqual([]);
  });

  it('only the composition root imports the simulator', () => {
    const outside = sourceFiles('src')
      .filter((f) => !f.startsWith('src/simulator/') && !isCompositionRoot(f))
      .flatMap((f) =>
        importsOf(f)
          .filter((t) => t.startsWith('src/simulator/'))
          .map((t) => `${f} → ${t}`),
      );
    const fromAdapters = violations('adapters', (t) => t.startsWith('src/simulator/'));
    expect([...outside, ...fromAdapters]).toEqual([]);
  });

  it('src/domain/ is a leaf: it imports only itself', () => {
    expect(violations('src/domain', (t) => !t.startsWith('src/domain/'))).toEqual([]);
  });

  it('the simulator imports nothing of the client (the shared src/domain/ tables it may)', () => {
    expect(
      violations('src/simulator', (t) => t.startsWith('src/bitmind/') || t.startsWith('src/check/')),
    ).toEqual([]);
  });

  it('config.ts imports nothing of ours but the Secret type', () => {
    expect(importsOf('src/config.ts').filter((t) => t !== 'src/secret.ts')).toEqual([]);
  });
});
