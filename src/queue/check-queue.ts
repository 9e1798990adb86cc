import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../log.js';
import type { Metrics, QueueFigures } from '../metrics.js';
import { checkJobSchema, type CheckJob, type JobOutcome, type JobRunner } from '../pipeline/jobs.js';
import { StateUnavailableError, type RedisSettings } from '../state/redis-connection.js';
import type { StateStore } from '../state/store.js';

/** Runs one job; `signal` aborts when the instance hands its jobs back (a graceful shutdown). */
export type JobHandler = (job: CheckJob, signal: AbortSignal) => Promise<JobOutcome>;
/** Answers a job the queue gave up on, so its asker is not left with "Checking…" forever. */
export type GiveUpHandler = (job: CheckJob) => Promise<void>;

export interface CheckQueueOptions {
  readonly redis: RedisSettings;
  /** JOB_STALL_SECONDS: a job whose instance died is taken up by another within this time. */
  readonly stallMs: number;
  /** Jobs this instance runs at once. */
  readonly concurrency: number;
  /** This instance's name in the queue (the worker's name) and in the logs. */
  readonly instance: string;
  /** Where each job's reply handle waits for its worker, outside the job's data. */
  readonly state: StateStore;
  readonly logger: Logger;
  readonly metrics: Pick<Metrics, 'queueStalled'>;
  /** How often, and how far apart, a run that could not finish is tried again (tests shorten it). */
  readonly retry?: { readonly attempts: number; readonly delayMs: number };
}

const QUEUE_NAME = 'checks';
/** People who asked go ahead of auto-scans (BullMQ: the lower number first). */
const PRIORITY = { interactive: 1, autoscan: 2 } as const;
/**
 * How often a job may be found stalled (its instance died, or froze past the lock) before BullMQ
 * gives up on it: more than an instance or two dying on the same check means the check kills them.
 */
const MAX_STALLS = 5;
/**
 * A run that could not finish (Redis away before the check began, or the platform refusing the
 * answer) is tried again this often, this many times: several minutes in all.
 */
const RETRY = { attempts: 40, delayMs: 5000 } as const;
/** A reply handle lives as long as an owed answer: a day. */
const REPLY_VIA_TTL_MS = 24 * 60 * 60 * 1000;
/** Errors of one outage are logged once in this interval, not once per reconnection attempt. */
const ERROR_LOG_INTERVAL_MS = 30_000;
/** A scrape of /metrics does not wait longer than this for the queue's figures. */
const COUNTS_TIMEOUT_MS = 1000;

const replyViaSchema = z.record(z.string(), z.string());

/**
 * The durable JobRunner of the shared mode, on BullMQ: an accepted check is a job in Redis that any
 * instance may run, under a lock its worker renews; when an instance dies, its lock lapses and
 * another instance takes the job within JOB_STALL_SECONDS (half of it for the lock, half for the
 * stalled check that finds it). The job's id is the CheckJob's, so a job submitted twice is one job.
 *
 * The job's data is the CheckJob without its reply handle (a Slack response URL, a Discord
 * interaction token): those stay in the state store beside it, so the job as shown by any queue
 * tool carries no credential.
 */
export class CheckQueue implements JobRunner {
  readonly durable = true;
  readonly #options: CheckQueueOptions;
  readonly #producer: Redis;
  readonly #queue: Queue;
  #workerConnection: Redis | undefined;
  #worker: Worker | undefined;
  #lastErrorLog = 0;
  #handingBack = false;

  constructor(options: CheckQueueOptions) {
    this.#options = options;
    // Adding a job while Redis is away fails at once (no offline queue), so the trigger is refused
    // with "try again in a moment" instead of waiting behind the caller's back.
    this.#producer = this.#connect({ enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.#queue = new Queue(QUEUE_NAME, { connection: this.#producer, prefix: this.#prefix });
    this.#queue.on('error', (err) => this.#logError(err, 'check queue'));
  }

