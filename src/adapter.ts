import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuditTrail } from './audit/audit-log.js';
import type { BitmindApi } from './bitmind/types.js';
import type { CommandEntry } from './cli/commands.js';
import type { Config, ConfigSlice } from './config.js';
import type { Section } from './doctor/checklist.js';
import type { Logger } from './log.js';
import type { MediaFetcher } from './media/types.js';
import type { Metrics } from './metrics.js';
import type { Pipeline } from './pipeline/pipeline.js';
import type { PlatformPort } from './pipeline/platform.js';
import type { SettingsStore } from './settings/store.js';
import type { StateStore } from './state/store.js';
import type { WorkTracker } from './work-tracker.js';

/** A route a platform serves on the bot's one HTTP server (Slack's Events API in HTTP mode). */
export interface HttpRoute {
  readonly path: string;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * A chat platform as the core sees it: a translator between the platform's events and the
 * pipeline's triggers and answers (`PlatformPort`), which the composition root starts and stops.
 */
export interface ChatAdapter extends PlatformPort {
  start(): Promise<void>;
  /** Stops taking new events; checks in flight are the composition root's to drain. */
  stop(): Promise<void>;
  /** Connected and taking events. */
  isReady(): boolean;
  readonly routes: readonly HttpRoute[];
}

/** What every adapter is built from: the core and the pipeline, and nothing of another platform. */
export interface AdapterDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly settings: SettingsStore;
  /** The pipeline's state store (Slack keeps its install flow's used states there). */
  readonly state: StateStore;
  /** The audit trail, read for Slack's App Home counts (the pipeline writes it). */
  readonly audit: AuditTrail;
  readonly fetcher: MediaFetcher;
  readonly bitmind: Pick<BitmindApi, 'health' | 'permissions'>;
  readonly metrics: Metrics;
  readonly pipeline: Pipeline;
  /** Work the adapter answers itself (help, status, settings), drained with the checks at shutdown. */
  readonly tasks: WorkTracker;
}

export interface DoctorOptions {
  readonly timeoutMs: number;
  readonly logger: Logger;
}

/**
 * A platform the bot can run, listed once in `src/platforms.ts`. Light to import: the platform's
 * SDK is loaded by `create` and `doctor` only, so `check` never pays for Bolt or discord.js.
 */
export interface PlatformModule {
  readonly name: string;
  /** Its variables and settings; the platform is on when these resolve to settings. */
  readonly config: ConfigSlice;
  /** How it runs, in a few words for the start-up log ("Slack in Socket Mode"). */
  describe(config: Config): string;
  create(deps: AdapterDeps): Promise<ChatAdapter>;
  /** The doctor's section: credentials, scopes, what the platform expects of the app. */
  doctor(config: Config, options: DoctorOptions): Promise<Section>;
  /** What to set to turn it on, for `start` and the doctor when nothing is configured. */
  readonly howToEnable: string;
  /** Commands of its own in the CLI (Discord's register-commands). */
  readonly commands?: readonly CommandEntry[];
}
