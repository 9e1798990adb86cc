import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface IpcChild<Ready> {
  readonly pid: number;
  /** What the child sent as `{ ready }` once it was ready. */
  readonly ready: Ready;
  /** Sends `command` with an id of its own and resolves with the child's `{ id, result }`. */
  call<T>(command: Record<string, unknown>): Promise<T>;
  /** Disconnects, which the child takes as its cue to close and exit, and waits for the exit. */
  close(): Promise<void>;
}

/**
 * A TypeScript module of the bench in a child process of its own (loaded through tsx), driven over
 * the IPC channel: it sends `{ ready }` once, then answers each `{ id, … }` with `{ id, result }`.
 */
export async function forkIpcChild<Ready>(module: URL, arg: unknown): Promise<IpcChild<Ready>> {
  const child: ChildProcess = fork(module.pathname, [JSON.stringify(arg)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [first] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(() => {
      throw new Error(`${module.pathname} exited before it was ready`);
    }),
  ])) as [{ ready: Ready }];
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  child.on('message', (message: { id?: number; result?: unknown }) => {
    if (message.id === undefined) return;
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  return {
    pid: child.pid ?? 0,
    ready: first.ready,
    call: <T>(command: Record<string, unknown>) =>
      new Promise<T>((resolve) => {
        const id = next++;
        pending.set(id, resolve as (result: unknown) => void);
        child.send({ ...command, id });
      }),
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}
