import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AutoscanSeed } from '../config.js';
import type { ChannelSettings, SettingsStore } from './store.js';
import { channelKey as keyOf, fromSettings, storedChannelSchema, toSettings } from './stored.js';

const fileSchema = z.object({
  version: z.literal(1),
  channels: z.record(z.string(), storedChannelSchema),
});
type SettingsFile = z.infer<typeof fileSchema>;

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

  async get(platform: string, channelId: string): Promise<ChannelSettings> {
    const data = await this.#load();
    return toSettings(data.channels[keyOf(platform, channelId)]);
  }

  update(platform: string, channelId: string, patch: Partial<ChannelSettings>): Promise<ChannelSettings> {
    return this.#serial(async () => {
      const data = await this.#load();
      const key = keyOf(platform, channelId);
      const next = { ...toSettings(data.channels[key]), ...patch };
      const channels = { ...data.channels, [key]: fromSettings(next) };
      await this.#write({ version: 1, channels });
      return next;
    });
  }

  seed(seeds: readonly AutoscanSeed[]): Promise<void> {
    return this.#serial(async () => {
      const data = await this.#load();
      const missing = seeds.filter((s) => !(keyOf(s.platform, s.channelId) in data.channels));
      if (missing.length === 0) return;
      const channels = { ...data.channels };
      for (const s of missing) {
        channels[keyOf(s.platform, s.channelId)] = { autoscan: true, replyMode: s.replyMode };
      }
      await this.#write({ version: 1, channels });
    });
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
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
        return (this.#data = { version: 1, channels: {} });
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
    return (this.#data = result.data);
  }

  async #write(data: SettingsFile): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.path);
      await syncDirectory(dirname(this.path));
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    this.#data = data;
  }
}

/** Makes the rename itself durable: without it a power cut can bring back the old file. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
