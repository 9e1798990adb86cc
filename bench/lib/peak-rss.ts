import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Runs a Node script in a child process of plain `node` (no TypeScript loader, whose worker thread
 * would add some 35 MB to every RSS) and returns the child's peak RSS, read by a hook that runs at
 * its exit: VmHWM, the high-water mark of the child's own address space. Not
 * process.resourceUsage().maxRSS: Linux carries ru_maxrss across fork and exec, so a child spawned
 * by a large parent reports the parent's size (both clients read ~300 MB once the bench had loaded
 * its images).
 */
const HOOK = `import { readFileSync, writeFileSync } from 'node:fs';
process.on('exit', () => {
  let kb;
  try { kb = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]); }
  catch { kb = process.resourceUsage().maxRSS; }
  writeFileSync(process.env.BENCH_PEAK_RSS_FILE, String(kb));
});`;

export interface MeasuredRun {
  readonly peakMb: number;
  readonly ms: number;
  readonly exitCode: number | null;
}

export async function runMeasured(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<MeasuredRun> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-rss-'));
  const out = join(dir, 'peak-rss');
  try {
    const started = performance.now();
    // cwd is an empty directory, so no .env of the project's leaks into the child's settings.
    const child = spawn(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(HOOK)}`, script, ...args],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', ...env, BENCH_PEAK_RSS_FILE: out },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const [exitCode] = (await once(child, 'exit')) as [number | null];
    const ms = performance.now() - started;
    const peakKb = Number(await readFile(out, 'utf8'));
    return { peakMb: peakKb / 1024, ms, exitCode };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The baseline client compiled to plain JavaScript beside a runner that checks one video, in
 * node_modules/.cache so that its imports (undici, zod) resolve to the project's. Returns the runner.
 */
export async function compiledBaselineRunner(): Promise<string> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dir = join(root, 'node_modules', '.cache', 'bitmind-bench');
  await mkdir(dir, { recursive: true });
  const source = await readFile(join(root, 'bench', 'baseline-client.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  });
  await writeFile(join(dir, 'baseline-client.mjs'), outputText);
  const runner = join(dir, 'baseline-video.mjs');
  await writeFile(
    runner,
    `import { BaselineClient } from './baseline-client.mjs';
const { BITMIND_BASE_URL: baseUrl, BITMIND_CLIENT_ID: clientId, BITMIND_CLIENT_SECRET: clientSecret } = process.env;
await new BaselineClient({ baseUrl, clientId, clientSecret }).processVideo(process.argv[2]);
`,
  );
  return runner;
}

/** A running process's resident memory now (VmRSS) and its high-water mark so far (VmHWM), in MB. */
export async function residentMb(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}
