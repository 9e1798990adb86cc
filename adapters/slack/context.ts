import type { AdapterDeps } from '../../src/adapter.js';
import type { Logger } from '../../src/log.js';
import type { SlackConfig } from './config.js';
import type { Delivery } from './deliver.js';
import type { SlackFileDeps } from './files.js';
import type { SlackWeb } from './web.js';

export type { SlackConfig } from './config.js';

/** What acts in one workspace: every Web API call, delivery and download carries its own token. */
export interface SlackWorkspace {
  readonly web: SlackWeb;
  readonly delivery: Delivery;
  readonly files: SlackFileDeps;
}

/**
 * A workspace id for a payload that could not be read: only its response URL is answered, which
 * needs no token, so none is ever looked up for it.
 */
export const UNREAD_WORKSPACE = 'unknown';

/**
 * What every trigger handler works with, built once by the adapter. Nothing here outlives one
 * event of its own: state lives in the pipeline's store and the settings store, tokens in the
 * installation store (or the configuration, for one workspace).
 */
export interface SlackContext {
  readonly slack: SlackConfig;
  readonly logger: Logger;
  readonly deps: AdapterDeps;
  /** The workspace (Slack team id) an event came from, as the adapter acts in it. */
  at(workspace: string): SlackWorkspace;
}
