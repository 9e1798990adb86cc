import type { CliChild, LogLine } from './cli-child.js';
import { waitFor } from './wait.js';

/**
 * Loaded into a child process (`--import`): on SIGUSR2, a full garbage collection, then one JSON
 * line with its memory. Nothing of it ships: the child runs the shipped build unchanged.
 */
const PROBE = `process.on('SIGUSR2', () => {
  globalThis.gc(); globalThis.gc();
  const m = process.memoryUsage();
  process.stdout.write(JSON.stringify({ level: 30, msg: 'heap probe', heapUsed: m.heapUsed, rss: m.rss }) + '\\n');
});`;

/** The node arguments that load the probe; put them before the script. */
export const HEAP_PROBE_ARGS: readonly string[] = [
  '--expose-gc',
  '--import',
  `data:text/javascript,${encodeURIComponent(PROBE)}`,
];

export interface HeapReading {
  readonly heapUsed: number;
  readonly rss: number;
}

/** Collects the child's garbage and reads its heap in use and resident memory, in bytes. */
export async function readHeap(child: CliChild): Promise<HeapReading> {
  const isProbe = (l: LogLine) => l.msg === 'heap probe';
  const seen = child.logs.filter(isProbe).length;
  child.signal('SIGUSR2');
  const line = await waitFor(() => child.logs.filter(isProbe)[seen], {
    what: 'the heap probe',
    timeoutMs: 30_000,
  });
  return { heapUsed: Number(line.heapUsed), rss: Number(line.rss) };
}
