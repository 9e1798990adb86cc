import type { AutoscanSeed, ReplyMode } from '../config.js';

export interface ChannelSettings {
  readonly autoscan: boolean;
  readonly replyMode: ReplyMode;
  /** The reaction that asks for a check here; undefined means the platform's configured default. */
  readonly triggerReaction: string | undefined;
}

export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = Object.freeze({
  autoscan: false,
  replyMode: 'flagged',
  triggerReaction: undefined,
});

/**
 * Per-channel settings keyed by platform and channel. Narrow on purpose: a shared store (Redis, SQL)
 * for several instances only has to implement these three calls.
 */
export interface SettingsStore {
  get(platform: string, channelId: string): Promise<ChannelSettings>;
  update(platform: string, channelId: string, patch: Partial<ChannelSettings>): Promise<ChannelSettings>;
  /** Applies AUTOSCAN_CHANNELS at start without overriding what moderators chose since. */
  seed(seeds: readonly AutoscanSeed[]): Promise<void>;
}
