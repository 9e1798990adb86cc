import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/**
 * Fails the test during which the process saw an unhandled rejection or an uncaught exception. A
 * fault must end as an answer or a log line, never as an error nobody caught: in production either
 * one is a crash. Call once at the top of a test file.
 */
export function failOnStrayErrors(): void {
  const seen: unknown[] = [];
  const record = (err: unknown) => {
    seen.push(err);
  };
  const expectNone = () => {
    const stray = seen.splice(0).map((err) => (err instanceof Error ? (err.stack ?? err.message) : err));
    expect(stray, 'unhandled rejections and uncaught exceptions').toEqual([]);
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
    expectNone();
  });
}
