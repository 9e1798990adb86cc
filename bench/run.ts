import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { machine } from './lib/machine.js';
import { formatted, writeBenchmarksTable, type BenchReport } from './lib/report.js';
import type { Scale, ScenarioResult } from './lib/result.js';
import { cache } from './scenarios/cache.js';
import { conversion } from './scenarios/conversion.js';
import { eventToReply } from './scenarios/event-reply.js';
import { firehose } from './scenarios/firehose.js';
import { footprint } from './scenarios/footprint.js';
import { memory } from './scenarios/memory.js';
import { memoryPerGuild } from './scenarios/memory-per-guild.js';
import { overhead } from './scenarios/overhead.js';
import { queueCost } from './scenarios/queue-cost.js';
import { rateLimit } from './scenarios/rate-limit.js';
import { scaleOut } from './scenarios/scale-out.js';
import { sharedRateLimit } from './scenarios/shared-rate-limit.js';
import { throughput } from './scenarios/throughput.js';

/**
 * `npm run bench`: every scenario in turn, each against its baseline in the same run, then
 * bench/results.json and the table in BENCHMARKS.md. Options: `--quick` (small sizes, to check the
 * bench itself works), `--only=<id>[,<id>]` (some scenarios; results.json and the table are then
 * left alone unless `--write` is given too, which puts their rows in place of the last run's).
 */
const SCENARIOS: Record<string, (scale: Scale) => Promise<ScenarioResult>> = {
  throughput,
  memory,
  overhead,
  'rate-limit': rateLimit,
  'event-to-reply': eventToReply,
  cache,
  conversion,
  footprint,
  'memory-per-guild': memoryPerGuild,
  'scale-out': scaleOut,
  'shared-rate-limit': sharedRateLimit,
  'queue-cost': queueCost,
  firehose,
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const unknown = only?.filter((id) => !(id in SCENARIOS)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown scenario ${unknown.join(', ')}; choose from ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}
const write = !quick && (only === undefined || args.includes('--write'));

const started = performance.now();
const results: ScenarioResult[] = [];
for (const [id, run] of Object.entries(SCENARIOS)) {
  if (only && !only.includes(id)) continue;
  const t0 = performance.now();
  console.error(`bench: ${id}…`);
  const result = await run({ quick });
  console.error(`bench: ${id} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const row of result.rows) {
    const verdict = row.met === null ? '' : row.met ? 'met' : 'MISSED';
    console.log(
      `${result.title} | ${row.measure} | bot ${row.bot} | baseline ${row.baseline} | ${row.ratio} | ${row.target} ${verdict}`,
    );
  }
  results.push(result);
}
const totalSeconds = (performance.now() - started) / 1000;
console.error(`bench: finished in ${totalSeconds.toFixed(1)} s`);

if (write) {
  const resultsPath = fileURLToPath(new URL('./results.json', import.meta.url));
  const report = only
    ? await merged(resultsPath, results)
    : {
        date: new Date().toISOString(),
        machine: machine(),
        totalSeconds,
        quick,
        scenarios: results,
      };
  await writeFile(resultsPath, await formatted(resultsPath, JSON.stringify(report)));
  await writeBenchmarksTable(fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url)), report);
  console.error('bench: wrote bench/results.json and the table in BENCHMARKS.md');
}

/**
 * `--only=… --write`: the scenarios run now replace theirs in the last full run's report, the others
 * are kept, in the order of SCENARIOS; the run's date and machine stay the full run's.
 */
async function merged(path: string, fresh: readonly ScenarioResult[]): Promise<BenchReport> {
  const last = JSON.parse(await readFile(path, 'utf8')) as BenchReport;
  const byId = new Map(last.scenarios.map((s) => [s.id, s]));
  for (const result of fresh) byId.set(result.id, result);
  const order = Object.keys(SCENARIOS);
  return { ...last, scenarios: order.flatMap((id) => byId.get(id) ?? []) };
}
