import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics.js';
import { installProcessGuard } from '../../src/process-guard.js';
import { Secret } from '../../src/secret.js';
import { expectNoUnexpectedErrors } from '../helpers/no-stray-errors.js';
import { captureLogger } from '../log/capture.js';

/**
 * Class 1 of issue 13, the process half: an error nobody caught is logged once, scrubbed, and
 * counted, instead of ending the process silently; a test fails on any such count. The events are
 * emitted on `process` as Node would (a real one would also reach vitest's own handlers and fail
 * the run, which is what `failOnStrayErrors` is for).
 */
const removers: (() => void)[] = [];
afterEach(() => removers.splice(0).forEach((remove) => remove()));

const TOKEN = new Secret('sentinel-guard-token-31f9c0');

function guard(graceMs = 5_000) {
  const { log, lines } = captureLogger('trace');
  const metrics = createMetrics({ defaults: false });
  const exits: number[] = [];
  let stopped = 0;
  removers.push(
    installProcessGuard({
      logger: log,
      metrics,
      graceMs,
      exit: (code) => exits.push(code),
      onFatal: () => {
        stopped++;
        return Promise.resolve();
      },
    }),
  );
  const count = async (kind: string) =>
    (await metrics.unexpectedErrors.get()).values.find((v) => v.labels.kind === kind)?.value ?? 0;
  return { lines, metrics, exits, count, stopped: () => stopped };
}

describe('process guard', () => {
  it.each([
    ['an Error', new TypeError("Cannot read properties of null (reading 'event')")],
    ['a string', 'plain string reason'],
    ['null', null],
    ['an object quoting a secret', { detail: `token ${TOKEN.reveal()} refused` }],
  ])('logs, counts and keeps serving after an unhandled rejection of %s', async (_, reason) => {
    const g = guard();
    process.emit('unhandledRejection', reason, Promise.resolve());
    process.emit('unhandledRejection', reason, Promise.resolve());
    expect(await g.count('unhandled_rejection')).toBe(2);
    expect(g.lines.filter((l) => l.includes('unhandled promise rejection'))).toHaveLength(2);
    expect(g.lines.join('\n')).not.toContain(TOKEN.reveal());
    expect(g.exits).toEqual([]);
    await expect(expectNoUnexpectedErrors(g.metrics)).rejects.toThrow('unexpected_errors');
  });

  it('after an uncaught exception, stops taking work and exits 1, once', async () => {
    const g = guard();
    process.emit('uncaughtException', new Error(`boom with ${TOKEN.reveal()}`));
    process.emit('uncaughtException', new Error('a second one while stopping'));
    await expect.poll(() => g.exits).toEqual([1]);
    expect(g.stopped()).toBe(1);
    expect(await g.count('uncaught_exception')).toBe(2);
    expect(g.lines.some((l) => l.includes('"level":60'))).toBe(true);
    expect(g.lines.join('\n')).not.toContain(TOKEN.reveal());
  });

  it('exits 1 after the grace when stopping hangs', async () => {
    const { log } = captureLogger('silent');
    const exits: number[] = [];
    removers.push(
      installProcessGuard({
        logger: log,
        metrics: createMetrics({ defaults: false }),
        graceMs: 50,
        exit: (code) => exits.push(code),
        onFatal: () => new Promise(() => {}),
      }),
    );
    process.emit('uncaughtException', new Error('boom'));
    await expect.poll(() => exits).toEqual([1]);
  });

  it('passes a test that counted nothing', async () => {
    await expectNoUnexpectedErrors(createMetrics({ defaults: false }));
  });
});
