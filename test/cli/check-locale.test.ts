import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../helpers/media-samples.js';
import { runCli } from '../helpers/run-cli.js';

const examples = resolve(import.meta.dirname, '../../examples');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bitmind-cli-locale-'));
  await writeFile(join(dir, 'notes.jpg'), plainText());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const inputs = () => [join(examples, 'generated-art.png'), join(dir, 'notes.jpg')];

describe('bitmind-bot check in the terminal’s language', () => {
  it('prints the table in German under LANG=de_DE.UTF-8, the error said by its code', async () => {
    const run = await runCli(['check', ...inputs()], { env: { LANG: 'de_DE.UTF-8' } });
    expect(run.code).toBe(1);
    const [header, art, notes] = run.stdout.split('\n');
    expect(header).toMatch(/^NAME\s+ART\s+ERGEBNIS\s+WAHRSCHEINLICHKEIT\s+DAUER\s+CACHE$/);
    expect(art).toMatch(
      /^generated-art\.png\s+Bild\s+🔴 Starke Hinweise auf KI-Generierung\s+93\u00a0%\s+[\d,]+ ms\s+nein$/,
    );
    expect(notes).toMatch(/^notes\.jpg\s+-\s+⚠️ Nicht geprüft \(unsupported_type\)/);
    expect(run.stdout).toContain(
      'notes.jpg: Diese Datei ist kein Bild und kein Video, das BitMind prüfen kann.',
    );
    expect(run.stdout).toContain('KI-Erkennung ist eine Wahrscheinlichkeitsaussage');
    expect(run.stdout).toContain('SIMULIERT: Es sind keine BitMind-Zugangsdaten eingerichtet');
  });

  it('LC_ALL wins over LANG', async () => {
    const run = await runCli(['check', inputs()[0]!], {
      env: { LANG: 'fr_FR.UTF-8', LC_ALL: 'ja_JP.UTF-8' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^名前\s+種類\s+判定\s+推定確率\s+時間\s+キャッシュ$/);
    expect(run.stdout).toContain('🔴 AI生成の強い兆候があります');
  });

  it('never translates --json: codes, fields and messages stay as they are', async () => {
    const english = await runCli(['check', '--json', ...inputs()], { env: {} });
    const french = await runCli(['check', '--json', ...inputs()], { env: { LANG: 'fr_FR.UTF-8' } });
    const withoutTimes = (out: string) => out.replace(/"processingTime":[\d.e-]+/g, '"processingTime":0');
    expect(withoutTimes(french.stdout)).toBe(withoutTimes(english.stdout));
    expect(french.stdout).toContain('"code":"unsupported_type"');
  });
});
