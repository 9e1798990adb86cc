import {
  startSimulator,
  type FaultSettings,
  type Permission,
  type SimulatorOptions,
} from '../../src/simulator/index.js';

/**
 * The BitMind simulator in a process of its own, so the client under test has the CPU's other core
 * and its RSS to itself. Driven over the IPC channel by `bench/lib/sim-process.ts`.
 */
export type SimCommand =
  | { readonly id: number; readonly cmd: 'setFaults'; readonly settings: FaultSettings }
  | {
      readonly id: number;
      readonly cmd: 'setPermissions';
      readonly clientId: string;
      readonly permissions: Permission[];
    }
  | { readonly id: number; readonly cmd: 'requests' }
  | { readonly id: number; readonly cmd: 'clearLog' };

/** What the parent learns of each request: enough to count calls, 429s and arrival times. */
export interface SimRequestSummary {
  readonly path: string;
  readonly status: number;
  /** Epoch milliseconds at arrival. */
  readonly at: number;
  readonly fileCount: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as Omit<SimulatorOptions, 'logger'>;
const sim = await startSimulator(options);

process.on('message', (message: SimCommand) => {
  let result: unknown = null;
  switch (message.cmd) {
    case 'setFaults':
      sim.setFaults(message.settings);
      break;
    case 'setPermissions':
      sim.setPermissions(message.clientId, message.permissions);
      break;
    case 'requests':
      result = sim.requests.map((r) => ({
        path: r.path,
        status: r.status,
        at: r.at.getTime(),
        fileCount: r.fileCount,
      }));
      break;
    case 'clearLog':
      sim.clearLog();
      break;
  }
  process.send?.({ id: message.id, result });
});
process.on('disconnect', () => void sim.close().then(() => process.exit(0)));
process.send?.({ ready: { url: sim.url, credentials: sim.credentials } });
