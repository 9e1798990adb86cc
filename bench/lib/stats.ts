/** The q-quantile (0..1) of `values` by linear interpolation between the closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Rounds for the report: enough digits to read, not so many that noise looks like precision. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface Spread {
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly n: number;
}

export function spread(values: readonly number[]): Spread {
  return {
    median: round(median(values)),
    p95: round(quantile(values, 0.95)),
    p99: round(quantile(values, 0.99)),
    n: values.length,
  };
}
