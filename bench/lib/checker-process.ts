import type { CheckerChildOptions } from './checker-child.js';
import { forkIpcChild } from './ipc-child.js';

export interface CheckerProcess {
  /** Checks one message's files; rejects unless every file got a verdict. */
  check(paths: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** The bot's Checker in a process of its own, its rate limit shared through Redis (`checker-child.ts`). */
export async function startCheckerProcess(options: CheckerChildOptions): Promise<CheckerProcess> {
  const child = await forkIpcChild<true>(new URL('./checker-child.ts', import.meta.url), options);
  return {
    async check(paths) {
      const error = await child.call<string | null>({ paths });
      if (error !== null) throw new Error(error);
    },
    close: () => child.close(),
  };
}
