import type { BitmindApi } from './bitmind/types.js';
import type { CheckService } from './domain/types.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { MediaFetcher } from './media/types.js';
import type { Metrics } from './metrics.js';
import type { SettingsStore } from './settings/store.js';
import type { WorkTracker } from './work-tracker.js';

/** What the composition root knows of a chat platform: start it, stop it, ask whether it is connected. */
export interface ChatAdapter {
  readonly name: string;
  start(): Promise<void>;
  /** Stops taking new work; checks in flight are the composition root's to drain. */
  stop(): Promise<void>;
  isReady(): boolean;
}

/** What every adapter is built from: the core, and nothing of another platform. */
export interface AdapterDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly checker: CheckService;
  readonly settings: SettingsStore;
  readonly fetcher: MediaFetcher;
  readonly bitmind: Pick<BitmindApi, 'health' | 'permissions'>;
  readonly metrics: Metrics;
  /** Shared with the other adapters and drained by the composition root; absent, the adapter keeps its own. */
  readonly tasks?: WorkTracker;
}
