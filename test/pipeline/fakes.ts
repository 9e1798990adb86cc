import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type {
  CheckRequest,
  CheckReport,
  CheckService,
  ItemResult,
  MediaRef,
} from '../../src/domain/types.js';
import type { AuditEntry, AuditLog } from '../../src/audit/audit-log.js';
import { budgetError } from '../../src/check/wording.js';
import type { MediaFetcher } from '../../src/media/types.js';
import { READ_AS_IS } from '../../src/domain/media-types.js';
import { createMetrics } from '../../src/metrics.js';
import { createPipeline, type Pipeline } from '../../src/pipeline/pipeline.js';
import type { JobRunner } from '../../src/pipeline/jobs.js';
import type { PlaceholderHandle, PlatformPort } from '../../src/pipeline/platform.js';
import type { ModlogOutcome } from '../../src/pipeline/modlog.js';
import type { ReplyPlan } from '../../src/pipeline/plan.js';
import type { MediaSpec, Place, Trigger } from '../../src/pipeline/trigger.js';
import { FileSettingsStore } from '../../src/settings/file-store.js';
import type { StateStore } from '../../src/state/store.js';
import { MemoryStateStore } from '../../src/state/memory-store.js';
import { createWorkTracker, type WorkTracker } from '../../src/work-tracker.js';
import { captureLogger } from '../log/capture.js';

/** What the fake platform was asked to do, in order. */
export type PortCall =
  | { readonly call: 'placeholder'; readonly count: number }
  | { readonly call: 'deliver'; readonly plan: ReplyPlan; readonly placeholder?: PlaceholderHandle };

/** A platform that records every call and can be told to refuse deliveries. */
export class FakePort implements PlatformPort {
  readonly platform = 'fake';
  readonly defaultTriggerReaction = 'mag';
  readonly calls: PortCall[] = [];
  refuseDeliveries = false;
  /** What `messageMedia` answers for any message. */
  messageSpecs: readonly MediaSpec[] | undefined = [png('in-message.png')];
  #placeholders = 0;

  messageMedia(): Promise<readonly MediaSpec[] | undefined> {
    return Promise.resolve(this.messageSpecs);
  }

  open(spec: Extract<MediaSpec, { source: 'platform' }>): MediaRef {
    return { name: spec.name, open: () => Promise.resolve(Readable.from([Buffer.from(spec.name)])) };
  }

  placeholder(_trigger: Trigger, count: number): Promise<PlaceholderHandle> {
    this.calls.push({ call: 'placeholder', count });
    return Promise.resolve({ ts: String(++this.#placeholders) });
  }

  deliver(_trigger: Trigger, plan: ReplyPlan, placeholder?: PlaceholderHandle): Promise<void> {
    if (this.refuseDeliveries) return Promise.reject(new Error('platform said no'));
    this.calls.push({ call: 'deliver', plan, ...(placeholder ? { placeholder } : {}) });
    return Promise.resolve();
  }

  postModlog(): Promise<ModlogOutcome> {
    return Promise.resolve('posted');
  }

  tell(): Promise<void> {
    return Promise.resolve();
  }

  answerPress(): Promise<void> {
    return Promise.resolve();
  }

  removeResult(): Promise<void> {
    return Promise.resolve();
  }

  plans(): ReplyPlan[] {
    return this.calls.flatMap((c) => (c.call === 'deliver' ? [c.plan] : []));
  }
}

/** A Checker whose verdict for each medium is the score in its name ("0.9.png"), or an error. */
export class FakeChecker implements CheckService {
  readonly requests: CheckRequest[] = [];
  /** The whole check throws this. */
  failWith: Error | undefined;
  /** Every medium fails as when BitMind is down. */
  withItemError = false;

  check(request: CheckRequest): Promise<CheckReport> {
    this.requests.push(request);
    if (this.failWith) return Promise.reject(this.failWith);
    const granted = request.budget?.granted ?? request.media.length;
    const items: ItemResult[] = request.media.map((ref, i) => {
      if (request.budget && i >= granted) return { ref, error: budgetError(request.budget) };
      if (this.withItemError)
        return { ref, kind: 'image', error: { code: 'unavailable', message: 'BitMind is unavailable' } };
      const confidence = Number.parseFloat(ref.name) || 0.1;
      return {
        ref,
        kind: 'image',
        isAI: confidence >= 0.5,
        confidence,
        processingTime: 0.2,
        cached: false,
        simulated: true,
      };
    });
    return Promise.resolve({ request, items, skipped: 0 });
  }
}

/** An audit log that keeps what it is given, in order, and can be told to fail. */
export class FakeAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];
  failing = false;

  record(entry: AuditEntry): Promise<void> {
    if (this.failing) return Promise.reject(new Error('the disk is full'));
    this.entries.push(entry);
    return Promise.resolve();
  }
}

export function png(name: string): MediaSpec {
  return { source: 'platform', name, mimeHint: 'image/png', locator: { id: name } };
}

export function place(overrides: Partial<Place> = {}): Place {
  return { platform: 'fake', workspace: 'W1', channel: 'C1', message: 'M1', ...overrides };
}

let deliveries = 0;
export function trigger(overrides: Partial<Trigger> = {}): Trigger {
  return {
    kind: 'command',
    place: place(),
    user: 'U1',
    media: [png('0.9.png')],
    deliveryKeys: [`delivery-${++deliveries}`],
    ...overrides,
  };
}

export interface PipelineWorld {
  readonly pipeline: Pipeline;
  readonly port: FakePort;
  readonly checker: FakeChecker;
  readonly state: StateStore;
  readonly settings: FileSettingsStore;
  readonly tasks: WorkTracker;
  readonly logLines: string[];
  /** Accepts a trigger and waits until the pipeline is idle again. */
  send(t: Trigger): Promise<void>;
}

const unusedFetcher: MediaFetcher = {
  openUrl: () => Promise.reject(new Error('no links in these tests')),
  openTrusted: () => Promise.reject(new Error('no links in these tests')),
};

/** The real pipeline over fakes of the platform and the Checker, with real state and settings stores. */
export function pipelineWorld(
  options: {
    state?: StateStore;
    userChecksPerHour?: number;
    port?: FakePort;
    dataDir?: string;
    audit?: AuditLog;
    jobs?: JobRunner;
  } = {},
): PipelineWorld {
  const { log, lines } = captureLogger('debug');
  const port = options.port ?? new FakePort();
  const checker = new FakeChecker();
  const state = options.state ?? new MemoryStateStore();
  const settings = new FileSettingsStore(options.dataDir ?? mkdtempSync(join(tmpdir(), 'bitmind-pipeline-')));
  const tasks = createWorkTracker(log);
  const pipeline = createPipeline({
    checker: tasks.guard(checker),
    settings,
    state,
    tasks,
    fetcher: unusedFetcher,
    logger: log,
    metrics: createMetrics(),
    maxMedia: 20,
    accepts: READ_AS_IS,
    userChecksPerHour: options.userChecksPerHour ?? 0,
    platform: () => port,
    audit: options.audit ?? { record: () => Promise.resolve() },
    jobs: options.jobs,
  });
  return {
    pipeline,
    port,
    checker,
    state,
    settings,
    tasks,
    logLines: lines,
    async send(t) {
      pipeline.accept(t);
      await pipeline.idle();
    },
  };
}
