import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { useRedis } from '../helpers/redis.js';

/**
 * BullMQ is pinned now and used by the durable check queue that follows: this proves the pinned
 * line runs on this Node and this Redis, with its keys under REDIS_PREFIX like everything else.
 */
failOnStrayErrors();
const redis = useRedis();
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

it('runs a job through the pinned BullMQ, keys under the prefix', async () => {
  const connection = { url: redis.url, maxRetriesPerRequest: null };
  const prefix = `${redis.prefix}bull`;
  const queue = new Queue('pin', { connection, prefix });
  const events = new QueueEvents('pin', { connection, prefix });
  const worker = new Worker<{ file: string }, string>(
    'pin',
    (job) => Promise.resolve(`checked ${job.data.file}`),
    {
      connection,
      prefix,
    },
  );
  closers.push(
    () => queue.close(),
    () => events.close(),
    () => worker.close(),
  );
  await events.waitUntilReady();
  const job = await queue.add('check', { file: 'cat.png' }, { priority: 1 });
  expect(await job.waitUntilFinished(events, 10_000)).toBe('checked cat.png');
  const look = new Redis(redis.url);
  closers.push(async () => void (await look.quit()));
  expect((await look.keys(`${prefix}:pin:*`)).length).toBeGreaterThan(0);
});
