import type { AdapterDeps } from '../../src/adapter.js';
import { randomUUID } from 'node:crypto';
import type { Channel } from 'discord.js';
import type { CheckRequest, MediaRef, Trigger } from '../../src/domain/types.js';
import type { Config } from '../../src/config.js';
import type { WorkTracker } from '../../src/work-tracker.js';
import type { AttachmentSource } from './media.js';

export type DiscordAdapterDeps = AdapterDeps;

/** What every handler gets: the core, the Discord settings, and where attachments may come from. */
export interface DiscordContext extends DiscordAdapterDeps {
  readonly discord: NonNullable<Config['discord']>;
  readonly source: AttachmentSource;
  readonly tasks: WorkTracker;
}

export function checkRequest(
  trigger: Trigger,
  userId: string,
  channelId: string,
  media: MediaRef[],
): CheckRequest {
  return { id: randomUUID(), trigger, requester: { platform: 'discord', userId, channelId }, media };
}

/** Settings belong to channels; a thread follows the channel it was opened in. */
export function settingsChannelId(channel: Channel | null, fallbackId: string): string {
  if (channel?.isThread()) return channel.parentId ?? channel.id;
  return channel?.id ?? fallbackId;
}

/** How a reply names who asked: a mention, which never pings (replies allow no mentions). */
export function mention(userId: string): string {
  return `<@${userId}>`;
}
