import { inspect } from 'node:util';

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
