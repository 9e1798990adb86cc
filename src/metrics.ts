import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The shared mode's check queue, as /metrics reads it: the whole cluster's jobs, from Redis. */
export interface QueueFigures {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
}

/** Every metric the bot exports, on one registry per process (tests make their own). */
export function createMetrics(
  options: {
    defaults?: boolean;
    queueDepth?: () => number;
    bitmindUp?: () => boolean;
    /** The shared mode's queue figures; undefined when Redis did not answer (the gauge keeps its last). */
    checkQueue?: () => Promise<QueueFigures | undefined>;
    /** This instance's name, a label of the queue metrics so several instances' series stay apart. */
    instance?: string;
  } = {},
) {
  const { queueDepth, bitmindUp, checkQueue, instance = 'local' } = options;
  const registry = new Registry();
  if (options.defaults !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    checks: new Counter({
      name: 'bitmind_bot_checks_total',
      help: 'Media checked, by platform, trigger and outcome (ai, not_ai or an error code).',
      labelNames: ['platform', 'trigger', 'outcome'] as const,
      registers,
    }),
    bitmindRequests: new Counter({
      name: 'bitmind_bot_bitmind_requests_total',
      help: 'BitMind API requests by endpoint and HTTP status (0 when no response arrived).',
      labelNames: ['endpoint', 'status'] as const,
      registers,
    }),
    bitmindLatency: new Histogram({
      name: 'bitmind_bot_bitmind_request_seconds',
      help: 'BitMind API request latency by endpoint.',
      labelNames: ['endpoint'] as const,
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    }),
    bitmindRetries: new Counter({
      name: 'bitmind_bot_bitmind_retries_total',
      help: 'BitMind API attempts that were retried, by endpoint.',
      labelNames: ['endpoint'] as const,
      registers,
    }),
    bitmindRateLimited: new Counter({
      name: 'bitmind_bot_bitmind_rate_limited_total',
      help: 'HTTP 429 answers from BitMind.',
      registers,
    }),
    queueDepth: new Gauge({
      name: 'bitmind_bot_bitmind_queue_depth',
      help: 'BitMind calls waiting for the rate limiter.',
      registers,
      // Read from the limiter when scraped, so the gauge is never stale.
      collect() {
        if (queueDepth) this.set(queueDepth());
      },
    }),
    bitmindUp: new Gauge({
      name: 'bitmind_bot_bitmind_up',
      help: 'Whether BitMind answered its last health check (1) or not (0). Triggers are answered either way.',
      registers,
      collect() {
        if (bitmindUp) this.set(bitmindUp() ? 1 : 0);
      },
    }),
    queueJobs: new Gauge({
      name: 'bitmind_bot_queue_jobs',
      help: 'Shared mode: check jobs in the queue by state (waiting, active, delayed), across every instance.',
      labelNames: ['state', 'bot_instance'] as const,
      registers,
      async collect() {
        const figures = await checkQueue?.();
        if (!figures) return;
        for (const state of ['waiting', 'active', 'delayed'] as const)
          this.set({ state, bot_instance: instance }, figures[state]);
      },
    }),
    queueStalled: startedAtZero(
      new Counter({
        name: 'bitmind_bot_queue_stalled_total',
        help: 'Shared mode: check jobs this instance found stalled (their instance died or froze) and queued again.',
        labelNames: ['bot_instance'] as const,
        registers,
      }).labels({ bot_instance: instance }),
    ),
    cache: new Counter({
      name: 'bitmind_bot_cache_lookups_total',
      help: 'Verdict cache lookups by result (hit or miss).',
      labelNames: ['result'] as const,
      registers,
    }),
    bytesDownloaded: new Counter({
      name: 'bitmind_bot_downloaded_bytes_total',
      help: 'Bytes of media downloaded.',
      registers,
    }),
    unexpectedErrors: new Counter({
      name: 'bitmind_bot_unexpected_errors_total',
      help: 'Errors nothing caught, by kind (unhandled_rejection or uncaught_exception): each one is a bug.',
      labelNames: ['kind'] as const,
      registers,
    }),
    feedback: new Counter({
      name: 'bitmind_feedback_total',
      help: 'Readers who pressed "Wrong result?", once per person and result, by the band of the result (none: nothing was checked).',
      labelNames: ['band'] as const,
      registers,
    }),
    replies: new Counter({
      name: 'bitmind_bot_replies_total',
      help: 'Replies posted to chat platforms, by platform and result (posted or failed).',
      labelNames: ['platform', 'result'] as const,
      registers,
    }),
  };
}

/** A counter shown at 0 from the start, so a dashboard can tell none yet apart from a missing series. */
function startedAtZero<T extends { inc(by?: number): void }>(counter: T): T {
  counter.inc(0);
  return counter;
}

export type Metrics = ReturnType<typeof createMetrics>;
