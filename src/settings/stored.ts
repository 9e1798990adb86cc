import { REPLY_MODES, type AutoscanSeed } from '../config.js';
import { z } from 'zod';
import {
  DEFAULT_CHANNEL_SETTINGS,
  DEFAULT_WORKSPACE_SETTINGS,
  type ChannelEntry,
  type ChannelSettings,
  type Scope,
  type WorkspaceSettings,
} from './store.js';

/** One channel's settings as a store writes them (JSON), read back through this schema. */
export const storedChannelSchema = z.object({
  autoscan: z.boolean(),
  replyMode: z.enum(REPLY_MODES),
  triggerReaction: z.string().min(1).optional(),
});
type StoredChannel = z.infer<typeof storedChannelSchema>;

/** One workspace's settings as a store writes them. */
export const storedWorkspaceSchema = z.object({
  modlog: z.string().min(1).optional(),
  moderatorRoles: z.array(z.string().min(1)).max(100).optional(),
});
type StoredWorkspace = z.infer<typeof storedWorkspaceSchema>;

export function toSettings(stored: StoredChannel | undefined): ChannelSettings {
  if (!stored) return DEFAULT_CHANNEL_SETTINGS;
  return { autoscan: stored.autoscan, replyMode: stored.replyMode, triggerReaction: stored.triggerReaction };
}

export function fromSettings(s: ChannelSettings): StoredChannel {
  return s.triggerReaction === undefined
    ? { autoscan: s.autoscan, replyMode: s.replyMode }
    : { autoscan: s.autoscan, replyMode: s.replyMode, triggerReaction: s.triggerReaction };
}

export function toWorkspaceSettings(stored: StoredWorkspace | undefined): WorkspaceSettings {
  if (!stored) return DEFAULT_WORKSPACE_SETTINGS;
  return { modlog: stored.modlog, moderatorRoles: stored.moderatorRoles ?? [] };
}

export function fromWorkspaceSettings(s: WorkspaceSettings): StoredWorkspace {
  return {
    ...(s.modlog === undefined ? {} : { modlog: s.modlog }),
    ...(s.moderatorRoles.length === 0 ? {} : { moderatorRoles: [...s.moderatorRoles] }),
  };
}

/** What a seed writes: auto-scan on in its mode. */
export function seededSettings(seed: AutoscanSeed): StoredChannel {
  return fromSettings({ autoscan: true, replyMode: seed.replyMode, triggerReaction: undefined });
}

/** Stands for "any workspace" in a seed's key; no Slack team or Discord guild id is `*`. */
const ANY_WORKSPACE = '*';

/** How stores key a channel; unambiguous since platform names and workspace ids hold no colon. */
export function channelKey(scope: Scope, channelId: string): string {
  return `${scope.platform}:${scope.workspace}:${channelId}`;
}

export function seedKey(seed: AutoscanSeed): string {
  return channelKey({ platform: seed.platform, workspace: seed.workspace ?? ANY_WORKSPACE }, seed.channelId);
}

/**
 * The keys that may hold a channel's settings, the one that wins first: what was chosen in this
 * workspace, then a seed for the channel id in any workspace, then the key of the first file
 * format (`platform:channel`, from before settings were per workspace), which is how a
 * single-workspace install keeps its channels when it becomes a distributed app.
 */
export function lookupKeys(scope: Scope, channelId: string): [string, string, string] {
  return [
    channelKey(scope, channelId),
    channelKey({ platform: scope.platform, workspace: ANY_WORKSPACE }, channelId),
    `${scope.platform}:${channelId}`,
  ];
}

/**
 * The channels of `scope` among a store's channel keys and their stored values, each with the
 * settings in force by the precedence of `lookupKeys`; values that do not validate are left out.
 */
export function channelsOf(scope: Scope, fields: Iterable<readonly [string, unknown]>): ChannelEntry[] {
  const found = new Map<string, { rank: number; stored: StoredChannel }>();
  for (const [key, value] of fields) {
    const parts = key.split(':');
    if (parts[0] !== scope.platform) continue;
    const channel = parts.at(-1) ?? '';
    const rank = lookupKeys(scope, channel).indexOf(key);
    const parsed = storedChannelSchema.safeParse(value);
    if (rank < 0 || !parsed.success) continue;
    const held = found.get(channel);
    if (!held || rank < held.rank) found.set(channel, { rank, stored: parsed.data });
  }
  return [...found]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([channel, { stored }]) => ({ channel, settings: toSettings(stored) }));
}

/**
 * The workspaces of `platform` named by a store's channel keys (`platform:workspace:channel`) and
 * workspace keys (`platform:workspace`), sorted. A seed's `*` and the first format's
 * `platform:channel` keys name none.
 */
export function workspacesIn(
  platform: string,
  channelKeys: Iterable<string>,
  workspaceKeys: Iterable<string>,
): string[] {
  const found = new Set<string>();
  const take = (key: string, parts: number) => {
    const split = key.split(':');
    const workspace = split[1];
    if (split.length === parts && split[0] === platform && workspace && workspace !== ANY_WORKSPACE)
      found.add(workspace);
  };
  for (const key of channelKeys) take(key, 3);
  for (const key of workspaceKeys) take(key, 2);
  return [...found].sort();
}

/** Every channel key of one workspace starts with this. */
export function workspacePrefix(scope: Scope): string {
  return `${scope.platform}:${scope.workspace}:`;
}

export function workspaceKey(scope: Scope): string {
  return `${scope.platform}:${scope.workspace}`;
}
