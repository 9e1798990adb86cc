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

/** Settings that hold for a whole Slack workspace (or Grid organisation) or Discord guild. */
export interface WorkspaceSettings {
  /** The channel that receives the mod log; undefined: none. */
  readonly modlog: string | undefined;
  /** Roles (Discord) whose members may change settings besides those the platform already allows. */
  readonly moderatorRoles: readonly string[];
}

export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = Object.freeze({
  modlog: undefined,
  moderatorRoles: Object.freeze([]),
});

/** One channel's settings, as `channels(scope)` lists them. */
export interface ChannelEntry {
  readonly channel: string;
  readonly settings: ChannelSettings;
}

/**
 * Whose settings: a platform and one of its workspaces (Slack team or Grid organisation, Discord
 * guild). The same channel id in two workspaces never shares a setting. A `Place` is a scope.
 */
export interface Scope {
  readonly platform: string;
  readonly workspace: string;
}

/**
 * Settings per channel and per workspace. Narrow on purpose: a shared store (Redis, SQL) for
 * several instances only has to implement these calls.
 */
export interface SettingsStore {
  get(scope: Scope, channelId: string): Promise<ChannelSettings>;
  update(scope: Scope, channelId: string, patch: Partial<ChannelSettings>): Promise<ChannelSettings>;
  /**
   * Applies AUTOSCAN_CHANNELS at start without overriding what moderators chose since. A seed
   * without a workspace holds for that channel id in whichever workspace it turns up.
   */
  seed(seeds: readonly AutoscanSeed[]): Promise<void>;
  workspace(scope: Scope): Promise<WorkspaceSettings>;
  updateWorkspace(scope: Scope, patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings>;
  /**
   * The channels of a workspace that have settings (chosen there, or seeded for any workspace),
   * each with the settings in force, ordered by channel id: what an admin's overview lists.
   */
  channels(scope: Scope): Promise<readonly ChannelEntry[]>;
  /**
   * The workspaces of a platform that hold settings of their own (a channel's or the workspace's),
   * sorted: the ones a platform that learns its workspaces only at connection (Discord's READY)
   * checks for workspaces it left unnoticed. Seeds for any workspace and the first format's keys
   * name no workspace and are not listed.
   */
  workspaces(platform: string): Promise<readonly string[]>;
  /** Deletes every setting of a workspace the bot has left or been removed from (seeds stay: they are configuration). */
  forget(scope: Scope): Promise<void>;
}
