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

/** Every relative import of a file, resolved to a path from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => relative(root, resolve(root, dirname(file), s)).replace(/\.js$/, '.ts'));
}

function violations(from: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(from).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((t) => `${file} → ${t}`),
  );
}

const COMPOSITION_ROOTS = ['src/cli.ts', 'src/core.ts', 'src/start.ts'];
const isCompositionRoot = (file: string) => COMPOSITION_ROOTS.includes(file) || file.startsWith('src/cli/');

describe('architecture boundaries', () => {
  it('finds the source it guards (a wall over nothing proves nothing)', () => {
    expect(sourceFiles('src').length).toBeGreaterThan(5);
    expect(importsOf('src/cli.ts')).toContain('src/cli/main.ts');
  });

  it('src/ never imports adapters/, but for the composition roots that start them', () => {
    const found = sourceFiles('src')
      .filter((f) => !isCompositionRoot(f))
      .flatMap((f) =>
        importsOf(f)
          .filter((t) => t.startsWith('adapters/'))
          .map((t) => `${f} → ${t}`),
      );
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
      t === 'src/secret.ts';
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
