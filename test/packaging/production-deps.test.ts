import { execFile } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../adapters/discord/index.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.js';
import { waitFor } from '../helpers/wait.js';
import { spawnCli } from '../helpers/cli-child.js';
import { runNode } from '../helpers/run-cli.js';

/**
 * The Docker image's runtime stage, rebuilt outside Docker (which cannot run here): package.json and
 * the lockfile installed with production dependencies only, the compiled dist/ (built by `npm test`'s
 * pretest step), manifest/ and examples/. Every command then runs from that copy, where nothing
 * from the repository's node_modules can be found.
 */

const root = resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);

interface Lockfile {
  packages: Record<string, { dev?: boolean }>;
}
interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

let app: string;
let dataDir: string;
let slack: FakeSlack;
let discord: FakeDiscord;

/** npm ci from the cache (the project is installed, so it holds every package); online if it must. */
async function installProduction(dir: string): Promise<void> {
  const args = ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'];
  const options = { cwd: dir, timeout: 120_000, env: { ...process.env, npm_config_loglevel: 'error' } };
  try {
    await exec('npm', [...args, '--offline'], options);
  } catch {
    await exec('npm', [...args, '--prefer-offline'], options);
  }
}

beforeAll(async () => {
  const cli = join(root, 'dist/src/cli.js');
  if (!(await stat(cli).catch(() => undefined)))
    throw new Error('dist/ is missing: run `npm run build` first');
  app = await mkdtemp(join(tmpdir(), 'bitmind-prod-'));
  dataDir = await mkdtemp(join(tmpdir(), 'bitmind-prod-data-'));
  for (const file of ['package.json', 'package-lock.json']) await cp(join(root, file), join(app, file));
  await installProduction(app);
  for (const dir of ['dist', 'manifest', 'examples'])
    await cp(join(root, dir), join(app, dir), { recursive: true });
  [slack, discord] = await Promise.all([startFakeSlack(), startFakeDiscord()]);
  discord.rest.commands.set('global', JSON.parse(JSON.stringify(commandDefinitions())) as unknown[]);
}, 180_000);

