import { BitmindError } from '../bitmind/index.js';
import { CheckError, type ErrorCode } from '../domain/types.js';
import { DEFAULT_LOCALE, t } from '../i18n/i18n.js';

/**
 * Turns whatever a check threw into the error a user sees. Our own errors (CheckError, the BitMind
 * client's typed errors) already carry a code and a message written for people; anything else is a
 * bug or an outage, and its text (which may hold internals) is never shown.
 */
export function toItemError(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof CheckError || err instanceof BitmindError)
    return { code: err.code, message: err.message };
  return {
    code: 'unavailable',
    message: t(DEFAULT_LOCALE, 'failure.generic'),
  };
}
