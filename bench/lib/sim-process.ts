import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type {
  FaultSettings,
  Permission,
  SimCredentials,
  SimulatorOptions,
} from '../../src/simulator/index.js';
import type { SimCommand, SimRequestSummary } from './sim-child.js';

/** Endpoints that are inference or status calls: what a rate limit and a request count are about. */
export const API_PATHS = new Set(['/status', '/image', '/video', '/batch_image', '/batch_video']);

export interface SimProcess {
  readonly url: string;
  readonly credentials: SimCredentials;
  readonly pid: number;
  setFaults(settings: FaultSettings): Promise<void>;
  setPermissions(clientId: string, permissions: Permission[]): Promise<void>;
  requests(): Promise<SimRequestSummary[]>;
  clearLog(): Promise<void>;
  close(): Promise<void>;
}

/** The environment that points a bot process at `sim` as its OAuth client, with its own DATA_DIR. */
export function botEnvFor(
  sim: Pick<SimProcess, 'url' | 'credentials'>,
  dataDir: string,
): Record<string, string> {
  return {
    BITMIND_BASE_URL: sim.url,
    BITMIND_CLIENT_ID: sim.credentials.clientId,
    BITMIND_CLIENT_SECRET: sim.credentials.clientSecret,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
}

type Command = SimCommand extends infer C ? (C extends SimCommand ? Omit<C, 'id'> : never) : never;

/** Starts the simulator in a child process on 127.0.0.1 and waits until it listens. */
export async function startSimProcess(options: Omit<SimulatorOptions, 'logger'> = {}): Promise<SimProcess> {
  const child: ChildProcess = fork(
    fileURLToPath(new URL('./sim-child.ts', import.meta.url)),
    [JSON.stringify(options)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const [ready] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(() => {
      throw new Error('the simulator process exited before it was ready');
    }),
  ])) as [{ ready: { url: string; credentials: SimCredentials } }];
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  child.on('message', (message: { id?: number; result?: unknown }) => {
    if (message.id === undefined) return;
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  const call = <T>(command: Command): Promise<T> =>
    new Promise((resolve) => {
      const id = next++;
      pending.set(id, resolve as (result: unknown) => void);
      child.send({ ...command, id });
    });
  return {
    url: ready.ready.url,
    credentials: ready.ready.credentials,
    pid: child.pid ?? 0,
    setFaults: (settings) => call({ cmd: 'setFaults', settings }),
    setPermissions: (clientId, permissions) => call({ cmd: 'setPermissions', clientId, permissions }),
    requests: () => call({ cmd: 'requests' }),
    clearLog: () => call({ cmd: 'clearLog' }),
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}

/** API calls (not token requests or health probes) in a request log. */
export function apiCalls(log: readonly SimRequestSummary[]): SimRequestSummary[] {
  return log.filter((r) => API_PATHS.has(r.path));
}
