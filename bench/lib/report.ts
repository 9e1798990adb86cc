import { readFile, writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import type { Machine } from './machine.js';
import type { ScenarioResult } from './result.js';

export interface BenchReport {
  readonly date: string;
  readonly machine: Machine;
  readonly totalSeconds: number;
  readonly quick: boolean;
  readonly scenarios: readonly ScenarioResult[];
}

const START = '<!-- bench:generated:start -->';
const END = '<!-- bench:generated:end -->';

const cell = (text: string): string => text.replaceAll('|', '\\|');

/** The generated part of BENCHMARKS.md: when and where the run was, and the table. */
export function renderTable(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    `Run of ${report.date.slice(0, 16).replace('T', ' ')} UTC, ${report.totalSeconds.toFixed(0)} s in all, on`,
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform}).`,
    '',
    '| Scenario | Measure | Bot | Baseline | Ratio | Target | Verdict |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const scenario of report.scenarios) {
    for (const row of scenario.rows) {
      const verdict = row.met === null ? '' : row.met ? 'met' : '**missed**';
      lines.push(
        `| ${[scenario.title, row.measure, row.bot, row.baseline, row.ratio, row.target, verdict].map(cell).join(' | ')} |`,
      );
    }
  }
  return lines.join('\n');
}

/** Replaces what lies between the markers in BENCHMARKS.md; the prose around them is left alone. */
export async function writeBenchmarksTable(path: string, report: BenchReport): Promise<void> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    text = `# Benchmarks\n\n${START}\n${END}\n`;
  }
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end < start) throw new Error(`${path} lacks the ${START} … ${END} markers`);
  const updated = `${text.slice(0, start + START.length)}\n\n${renderTable(report)}\n\n${text.slice(end)}`;
  await writeFile(path, await formatted(path, updated));
}

/** Written as `npm run format` would leave it, so a fresh run does not trip `format:check`. */
export async function formatted(path: string, text: string): Promise<string> {
  return format(text, { ...(await resolveConfig(path)), filepath: path });
}
