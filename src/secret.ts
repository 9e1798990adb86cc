import { inspect } from 'node:util';
import { rememberSecret } from './secret-values.js';

// The registry of secret values is part of this module's face: config.ts imports only this file.
export { looksSecret, rememberSecret } from './secret-values.js';

const REDACTED = '[redacted]';

/**
 * A value that must never be printed. It hides itself from `String()`, template literals,
 * `JSON.stringify` and `util.inspect` (and so from pino and console), and gives up its value only
 * through an explicit `reveal()` at the one place that needs it: a header or a TLS option.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
    // Also masked by value wherever it turns up: a server may echo it back in an error body.
    rememberSecret(value);
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
