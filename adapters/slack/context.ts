import type { BitmindApi } from '../../src/bitmind/types.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import type { MediaFetcher } from '../../src/media/types.js';
import type { SettingsStore } from '../../src/settings/store.js';
import type { WorkTracker } from '../../src/work-tracker.js';
import type { SlackFileDeps } from './files.js';
import type { RecentChecks } from './recent.js';
import type { Replier } from './reply.js';
import type { CheckRunner } from './run-check.js';
import type { SlackWeb } from './web.js';

export type SlackConfig = NonNullable<Config['slack']>;

/** What every trigger handler works with, built once by the adapter. */
export interface SlackContext {
  readonly slack: SlackConfig;
  readonly logger: Logger;
  readonly web: SlackWeb;
  readonly replier: Replier;
  readonly runner: CheckRunner;
  readonly settings: SettingsStore;
  readonly tasks: WorkTracker;
  readonly files: SlackFileDeps;
  readonly fetcher: MediaFetcher;
  readonly bitmind: Pick<BitmindApi, 'health' | 'permissions'>;
  readonly recent: RecentChecks;
}
