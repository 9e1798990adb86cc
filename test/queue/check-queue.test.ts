import { Redis } from 'ioredis';
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/metrics.js';
import type { CheckJob, JobOutcome } from '../../src/pipeline/jobs.js';
import { CheckQueue, type GiveUpHandler, type JobHandler } from '../../src/queue/check-queue.js';
import { MemoryStateStore } from '../../src/state/memory-store.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { useRedis } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';

/** The shared mode's check queue on a real Redis: order, de-duplication, what its data holds, hand-back. */
failOnStrayErrors();
const redis = useRedis();
const closers: Array<() => Promise<void>> = [];
/** Jobs given up on by a test that expects none to be. */
const givenUp: string[] = [];
const noGivingUp: GiveUpHandler = (given) => Promise.resolve(void givenUp.push(given.id));
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  expect(givenUp.splice(0)).toEqual([]);
});

const logger = createLogger({ level: 'silent' });
const SECRET_HANDLE = 'https://hooks.example/response/secret-handle-123';

function job(id: string, kind: CheckJob['trigger']['kind']): CheckJob {
  return {
    id,
    trigger: {
      kind,
      place: { platform: 'slack', workspace: 'T1', channel: 'C1', message: '1.1' },
      user: 'U1',
      deliveryKeys: [`event-${id}`],
      replyVia: { responseUrl: SECRET_HANDLE },
    },
    media: [{ source: 'link', url: 'https://example.com/a.png', name: 'a.png' }],
    mode: 'all',
  };
}

function queue(
  prefix: string,
  state = new MemoryStateStore(),
  stallMs = 600_000,
  retry?: { attempts: number; delayMs: number },
) {
  const metrics = createMetrics({ defaults: false });
  const q = new CheckQueue({
    redis: redis.settings(prefix),
    ...(retry && { retry }),
    stallMs,
    concurrency: 1,
    instance: `test-${prefix}`,
    state,
    logger,
    metrics,
  });
  closers.push(() => q.close());
  return q;
}

it('runs people ahead of auto-scans, runs a job submitted twice once, and keeps the reply handle out of its data', async () => {
  const state = new MemoryStateStore();
  const q = queue('order:', state);
  await q.ready();
  await q.submit(job('auto-1', 'autoscan'));
  await q.submit(job('asked-1', 'reaction'));
  await q.submit(job('asked-1', 'reaction'));
  await q.submit(job('asked-2', 'command'));

  const look = new Redis(redis.url);
  closers.push(async () => void (await look.quit()));
  const stored = await look.hget(`${redis.prefix}order:queue:checks:asked-1`, 'data');
  expect(stored).toContain('asked-1');
  expect(stored).not.toContain('secret-handle');

  const seen: CheckJob[] = [];
  q.work((taken) => {
    seen.push(taken);
    return Promise.resolve<JobOutcome>('answered');
  }, noGivingUp);
  await waitFor(() => seen.length === 3, { what: 'three jobs run' });
  await waitFor(async () => (await q.counts())?.active === 0, { what: 'the queue idle' });
  expect(seen.map((j) => j.id)).toEqual(['asked-1', 'asked-2', 'auto-1']);
  // The worker got the handle back, and it is gone once the job is done.
  expect(seen[0]!.trigger.replyVia).toEqual({ responseUrl: SECRET_HANDLE });
  expect(await state.get('via:asked-1')).toBeUndefined();
  expect(await q.counts()).toEqual({ waiting: 0, active: 0, delayed: 0 });
});

it('a graceful stop hands the job in flight back, and another instance takes it long before the stall timeout', async () => {
  const state = new MemoryStateStore();
  const first = queue('handback:', state);
  const second = queue('handback:', state);
  await Promise.all([first.ready(), second.ready()]);
  await first.submit(job('long-1', 'reaction'));

  let started = false;
  // The first instance's check runs until its signal says the instance is going away.
  const hold: JobHandler = (_taken, signal) => {
    started = true;
    return new Promise((resolve) => signal.addEventListener('abort', () => resolve('handed back')));
  };
  first.work(hold, noGivingUp);
  await waitFor(() => started, { what: 'the first instance to take the job' });
  await first.handBack();

  const finished: string[] = [];
  second.work((taken) => {
    finished.push(taken.id);
    return Promise.resolve<JobOutcome>('answered');
  }, noGivingUp);
  // The stall timeout is ten minutes here: only the hand-back can bring it over this soon.
  await waitFor(() => finished.length === 1, { timeoutMs: 20_000, what: 'the second instance to run it' });
  expect(finished).toEqual(['long-1']);
});

it('gives up on a job whose every run could not finish, and hands it, reply handle and all, to be answered once', async () => {
  const state = new MemoryStateStore();
  const q = queue('giveup:', state, 600_000, { attempts: 3, delayMs: 50 });
  await q.ready();
  await q.submit(job('doomed-1', 'command'));

  let runs = 0;
  const gaveUp: CheckJob[] = [];
  q.work(
    () => {
      runs++;
      return Promise.resolve<JobOutcome>('retry');
    },
    (given) => Promise.resolve(void gaveUp.push(given)),
  );
  await waitFor(() => gaveUp.length > 0, { timeoutMs: 20_000, what: 'the job given up on' });
  expect(runs).toBe(3);
  expect(gaveUp.map((j) => j.id)).toEqual(['doomed-1']);
  expect(gaveUp[0]!.trigger.replyVia).toEqual({ responseUrl: SECRET_HANDLE });
  await waitFor(async () => (await state.get('via:doomed-1')) === undefined, { what: 'the handle deleted' });
  expect(await q.counts()).toEqual({ waiting: 0, active: 0, delayed: 0 });
});
