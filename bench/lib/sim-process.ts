import type {
  FaultSettings,
  Permission,
  SimCredentials,
  SimulatorOptions,
} from '../../src/simulator/index.js';
import { forkIpcChild } from './ipc-child.js';
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
  const child = await forkIpcChild<{ url: string; credentials: SimCredentials }>(
    new URL('./sim-child.ts', import.meta.url),
    options,
  );
  const call = <T>(command: Command): Promise<T> => child.call<T>(command);
  return {
    url: child.ready.url,
    credentials: child.ready.credentials,
    pid: child.pid,
    setFaults: (settings) => call({ cmd: 'setFaults', settings }),
    setPermissions: (clientId, permissions) => call({ cmd: 'setPermissions', clientId, permissions }),
    requests: () => call({ cmd: 'requests' }),
    clearLog: () => call({ cmd: 'clearLog' }),
    close: () => child.close(),
  };
}

/** API calls (not token requests or health probes) in a request log. */
export function apiCalls(log: readonly SimRequestSummary[]): SimRequestSummary[] {
  return log.filter((r) => API_PATHS.has(r.path));
}
