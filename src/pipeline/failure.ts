import { BitmindError } from '../bitmind/index.js';
import { toItemError } from '../check/item-error.js';
import { describeError } from '../check/wording.js';
import { CheckError } from '../domain/types.js';
import { DEFAULT_LOCALE, t, type Locale } from '../i18n/i18n.js';
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
export const STATE_UNAVAILABLE = t(DEFAULT_LOCALE, 'failure.stateUnavailable');

/** How a whole check's failure is worded (in `locale`) and logged, on every platform alike. */
export function failureOf(err: unknown, locale: Locale = DEFAULT_LOCALE): Failure {
  // The connection has logged the outage once already; each trigger it refuses is expected.
  if (err instanceof StateUnavailableError)
    return { text: t(locale, 'failure.stateUnavailable'), level: 'warn' };
  const expected = err instanceof CheckError || err instanceof BitmindError;
  // Anything else's message may hold internals: it is said in the plain words of `generic`.
  const text = expected ? describeError(toItemError(err), locale) : t(locale, 'failure.generic');
  return { text, level: expected ? 'warn' : 'error' };
}
