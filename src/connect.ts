import type { AdapterDeps, ChatAdapter, PlatformModule } from './adapter.js';
import type { Core } from './core.js';
import { createPipeline, type Pipeline, type PipelineOptions } from './pipeline/pipeline.js';
import type { Stores } from './stores.js';
import type { WorkTracker } from './work-tracker.js';

export interface Connected {
  readonly pipeline: Pipeline;
  readonly adapters: readonly ChatAdapter[];
}

export interface ConnectOptions {
  readonly tasks: WorkTracker;
  /** The state, settings and audit trail this instance runs on: embedded, or shared in Redis. */
  readonly stores: Pick<Stores, 'state' | 'settings' | 'audit'>;
  readonly platforms: readonly PlatformModule[];
  /** The shared mode's durable queue; in process when absent. */
  readonly jobs?: PipelineOptions['jobs'];
  readonly observe?: PipelineOptions['observe'];
}

/**
 * Builds the pipeline over the core and the adapters of `platforms` around it. The pipeline finds
 * each trigger's platform by name; the adapters find the pipeline in their deps.
 */
export async function connectPlatforms(core: Core, options: ConnectOptions): Promise<Connected> {
  const { tasks, stores, platforms, jobs, observe } = options;
  const byName = new Map<string, ChatAdapter>();
  const pipeline = createPipeline({
    checker: tasks.guard(core.checker),
    settings: stores.settings,
    state: stores.state,
    audit: stores.audit,
    tasks,
    fetcher: core.fetcher,
    logger: core.logger.child({ component: 'pipeline' }),
    metrics: core.metrics,
    maxMedia: core.config.check.maxMedia,
    accepts: core.checker.accepts,
    userChecksPerHour: core.config.check.userChecksPerHour,
    platform(name) {
      const adapter = byName.get(name);
      if (!adapter) throw new Error(`a trigger names platform "${name}", which is not running`);
      return adapter;
    },
    jobs,
    observe,
  });
  const deps: AdapterDeps = {
    ...core,
    settings: stores.settings,
    state: stores.state,
    audit: stores.audit,
    pipeline,
    tasks,
  };
  for (const platform of platforms) byName.set(platform.name, await platform.create(deps));
  return { pipeline, adapters: [...byName.values()] };
}
