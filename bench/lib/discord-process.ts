import type { FirehoseCommand, FirehoseResult } from './discord-child.js';
import { forkIpcChild } from './ipc-child.js';

export interface DiscordProcess {
  /** The settings that point a bot at this fake. */
  readonly env: Record<string, string>;
  /** Its #general, where the firehose goes. */
  readonly channelId: string;
  firehose(command: Omit<FirehoseCommand, 'id'>): Promise<FirehoseResult>;
  close(): Promise<void>;
}

/** The fake Discord in a child process of its own (`discord-child.ts`). */
export async function startDiscordProcess(): Promise<DiscordProcess> {
  const child = await forkIpcChild<{ env: Record<string, string>; channelId: string }>(
    new URL('./discord-child.ts', import.meta.url),
    {},
  );
  return {
    env: child.ready.env,
    channelId: child.ready.channelId,
    firehose: (command) => child.call<FirehoseResult>({ ...command }),
    close: () => child.close(),
  };
}
