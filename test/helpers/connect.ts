import type { ChatAdapter, PlatformModule } from '../../src/adapter.js';
import type { AuditEntry, AuditTrail } from '../../src/audit/audit-log.js';
import { connectPlatforms } from '../../src/connect.js';
import type { Pipeline } from '../../src/pipeline/pipeline.js';
import type { ReplyPlan } from '../../src/pipeline/plan.js';
import type { Trigger } from '../../src/pipeline/trigger.js';
import type { SettingsStore } from '../../src/settings/store.js';
import { openStores } from '../../src/stores.js';
import type { StateStore } from '../../src/state/store.js';
import { createWorkTracker, type WorkTracker } from '../../src/work-tracker.js';
import type { TestCore } from './core.js';

/** A plan the pipeline decided, with the trigger it answers: what the behaviour table compares. */
export interface DecidedPlan {
  readonly trigger: Trigger;
  readonly plan: ReplyPlan;
}

export interface ConnectedPlatform {
  readonly adapter: ChatAdapter;
  readonly pipeline: Pipeline;
  readonly tasks: WorkTracker;
  readonly state: StateStore;
  readonly settings: SettingsStore;
  readonly audit: AuditTrail;
  /** Every plan decided so far, in order. */
  readonly plans: DecidedPlan[];
  /** Every audit entry recorded so far (feedback, deletions), in order. */
  readonly audited: AuditEntry[];
  /** Stops the adapter (after draining) and closes the state store; the core is the caller's. */
  stop(): Promise<void>;
}

/**
 * One platform's real adapter on the real pipeline, over a test core, as `start` wires them (with
 * the stores `start` would open: embedded under the core's DATA_DIR, so a restart on the same
 * DATA_DIR keeps them, or Redis when the core's configuration has REDIS_URL).
 */
export async function connectPlatform(core: TestCore, platform: PlatformModule): Promise<ConnectedPlatform> {
  const tasks = createWorkTracker(core.logger.child({ component: 'shutdown' }));
  const stores = await openStores(
    { dataDir: core.dataDir, redis: core.config.redis, auditRetentionDays: core.config.auditRetentionDays },
    { logger: core.logger.child({ component: 'state' }) },
  );
  const plans: DecidedPlan[] = [];
  const audited: AuditEntry[] = [];
  // The real trail, and a copy of each entry for the test to read at once.
  const audit = new Proxy(stores.audit, {
    get(trail, key) {
      if (key === 'record')
        return (entry: AuditEntry) => {
          audited.push(entry);
          return trail.record(entry);
        };
      const value: unknown = Reflect.get(trail, key, trail);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(trail) : value;
    },
  });
  const { pipeline, adapters } = await connectPlatforms(core, {
    tasks,
    stores: { ...stores, audit },
    platforms: [platform],
    observe: (trigger, plan) => plans.push({ trigger, plan }),
  });
  const adapter = adapters[0];
  if (!adapter) throw new Error(`${platform.name} made no adapter`);
  return {
    adapter,
    pipeline,
    tasks,
    state: stores.state,
    settings: stores.settings,
    audit: stores.audit,
    plans,
    audited,
    async stop() {
      await tasks.drain(core.config.shutdownGraceMs);
      await adapter.stop();
      await stores.close();
    },
  };
}