  get #prefix(): string {
    return `${this.#options.redis.prefix}queue`;
  }

  #connect(extra: { enableOfflineQueue?: boolean; maxRetriesPerRequest: number | null }): Redis {
    const { redis } = this.#options;
    const client = new Redis(redis.url, {
      username: redis.username,
      password: redis.password?.reveal(),
      connectionName: `bitmind-bot:${this.#options.instance}`,
      // Reconnect forever, backing off to 2 s: work resumes by itself when Redis returns.
      retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000),
      ...extra,
    });
    client.on('error', (err: Error) => this.#logError(err, 'check queue connection'));
    return client;
  }

  #logError(err: Error, what: string): void {
    const now = Date.now();
    if (now - this.#lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
    this.#lastErrorLog = now;
    this.#options.logger.warn({ err: err.message }, `${what}: Redis error (work resumes when it is back)`);
  }

  /** Resolves once the queue's connection is up (start), so a first trigger is not refused. */
  async ready(): Promise<void> {
    await this.#queue.waitUntilReady();
  }

  async submit(job: CheckJob): Promise<void> {
    const { replyVia, ...trigger } = job.trigger;
    if (replyVia)
      await this.#options.state.set(replyViaKey(job.id), JSON.stringify(replyVia), REPLY_VIA_TTL_MS);
    await this.#add(job, trigger);
  }

  async #add(job: CheckJob, trigger: Omit<CheckJob['trigger'], 'replyVia'>): Promise<void> {
    try {
      await this.#queue.add(
        'check',
        { ...job, trigger },
        {
          jobId: job.id,
          priority: trigger.kind === 'autoscan' ? PRIORITY.autoscan : PRIORITY.interactive,
          attempts: this.#retry.attempts,
          backoff: { type: 'fixed', delay: this.#retry.delayMs },
          removeOnComplete: { age: 3600, count: 10_000 },
          removeOnFail: { age: 24 * 3600 },
        },
      );
    } catch (err) {
      // Redis is away: the trigger is refused with "try again in a moment", like any state call.
      throw new StateUnavailableError(err);
    }
  }

  get #retry(): { readonly attempts: number; readonly delayMs: number } {
    return this.#options.retry ?? RETRY;
  }

  /**
   * Starts taking jobs from the queue, at most `concurrency` at once, each run by `handle`; a job
   * given up on (every attempt failed, or it stalled too often) goes to `giveUp`, once.
   */
  work(handle: JobHandler, giveUp: GiveUpHandler): void {
    const { stallMs, concurrency, instance, logger, metrics } = this.#options;
    // A worker blocks on Redis for the next job: BullMQ needs its commands retried, not failed.
    this.#workerConnection = this.#connect({ maxRetriesPerRequest: null });
    const worker = new Worker(
      QUEUE_NAME,
      (job: Job, token: string | undefined, signal: AbortSignal | undefined) =>
        this.#run(job, token, signal ?? new AbortController().signal, handle),
      {
        connection: this.#workerConnection,
        prefix: this.#prefix,
        name: instance,
        concurrency,
        lockDuration: Math.max(1000, Math.round(stallMs / 2)),
        stalledInterval: Math.max(1000, Math.round(stallMs / 2)),
        maxStalledCount: MAX_STALLS,
      },
    );
    worker.on('error', (err) => this.#logError(err, 'check worker'));
    worker.on('stalled', (jobId) => {
      metrics.queueStalled.inc();
      logger.warn(
        { job: jobId },
        'a check stalled (its instance died or froze): queued again for any instance',
      );
    });
    worker.on('failed', (job, err) => {
      // Finished means no run follows: every attempt failed, or it stalled too often (BullMQ then
      // fails it on its next start, before any attempt).
      const final = !job || job.finishedOn !== undefined;
      if (!final) {
        logger.warn({ job: job.id, err: err.message }, 'a check job failed; it will be tried again');
        return;
      }
      logger.error({ job: job?.id, err: err.message }, 'a check job failed and will not run again');
      if (job) void this.#giveUp(job, giveUp);
    });
    this.#worker = worker;
  }

  /** The job as a CheckJob, its reply handle put back from beside it: checked, as any stored data. */
  async #read(job: Job) {
    const replyVia = await this.#options.state.get(replyViaKey(job.id ?? ''));
    return checkJobSchema.safeParse(withReplyVia(job.data, replyVia));
  }

  /** Tells the asker of a job given up on; a failure here is logged, the job is over either way. */
  async #giveUp(job: Job, giveUp: GiveUpHandler): Promise<void> {
    const { logger, state } = this.#options;
    const id = job.id ?? '';
    try {
      const parsed = await this.#read(job);
      if (parsed.success) await giveUp(parsed.data);
      await state.delete(replyViaKey(id));
    } catch (err) {
      logger.error({ job: id, err }, 'a check given up on could not be answered');
    }
  }

  async #run(job: Job, token: string | undefined, signal: AbortSignal, handle: JobHandler): Promise<void> {
    const { logger, state } = this.#options;
    const id = job.id ?? '';
    const parsed = await this.#read(job);
    if (!parsed.success) {
      // Written by another version, or not by us: nothing can be answered from it.
      logger.error(
        { job: id, problem: parsed.error.issues[0]?.message },
        'a queued check could not be read; dropped',
      );
      return;
    }
    logger.debug({ job: id, attempt: job.attemptsStarted }, 'check taken from the queue');
    // A job BullMQ hands this worker while it closes (seen in tests: the job it had just handed
    // back) goes straight back, for an instance that stays to run.
    const outcome: JobOutcome = this.#handingBack ? 'handed back' : await handle(parsed.data, signal);
    if (outcome === 'handed back' && token) {
      // Due now rather than put back in the wait list: BullMQ wakes the idle workers of other
      // instances for a due job, while a job moved back to wait sits until one polls again.
      await job.moveToDelayed(Date.now(), token);
      logger.info({ job: id }, 'check handed back to the queue');
      // Tells BullMQ the job moved itself: neither completed nor failed.
      throw new DelayedError();
    }
    // Failed runs are retried by BullMQ after a while, from the verdict cache where it can.
    if (outcome === 'retry') throw new Error('the check could not finish now; it runs again shortly');
    // The handle's time is up with its job; a failure to delete it costs nothing but a key that expires.
    await state.delete(replyViaKey(id)).catch(() => undefined);
  }

  /**
   * Graceful shutdown: takes no new jobs, and hands those in flight back to the queue at once, so
   * another instance takes them now rather than after the stall timeout.
   */
  async handBack(): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    this.#handingBack = true;
    const closed = worker.close();
    worker.cancelAllJobs('this instance is shutting down');
    await closed;
  }

  /** The queue's figures for /metrics; undefined when Redis does not answer in time. */
  async counts(): Promise<QueueFigures | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeUp = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), COUNTS_TIMEOUT_MS);
    });
    try {
      const read = this.#queue.getJobCounts('wait', 'prioritized', 'active', 'delayed').then((c) => ({
        waiting: (c.wait ?? 0) + (c.prioritized ?? 0),
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
      }));
      return await Promise.race([read.catch(() => undefined), timeUp]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.handBack();
    await this.#queue.close();
    for (const client of [this.#producer, this.#workerConnection])
      if (client && client.status !== 'end') client.disconnect();
  }
}

function replyViaKey(jobId: string): string {
  return `via:${jobId}`;
}

/** The job's data with its reply handle put back, when the state store still has a readable one. */
function withReplyVia(data: unknown, stored: string | undefined): unknown {
  if (stored === undefined || typeof data !== 'object' || data === null) return data;
  let replyVia: unknown;
  try {
    replyVia = JSON.parse(stored);
  } catch {
    return data;
  }
  const parsed = replyViaSchema.safeParse(replyVia);
  const { trigger } = data as { trigger?: unknown };
  if (!parsed.success || typeof trigger !== 'object' || trigger === null) return data;
  return { ...data, trigger: { ...trigger, replyVia: parsed.data } };
}
