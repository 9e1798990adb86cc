import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discordPlatform } from '../../adapters/discord/platform.js';
import type { ChatAdapter } from '../../src/adapter.js';
import type { Pipeline } from '../../src/pipeline/pipeline.js';
import type { SettingsStore } from '../../src/settings/store.js';
import { startFakeDiscord, type FakeDiscord, type FakeFile } from '../fakes/discord/index.js';
import { connectPlatform, type ConnectedPlatform, type DecidedPlan } from '../helpers/connect.js';
import { startCore, type TestCore } from '../helpers/core.js';
import { png } from '../helpers/media-samples.js';
import { waitFor } from '../helpers/wait.js';

/** A PNG the simulator scores `score` (it reads the marker from the file's first 64 KiB). */
export function pngScored(score: number): Buffer {
  return Buffer.concat([png(), Buffer.from(`bitmind-sim-score=${score}`)]);
}

/** A PNG attachment named `name` that the simulator scores `score`. */
export function pngFile(name: string, score: number): FakeFile {
  return { name, bytes: pngScored(score), contentType: 'image/png' };
}

/**
 * The whole bot against loopback: the fake Discord (REST, CDN, gateway), the real core on the
 * embedded BitMind simulator, and the real Discord adapter (a real discord.js client) logged in, on
 * the real pipeline, as `start` wires them. `restart()` stops it all and builds it again on the same
 * DATA_DIR, as a process restart would.
 */
export interface DiscordRig {
  readonly fake: FakeDiscord;
  readonly core: TestCore;
  readonly adapter: ChatAdapter;
  readonly pipeline: Pipeline;
  readonly settings: SettingsStore;
  /** Every plan the pipeline decided since the last (re)start, with its trigger. */
  readonly plans: DecidedPlan[];
  /** Raw log lines of the running core and adapter, to search for leaks. */
  readonly logLines: string[];
  /**
   * Resolves once the bot has taken every gateway event sent so far and answered all of them: the
   * observable end a "nothing happened" assertion waits for, instead of a fixed sleep.
   */
  settled(): Promise<void>;
  /** Restarts with `env` laid over the first environment (e.g. AUTOSCAN_CHANNELS). */
  restart(env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export async function startDiscordRig(env: Record<string, string> = {}): Promise<DiscordRig> {
  const fake = await startFakeDiscord();
  const dataDir = await mkdtemp(join(tmpdir(), 'bitmind-discord-'));
  const baseEnv = {
    ...fake.env(),
    BITMIND_RETRY_ATTEMPTS: '1',
    SHUTDOWN_GRACE_SECONDS: '2',
    ...env,
  };
  const boot = async (extra: Record<string, string> = {}) => {
    const core = await startCore({ env: { ...baseEnv, ...extra }, dataDir });
    const connected = await connectPlatform(core, discordPlatform);
    await connected.adapter.start();
    return { core, connected };
  };
  let running: { core: TestCore; connected: ConnectedPlatform } = await boot();
  const shutdown = async () => {
    await running.connected.stop();
    await running.core.close();
  };
  return {
    fake,
    get core() {
      return running.core;
    },
    get adapter() {
      return running.connected.adapter;
    },
    get pipeline() {
      return running.connected.pipeline;
    },
    get settings() {
      return running.connected.settings;
    },
    get plans() {
      return running.connected.plans;
    },
    get logLines() {
      return running.core.logLines;
    },
    async settled() {
      await fake.gateway.acknowledged();
      await running.connected.pipeline.idle();
    },
    async restart(extra) {
      await shutdown();
      await waitFor(() => fake.gateway.readySessions === 0, { what: 'the old gateway session to close' });
      running = await boot(extra);
    },
    async close() {
      await shutdown();
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A plain web server on 127.0.0.1 serving one file, for `/bitmind check url:`. */
export async function serveFile(
  body: Buffer,
  contentType: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/photo.png`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
