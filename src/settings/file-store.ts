import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AutoscanSeed } from '../config.js';
import { writeFileAtomically } from '../state/atomic-file.js';
import type { ChannelEntry, ChannelSettings, Scope, SettingsStore, WorkspaceSettings } from './store.js';
import {
  channelKey,
  channelsOf,
  fromSettings,
  fromWorkspaceSettings,
  lookupKeys,
  seedKey,
  seededSettings,
  storedChannelSchema,
  storedWorkspaceSchema,
  toSettings,
  toWorkspaceSettings,
  workspaceKey,
  workspacePrefix,
  workspacesIn,
} from './stored.js';

const channelsSchema = z.record(z.string(), storedChannelSchema);
/**
 * Version 1 keyed channels `platform:channel`, before settings were per workspace; it is read as
 * is (lookupKeys finds those keys) and written back as version 2 at the next change.
 */
const fileSchema = z.discriminatedUnion('version', [
  z.object({ version: z.literal(1), channels: channelsSchema }),
  z.object({
    version: z.literal(2),
    channels: channelsSchema,
    workspaces: z.record(z.string(), storedWorkspaceSchema),
  }),
]);
interface SettingsFile {
  readonly channels: z.infer<typeof channelsSchema>;
  readonly workspaces: Record<string, z.infer<typeof storedWorkspaceSchema>>;
}

export class SettingsFileError extends Error {
  override name = 'SettingsFileError';
}

/**
 * Settings kept in one JSON file under DATA_DIR. Every change is written to a temporary file,
 * fsynced, then renamed over the old one, so a crash mid-write leaves the previous file whole.
 * Changes in this process are applied one at a time, so two at once cannot lose either.
 */
export class FileSettingsStore implements SettingsStore {
  readonly path: string;
  #data: SettingsFile | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.path = join(dataDir, 'settings.json');
  }

  async get(scope: Scope, channelId: string): Promise<ChannelSettings> {
    const { channels } = await this.#load();
    return toSettings(firstOf(channels, lookupKeys(scope, channelId)));
  }

  update(scope: Scope, channelId: string, patch: Partial<ChannelSettings>): Promise<ChannelSettings> {
    return this.#serial(async (data) => {
      const next = { ...toSettings(firstOf(data.channels, lookupKeys(scope, channelId))), ...patch };
      await this.#write({
        ...data,
        channels: { ...data.channels, [channelKey(scope, channelId)]: fromSettings(next) },
      });
      return next;
    });
  }

  seed(seeds: readonly AutoscanSeed[]): Promise<void> {
    return this.#serial(async (data) => {
      const missing = seeds.filter((s) => !Object.hasOwn(data.channels, seedKey(s)));
      if (missing.length === 0) return;
      const channels = { ...data.channels };
      for (const s of missing) channels[seedKey(s)] = seededSettings(s);
      await this.#write({ ...data, channels });
    });
  }

  async workspace(scope: Scope): Promise<WorkspaceSettings> {
    return toWorkspaceSettings((await this.#load()).workspaces[workspaceKey(scope)]);
  }

  updateWorkspace(scope: Scope, patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
    return this.#serial(async (data) => {
      const key = workspaceKey(scope);
      const next = { ...toWorkspaceSettings(data.workspaces[key]), ...patch };
      await this.#write({ ...data, workspaces: { ...data.workspaces, [key]: fromWorkspaceSettings(next) } });
      return next;
    });
  }

  async channels(scope: Scope): Promise<readonly ChannelEntry[]> {
    return channelsOf(scope, Object.entries((await this.#load()).channels));
  }

  async workspaces(platform: string): Promise<readonly string[]> {
    const { channels, workspaces } = await this.#load();
    return workspacesIn(platform, Object.keys(channels), Object.keys(workspaces));
  }

  forget(scope: Scope): Promise<void> {
    return this.#serial(async (data) => {
      const prefix = workspacePrefix(scope);
      const key = workspaceKey(scope);
      const channels = Object.fromEntries(
        Object.entries(data.channels).filter(([k]) => !k.startsWith(prefix)),
      );
      const { [key]: gone, ...workspaces } = data.workspaces;
      if (!gone && Object.keys(channels).length === Object.keys(data.channels).length) return;
      await this.#write({ channels, workspaces });
    });
  }

  #serial<T>(work: (data: SettingsFile) => Promise<T>): Promise<T> {
    const step = async () => work(await this.#load());
    const run = this.#queue.then(step, step);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #load(): Promise<SettingsFile> {
    if (this.#data) return this.#data;
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        return (this.#data = { channels: {}, workspaces: {} });
      throw err;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new SettingsFileError(
        `${this.path} is not valid JSON. Fix it or move it aside; the bot will not overwrite it.`,
      );
    }
    const result = fileSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new SettingsFileError(
        `${this.path} does not hold bitmind-bot settings (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}). Fix it or move it aside; the bot will not overwrite it.`,
      );
    }
    const { channels } = result.data;
    return (this.#data = { channels, workspaces: 'workspaces' in result.data ? result.data.workspaces : {} });
  }

  async #write(data: SettingsFile): Promise<void> {
    await writeFileAtomically(this.path, `${JSON.stringify({ version: 2, ...data }, null, 2)}\n`);
    this.#data = data;
  }
}

function firstOf<T>(record: Readonly<Record<string, T>>, keys: readonly string[]): T | undefined {
  for (const key of keys) if (Object.hasOwn(record, key)) return record[key];
  return undefined;
}
