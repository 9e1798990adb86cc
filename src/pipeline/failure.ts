import { BitmindError } from '../bitmind/index.js';
import { toItemError } from '../check/item-error.js';
import { CheckError } from '../domain/types.js';
import { StateUnavailableError } from '../state/redis-connection.js';

export interface Failure {
  /** Said to the person: our own errors' words, or a plain apology, never internals. */
  readonly text: string;
  /**
   * Expected failures (a person's bad link, BitMind down) are logged at `warn`; anything else is a
   * bug and goes to `error`, with its stack, for the operator.
   */
  readonly level: 'warn' | 'error';
}

/** Said when the shared state cannot be reached: the trigger was not taken, and may be sent again. */
export const STATE_UNAVAILABLE =
  'I cannot take new checks for a moment (my shared state is unreachable). Try again in a minute.';

/** How a whole check's failure is worded and logged, on every platform alike. */
export function failureOf(err: unknown): Failure {
  // The connection has logged the outage once already; each trigger it refuses is expected.
  if (err instanceof StateUnavailableError) return { text: STATE_UNAVAILABLE, level: 'warn' };
  const expected = err instanceof CheckError || err instanceof BitmindError;
  return { text: toItemError(err).message, level: expected ? 'warn' : 'error' };
}
