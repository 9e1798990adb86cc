import { describe, expect, it } from 'vitest';
import { CheckError, type CheckRequest, type CheckService } from '../../src/domain/types.js';
import { createWorkTracker } from '../../src/work-tracker.js';
import { captureLogger } from '../log/capture.js';

const request: CheckRequest = {
  id: 'r1',
  trigger: 'command',
  requester: { platform: 'test', userId: 'u', channelId: 'c' },
  media: [],
};

/** A checker that answers after `ms`, and records the signal each check was given. */
function slowChecker(ms: number): CheckService & { signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  return {
    signals,
    async check(req, options = {}) {
      signals.push(options.signal!);
      // Deaf to the signal, like a check waiting on a BitMind call it shares with others.
      await new Promise((r) => setTimeout(r, ms).unref());
      return { request: req, items: [], skipped: 0 };
    },
  };
}

const restarting = (err: unknown) =>
  err instanceof CheckError &&
  err.code === 'unavailable' &&
  /restarting, try again in a minute/.test(err.message);

describe('the work tracker', () => {
  it('lets work in flight finish, and refuses new checks once draining', async () => {
    const tasks = createWorkTracker(captureLogger().log);
    const checker = tasks.guard(slowChecker(100));
    let finished = false;
    tasks.run('slow', async () => {
      await checker.check(request);
      finished = true;
    });
    const drained = tasks.drain(5000);
    expect(tasks.accepting).toBe(false);
    expect(tasks.drain(5000)).toBe(drained);
    await expect(checker.check(request)).rejects.toSatisfy(restarting);
    expect(await drained).toBe(0);
    expect(finished).toBe(true);
  });

  it('cuts off a check that outlives the grace period, so its task can still say why', async () => {
    const { log, lines } = captureLogger();
    const tasks = createWorkTracker(log);
    const inner = slowChecker(60_000);
    const checker = tasks.guard(inner);
    let outcome: unknown;
    tasks.run('stuck', async () => {
      outcome = await checker.check(request).catch((err: unknown) => err);
    });
    expect(await tasks.drain(400)).toBe(0);
    expect(restarting(outcome)).toBe(true);
    expect(inner.signals[0]?.aborted).toBe(true);
    expect(lines.some((l) => l.includes('cutting off'))).toBe(true);
  });

  it('logs what a task throws instead of letting it escape', async () => {
    const { log, lines } = captureLogger();
    const tasks = createWorkTracker(log);
    tasks.run('broken', () => Promise.reject(new Error('boom')));
    expect(await tasks.drain(1000)).toBe(0);
    expect(lines.some((l) => l.includes('"task":"broken"') && l.includes('boom'))).toBe(true);
  });
});
