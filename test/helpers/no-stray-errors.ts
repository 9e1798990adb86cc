import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Metrics } from '../../src/metrics.js';

/**
 * Fails the test during which the process saw an unhandled rejection or an uncaught exception. A
 * fault must end as an answer or a log line, never as an error nobody caught: in production the
 * process guard (src/process-guard.ts) would log and count it, which hides a bug from nobody but a
 * test. Call once at the top of a test file; pass `metrics` to also fail on any count the guard
 * (or anything else) put in `bitmind_bot_unexpected_errors_total` during a test.
 */
export function failOnStrayErrors(options: { metrics?: () => Metrics | undefined } = {}): void {
  const seen: unknown[] = [];
  const record = (err: unknown) => {
    seen.push(err);
  };
  const expectNone = () => {
    const stray = seen.splice(0).map((err) => (err instanceof Error ? (err.stack ?? err.message) : err));
    expect(stray, 'unhandled rejections and uncaught exceptions').toEqual([]);
    return expectNoUnexpectedErrors(options.metrics?.());
  };
  beforeAll(() => {
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
  });
  afterEach(expectNone);
  afterAll(async () => {
    // A rejection left unhandled shows up a turn after the promise settles: give late ones a chance.
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
    await expectNone();
  });
}

/** Fails when `metrics` counted an error nobody caught (the process guard's counter). */
export async function expectNoUnexpectedErrors(metrics: Metrics | undefined): Promise<void> {
  if (!metrics) return;
  const { values } = await metrics.unexpectedErrors.get();
  const counted = values.filter((v) => v.value > 0).map((v) => `${String(v.labels.kind)}: ${v.value}`);
  expect(counted, 'bitmind_bot_unexpected_errors_total').toEqual([]);
}
