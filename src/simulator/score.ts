/**
 * How the simulator "detects": a deterministic score from the content, so the same bytes always get
 * the same verdict, and two ways for tests and demos to ask for a given one.
 */

/** How far into a file the score marker is looked for. */
export const MARKER_WINDOW_BYTES = 64 * 1024;

/**
 * `bitmind-sim-score=0.93` anywhere in the first 64 KiB asks for that score. A NUL may stand for the
 * `=`, so a PNG tEXt chunk with the keyword `bitmind-sim-score` and the text `0.93` works too.
 */
const MARKER = /bitmind-sim-score[=\0]([01](?:\.\d{1,8})?)/;

/**
 * The confidence the simulator reports for content with this SHA-256 (hex): the first four bytes of
 * the hash as a fraction of 2^32, rounded to four decimals. Uniform over [0, 1], stable per content.
 */
export function confidenceFor(sha256Hex: string): number {
  if (!/^[0-9a-f]{8}/i.test(sha256Hex)) throw new TypeError('confidenceFor expects a hex SHA-256 digest');
  return round(Number.parseInt(sha256Hex.slice(0, 8), 16) / 2 ** 32, 4);
}

/** The score a file asks for with a marker in its first 64 KiB, if it carries one. */
export function markerScore(head: Buffer): number | undefined {
  const match = MARKER.exec(head.subarray(0, MARKER_WINDOW_BYTES).toString('latin1'));
  if (!match?.[1]) return undefined;
  const score = Number(match[1]);
  return score <= 1 ? score : undefined;
}

/** Model time in seconds: a few tens of milliseconds for an image, more for a video, growing with size. */
export function processingTimeFor(kind: 'image' | 'video', bytes: number, sha256Hex: string): number {
  const jitter = Number.parseInt(sha256Hex.slice(8, 10), 16) / 255;
  const mb = bytes / (1024 * 1024);
  const seconds = kind === 'image' ? 0.03 + 0.02 * jitter + 0.002 * mb : 0.4 + 0.2 * jitter + 0.01 * mb;
  return round(seconds, 3);
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function isValidScore(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1;
}
