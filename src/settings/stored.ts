import { REPLY_MODES } from '../config.js';
import { z } from 'zod';
import { DEFAULT_CHANNEL_SETTINGS, type ChannelSettings } from './store.js';

/** One channel's settings as a store writes them (JSON), read back through this schema. */
export const storedChannelSchema = z.object({
  autoscan: z.boolean(),
  replyMode: z.enum(REPLY_MODES),
  triggerReaction: z.string().min(1).optional(),
});
export type StoredChannel = z.infer<typeof storedChannelSchema>;

export function toSettings(stored: StoredChannel | undefined): ChannelSettings {
  if (!stored) return DEFAULT_CHANNEL_SETTINGS;
  return { autoscan: stored.autoscan, replyMode: stored.replyMode, triggerReaction: stored.triggerReaction };
}

export function fromSettings(s: ChannelSettings): StoredChannel {
  return s.triggerReaction === undefined
    ? { autoscan: s.autoscan, replyMode: s.replyMode }
    : { autoscan: s.autoscan, replyMode: s.replyMode, triggerReaction: s.triggerReaction };
}

/** How stores key a channel; unambiguous since platform names hold no colon. */
export function channelKey(platform: string, channelId: string): string {
  return `${platform}:${channelId}`;
}
