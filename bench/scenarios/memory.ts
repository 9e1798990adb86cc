import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSparseMp4 } from '../lib/media.js';
import { compiledBaselineRunner, runMeasured, type MeasuredRun } from '../lib/peak-rss.js';
import { times, type Row, type Scale, type ScenarioResult } from '../lib/result.js';
import { botEnvFor, startSimProcess } from '../lib/sim-process.js';

const MB = 1024 * 1024;
const CEILING_MB = 150;

/**
 * Scenario 2: one video checked by a client alone in its own process, with the simulator in a
 * third, at two sizes: the peak RSS of the bot (the shipped CLI, `node dist/src/cli.js check`)
 * against the baseline (compiled the same way). The videos are sparse files with a valid MP4 header.
 */
export async function memory(scale: Scale): Promise<ScenarioResult> {
  const sizesMb = scale.quick ? [20, 60] : [50, 450];
  const cli = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
  await access(cli).catch(() => {
    throw new Error('dist/src/cli.js is missing: run `npm run build` first (`npm run bench` does)');
  });
  const baseline = await compiledBaselineRunner();
  const dir = await mkdtemp(join(tmpdir(), 'bench-memory-'));
  const sim = await startSimProcess();
  const env = botEnvFor(sim, dir);
  const succeeded = (what: string, run: MeasuredRun): MeasuredRun => {
    if (run.exitCode !== 0) throw new Error(`${what} exited with ${run.exitCode}`);
    return run;
  };
  try {
    const runs: Record<string, { bot: MeasuredRun; baseline: MeasuredRun }> = {};
    for (const size of sizesMb) {
      const path = await writeSparseMp4(join(dir, `video-${size}mb.mp4`), size * MB);
      runs[size] = {
        bot: succeeded(`the bot on ${size} MB`, await runMeasured(cli, ['check', '--json', path], env)),
        baseline: succeeded(`the baseline on ${size} MB`, await runMeasured(baseline, [path], env)),
      };
      await rm(path);
    }
    const rows: Row[] = sizesMb.map((size) => {
      const run = runs[size]!;
      return {
        measure: `peak RSS, one ${size} MB video`,
        bot: `${run.bot.peakMb.toFixed(0)} MB`,
        baseline: `${run.baseline.peakMb.toFixed(0)} MB`,
        ratio: `${times(run.baseline.peakMb / run.bot.peakMb)} less`,
        target: `bot < ${CEILING_MB} MB`,
        met: run.bot.peakMb < CEILING_MB,
      };
    });
    const [small, large] = sizesMb.map((size) => runs[size]!);
    const botGrowth = large!.bot.peakMb - small!.bot.peakMb;
    rows.push({
      measure: `peak RSS growth, ${sizesMb[0]} MB → ${sizesMb[1]} MB video`,
      bot: `${botGrowth.toFixed(0)} MB`,
      baseline: `${(large!.baseline.peakMb - small!.baseline.peakMb).toFixed(0)} MB`,
      ratio: '',
      target: 'bot flat (< 20 MB), baseline grows',
      met: botGrowth < 20,
    });
    return {
      id: 'memory',
      title: '2. Memory',
      settings: {
        sizesMb,
        file: 'sparse MP4 (valid ftyp/mdat header)',
        bot: 'node dist/src/cli.js check --json <video>',
        baseline: 'the baseline client compiled to JavaScript, processVideo(<video>)',
        process: 'one child per client and size; the simulator in another process',
      },
      measured: runs,
      rows,
    };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}
