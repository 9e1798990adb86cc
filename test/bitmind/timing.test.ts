import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../src/bitmind/timing.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date, and a date in the past as no wait', () => {
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 11:59:00 GMT', now)).toBe(0);
  });

  it('gives undefined for absent or unreadable values, so the default applies', () => {
    for (const value of [undefined, null, '', '   ', '-1', 'soon', '1e3', '12abc']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});

describe('backoffDelay (full jitter)', () => {
  it('stays below base·2^retry and below the cap, whatever the draw', () => {
    for (const draw of [0, 0.5, 0.999999]) {
      const random = () => draw;
      expect(backoffDelay(0, 500, 20_000, random)).toBeLessThan(500);
      expect(backoffDelay(3, 500, 20_000, random)).toBeLessThan(4000);
      expect(backoffDelay(10, 500, 20_000, random)).toBeLessThan(20_000);
    }
    expect(backoffDelay(0, 500, 20_000, () => 0)).toBe(0);
  });

  it('spreads retries over the whole range rather than bunching them', () => {
    const delays = Array.from({ length: 1000 }, () => backoffDelay(2, 500, 20_000));
    expect(Math.min(...delays)).toBeLessThan(200);
    expect(Math.max(...delays)).toBeGreaterThan(1800);
    expect(delays.every((d) => d >= 0 && d < 2000)).toBe(true);
  });
});
