import type { AdapterDeps } from '../../src/adapter.js';
import type { Logger } from '../../src/log.js';
import type { SlackConfig } from './config.js';
import type { Delivery } from './deliver.js';
import type { SlackFileDeps } from './files.js';
import type { SlackWeb } from './web.js';

export type { SlackConfig } from './config.js';

/**
 * What every trigger handler works with, built once by the adapter. Nothing here outlives one
 * event of its own: state lives in the pipeline's store and the settings store.
 */
export interface SlackContext {
  readonly slack: SlackConfig;
  readonly logger: Logger;
  readonly web: SlackWeb;
  readonly delivery: Delivery;
  readonly files: SlackFileDeps;
  readonly deps: AdapterDeps;
}
