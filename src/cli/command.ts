/** One `bitmind-bot <name>` command: its own file, its own usage, an exit code when done. */
export interface Command {
  readonly usage: string;
  /** Resolves to the process exit code: 0 success, 1 a check or probe failed, 2 usage or configuration. */
  run(args: readonly string[], io: CommandIO): Promise<number>;
}

export interface CommandIO {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: Record<string, string | undefined>;
  /**
   * Resolves with the signal's name when the process is asked to stop (SIGINT, SIGTERM). Only a
   * command that calls it takes over those signals; for the others they end the process as usual.
   */
  waitForStop(): Promise<string>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}
