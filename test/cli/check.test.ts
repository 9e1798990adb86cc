import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { mp4, plainText } from '../helpers/media-samples.js';

const examples = resolve(import.meta.dirname, '../../examples');
let dir: string;
let emptyDir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bitmind-cli-'));
  emptyDir = await mkdtemp(join(tmpdir(), 'bitmind-cli-cwd-'));
  await writeFile(join(dir, 'notes.jpg'), plainText());
  await writeFile(join(dir, 'clip.mp4'), mp4());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(emptyDir, { recursive: true, force: true });
});

describe('bitmind-bot check, as a child process', () => {
  it('prints exactly one JSON document, marks simulated results, and exits 1 when any item failed', async () => {
    const run = await runCli(
      [
        'check',
        '--json',
        join(examples, 'landscape.png'),
        join(examples, 'generated-art.png'),
        join(dir, 'notes.jpg'),
        join(dir, 'clip.mp4'),
        'http://127.0.0.1:9/x.png',
      ],
      { cwd: emptyDir },
    );
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as { results: Array<Record<string, unknown>> };
    expect(doc.results).toEqual([
      {
        source: 'landscape.png',
        kind: 'image',
        isAI: false,
        confidence: 0.12,
        processingTime: expect.any(Number),
        cached: false,
        simulated: true,
      },
      {
        source: 'generated-art.png',
        kind: 'image',
        isAI: true,
        confidence: 0.93,
        processingTime: expect.any(Number),
        cached: false,
        simulated: true,
      },
      {
        source: 'notes.jpg',
        error: { code: 'unsupported_type', message: expect.stringMatching(/JPEG, PNG, WebP, GIF, HEIC/) },
      },
      {
        source: 'clip.mp4',
        kind: 'video',
        isAI: expect.any(Boolean),
        confidence: expect.any(Number),
        processingTime: expect.any(Number),
        cached: false,
        simulated: true,
      },
      {
        source: 'http://127.0.0.1:9/x.png',
        error: { code: 'blocked_url', message: expect.stringMatching(/not allowed/) },
      },
    ]);
    expect(run.stderr).toMatch(/embedded simulator.*SIMULATED/);
  });

  it('prints a table with bands, likelihoods and the caveat, and exits 0 when all succeeded', async () => {
    const run = await runCli(
      ['check', join(examples, 'landscape.png'), join(examples, 'generated-art.png')],
      { cwd: emptyDir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/landscape\.png\s+image\s+🟢 Little evidence of AI generation\s+12%/);
    expect(run.stdout).toMatch(/generated-art\.png\s+image\s+🔴 Strong evidence of AI generation\s+93%/);
    expect(run.stdout).toMatch(/probabilistic/);
    expect(run.stdout).toMatch(/SIMULATED/);
  });

  it('says which file is missing, without a stack trace', async () => {
    const run = await runCli(['check', '--json', join(dir, 'nope.png')], { cwd: emptyDir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      results: [
        {
          source: 'nope.png',
          error: { code: 'download_failed', message: expect.stringMatching(/no such file/) },
        },
      ],
    });
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with usage for no arguments or an unknown option', async () => {
    const none = await runCli(['check'], { cwd: emptyDir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Name at least one file or URL[\s\S]*Usage: bitmind-bot check/);
    const bad = await runCli(['check', '--yaml', 'a.png'], { cwd: emptyDir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option --yaml/);
  });

  it('exits 2 naming the variable for a configuration error', async () => {
    const run = await runCli(['check', join(examples, 'landscape.png')], {
      cwd: emptyDir,
      env: { BITMIND_CLIENT_ID: 'only-an-id' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/BITMIND_CLIENT_SECRET/);
    expect(run.stdout).toBe('');
  });

  it('talks to real credentials when given them, and then marks nothing simulated', async () => {
    const { startSimulator } = await import('../../src/simulator/index.js');
    const sim = await startSimulator();
    try {
      const run = await runCli(['check', '--json', join(examples, 'landscape.png')], {
        cwd: emptyDir,
        env: {
          BITMIND_BASE_URL: sim.url,
          BITMIND_CLIENT_ID: sim.credentials.clientId,
          BITMIND_CLIENT_SECRET: sim.credentials.clientSecret,
        },
      });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        results: [{ source: 'landscape.png', simulated: false, confidence: 0.12 }],
      });
      expect(run.stderr).not.toMatch(/SIMULATED/);
      expect(sim.requests.map((r) => r.path)).toContain('/image');
    } finally {
      await sim.close();
    }
  });
});

describe('the CLI itself', () => {
  it('lists its commands with --help and exits 2 with usage for an unknown command', async () => {
    const help = await runCli(['--help'], { cwd: emptyDir, built: true });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Commands:[\s\S]*check[\s\S]*simulator/);
    const unknown = await runCli(['frobnicate'], { cwd: emptyDir, built: true });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
  });
});
