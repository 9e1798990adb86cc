import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus } from '../helpers/convert-samples.js';
import { runCli } from '../helpers/run-cli.js';

/** `check` on the files people share that BitMind does not read as they are. */
let dir: string;
const files = ['photo.heic', 'loop.gif', 'still.gif', 'clip.webm', 'scan.tiff'];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bitmind-cli-convert-'));
  const corpus = await makeCorpus(dir, 3);
  await writeFile(join(dir, 'photo.heic'), corpus.heic);
  await writeFile(join(dir, 'loop.gif'), corpus.animatedGif);
  await writeFile(join(dir, 'still.gif'), corpus.stillGif);
  await writeFile(join(dir, 'clip.webm'), corpus.webm);
  await writeFile(join(dir, 'scan.tiff'), corpus.tiff);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bitmind-bot check on converted media', () => {
  it('--json names what each file was converted from', async () => {
    const run = await runCli(['check', '--json', ...files.map((f) => join(dir, f))], { cwd: dir });
    expect(run.code).toBe(0);
    const { results } = JSON.parse(run.stdout) as { results: Record<string, unknown>[] };
    expect(results.map((r) => [r.source, r.kind, r.converted_from])).toEqual([
      ['photo.heic', 'image', 'HEIC photo'],
      ['loop.gif', 'video', 'animated GIF'],
      ['still.gif', 'image', 'GIF'],
      ['clip.webm', 'video', 'WebM video'],
      ['scan.tiff', 'image', 'TIFF image'],
    ]);
    expect(results.every((r) => r.simulated === true && !('found_on' in r))).toBe(true);
  });

  it('the table says it too, under the rows', async () => {
    const run = await runCli(['check', join(dir, 'photo.heic'), join(dir, 'loop.gif')], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/photo\.heic\s+image\s+/);
    expect(run.stdout).toMatch(/loop\.gif\s+video\s+/);
    expect(run.stdout).toContain('photo.heic: converted from HEIC photo');
    expect(run.stdout).toContain('loop.gif: the animated GIF, as a video');
  });
});
