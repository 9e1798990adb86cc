import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { cutoffOf, trimEveryHour } from '../../src/audit/retention.js';
import { captureLogger } from '../log/capture.js';

const HOUR = 60 * 60 * 1000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

it('trims every hour, never two at once, and says so when a trim fails, then tries again', async () => {
  const { log, lines } = captureLogger();
  let calls = 0;
  let finish: (() => void) | undefined;
  let fail = false;
  const timer = trimEveryHour(() => {
    calls++;
    if (fail) return Promise.reject(new Error('Redis is away'));
    return new Promise<void>((resolve) => (finish = resolve));
  }, log);
  await vi.advanceTimersByTimeAsync(HOUR - 1);
  expect(calls).toBe(0);
  await vi.advanceTimersByTimeAsync(1);
  expect(calls).toBe(1);
  // Still running an hour later: not started again.
  await vi.advanceTimersByTimeAsync(HOUR);
  expect(calls).toBe(1);
  finish?.();
  fail = true;
  await vi.advanceTimersByTimeAsync(HOUR);
  expect(calls).toBe(2);
  expect(lines.filter((l) => l.includes('could not be trimmed'))).toHaveLength(1);
  fail = false;
  await vi.advanceTimersByTimeAsync(HOUR);
  expect(calls).toBe(3);
  timer.stop();
  await vi.advanceTimersByTimeAsync(10 * HOUR);
  expect(calls).toBe(3);
});

it('puts the cutoff the retention before now, and past every entry when it keeps nothing', () => {
  const now = () => Date.parse('2026-03-01T00:00:00Z');
  expect(new Date(cutoffOf({ days: 90, now })).toISOString()).toBe('2025-12-01T00:00:00.000Z');
  expect(cutoffOf({ days: 0, now })).toBe(Infinity);
});
