import { BitmindError } from '../bitmind/index.js';
import { toItemError } from '../check/item-error.js';
import { CheckError } from '../domain/types.js';

export interface Failure {
  /** Said to the person: our own errors' words, or a plain apology, never internals. */
  readonly text: string;
  /**
   * Expected failures (a person's bad link, BitMind down) are logged at `warn`; anything else is a
   * bug and goes to `error`, with its stack, for the operator.
   */
  readonly level: 'warn' | 'error';
}

/** How a whole check's failure is worded and logged, on every platform alike. */
export function failureOf(err: unknown): Failure {
  const expected = err instanceof CheckError || err instanceof BitmindError;
  return { text: toItemError(err).message, level: expected ? 'warn' : 'error' };
}