afterAll(async () => {
  await Promise.all([slack?.close(), discord?.close()]);
  await rm(app, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

/** Socket Mode Slack and Discord on the fakes, BitMind on the embedded simulator. */
function platformEnv(): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    ...slack.env(),
    ...discord.env(),
  };
}

/** The runtime stage of the Dockerfile, as text: from `FROM ... AS runtime` to the end. */
async function runtimeStage(): Promise<string> {
  const dockerfile = await readFile(join(root, 'Dockerfile'), 'utf8');
  const start = dockerfile.search(/^FROM node:20-slim AS runtime$/m);
  expect(start, 'the Dockerfile has a node:20-slim runtime stage').toBeGreaterThan(0);
  return dockerfile.slice(start);
}

/** The HEALTHCHECK's command, as the exec-form JSON array Docker runs. */
async function healthcheckCommand(): Promise<string[]> {
  const match = /^HEALTHCHECK [^\n]*\\\n\s*CMD (\[.*\])$/m.exec(await runtimeStage());
  expect(match, 'the runtime stage has an exec-form HEALTHCHECK').not.toBeNull();
  return JSON.parse(match![1]!) as string[];
}

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

describe('the Dockerfile runtime stage', () => {
  it('installs production dependencies without scripts, copies dist, manifest and examples, and runs start as a non-root user', async () => {
    const stage = await runtimeStage();
    expect(stage).toMatch(/^RUN npm ci --omit=dev --ignore-scripts\b/m);
    expect(stage).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    expect(stage).toMatch(/^COPY manifest \.\/manifest$/m);
    expect(stage).toMatch(/^COPY examples \.\/examples$/m);
    expect(stage).toMatch(/^USER node$/m);
    expect(stage).toMatch(/DATA_DIR=\/data/);
    expect(stage).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(stage).toMatch(/^EXPOSE 3000$/m);
    expect(stage).toMatch(/^CMD \["node", "dist\/src\/cli\.js", "start"\]$/m);
  });
});

describe('the app installed with production dependencies only', () => {
  it('has no dev-only package in node_modules (typescript, vitest, tsx and the rest of the lockfile dev tree)', async () => {
    const lock = JSON.parse(await readFile(join(app, 'package-lock.json'), 'utf8')) as Lockfile;
    const devOnly = Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && entry.dev === true)
      .map(([path]) => path);
    expect(devOnly).toEqual(
      expect.arrayContaining(['node_modules/typescript', 'node_modules/vitest', 'node_modules/tsx']),
    );
    const present = [];
    for (const path of devOnly) if (await stat(join(app, path)).catch(() => undefined)) present.push(path);
    expect(present).toEqual([]);
  });

  it('imports, from dist/, only Node built-ins and packages listed in dependencies', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as PackageJson;
    const allowed = new Set(Object.keys(pkg.dependencies));
    const builtins = new Set(builtinModules);
    const imported = new Map<string, string>();
    for await (const file of files(join(app, 'dist'))) {
      if (!file.endsWith('.js')) continue;
      const text = await readFile(file, 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'".][^'"]*)['"]/g)) {
        const spec = m[1]!;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!imported.has(name)) imported.set(name, file.slice(app.length + 1));
      }
    }
    const outside = [...imported].filter(
      ([name]) => !allowed.has(name) && !name.startsWith('node:') && !builtins.has(name),
    );
    expect(outside).toEqual([]);
    // The scan saw the real thing: the chat libraries and the pretty printer for terminals.
    expect([...imported.keys()]).toEqual(
      expect.arrayContaining(['@slack/bolt', 'discord.js', 'pino-pretty', 'undici']),
    );
  });

  it('check --json examples/landscape.png works on the embedded simulator', async () => {
    const run = await runNode(['dist/src/cli.js', 'check', '--json', 'examples/landscape.png'], {
      cwd: app,
      env: { DATA_DIR: dataDir },
    });
    expect(run.stderr).toContain('Results are SIMULATED');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      results: [
        {
          source: 'landscape.png',
          kind: 'image',
          isAI: false,
          confidence: 0.12,
          processingTime: expect.any(Number),
          cached: false,
          simulated: true,
        },
      ],
    });
  });

  it('doctor passes against the fake Slack and Discord', async () => {
    const run = await runNode(['dist/src/cli.js', 'doctor'], { cwd: app, env: platformEnv() });
    expect(run.stdout).toMatch(/All checks passed\.\n$/);
    expect(run.code).toBe(0);
  });

  it('start serves /healthz, connects to Slack and Discord, passes the HEALTHCHECK, and exits 0 on SIGTERM', async () => {
    const bot = spawnCli(
      ['start'],
      { ...platformEnv(), HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' },
      { cwd: app, entry: ['dist/src/cli.js'] },
    );
    try {
      const listening = await bot.waitForLog(
        (line) => line.msg?.startsWith('HTTP server listening') === true,
        'the "HTTP server listening" line',
        20_000,
      );
      const origin = new URL(String(listening.url)).origin;
      const port = new URL(origin).port;

      const health = await request(`${origin}/healthz`, { headersTimeout: 5000, bodyTimeout: 5000 });
      expect(health.statusCode).toBe(200);
      expect(await health.body.json()).toEqual({ status: 'ok' });
      // Ready means both platforms connected (Socket Mode and the gateway) and BitMind answering.
      await waitFor(
        async () => {
          const res = await request(`${origin}/readyz`, { headersTimeout: 5000, bodyTimeout: 5000 });
          await res.body.dump();
          return res.statusCode === 200;
        },
        { timeoutMs: 20_000, intervalMs: 100, what: '/readyz 200' },
      );
      expect(slack.socket.connected).toBe(true);

      // Docker's own health check command, as the image would run it.
      const [command, ...args] = await healthcheckCommand();
      expect(command).toBe('node');
      expect((await runNode(args, { cwd: app, env: { PORT: port } })).code).toBe(0);

      bot.signal('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      expect(bot.stdout).toContain('bitmind-bot stopped');
      // Nothing listens any more: the same health check now fails.
      expect((await runNode(args, { cwd: app, env: { PORT: port } })).code).toBe(1);
    } finally {
      await bot.close();
    }
  }, 60_000);
});
