import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { maskKnownSecrets } from './secret-values.js';

export type { Logger } from 'pino';

const REDACTED = '[redacted]';

/**
 * Names whose values are secrets, compared without case, `-` or `_` (so `Authorization`,
 * `authorization`, `client_secret`, `clientSecret` and `X-Client-Cert` all match). Matching by name at
 * any depth, rather than pino's case-sensitive fixed paths, also catches the deep shapes libraries
 * produce, such as an HTTP error's `original.config.headers.Authorization`.
 */
const SECRET_NAME =
  /(?:authorization|token|tokens|secret|secrets|password|passphrase|apikey|privatekey|cookie|signature|pem|clientcert|clientkey)$|^(?:key|keys|cert|certs|certificate|certificates|pfx)$/;

function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name.toLowerCase().replace(/[-_]/g, ''));
}

/** Strings that are secrets by their shape, whatever holds them. */
const SECRET_SHAPES: readonly RegExp[] = [
  /\bxox[abporde]-[0-9A-Za-z-]+/g,
  /\bxapp-[0-9A-Za-z-]+/g,
  // A BitMind API key; the digit keeps names such as "enterprise-inference-worker" readable.
  /\benterprise-(?=[0-9A-Za-z._-]*\d)[0-9A-Za-z._-]{6,}/g,
  /\bBearer\s+[0-9A-Za-z._~+/=-]{8,}/gi,
  /\bBasic\s+(?=[0-9A-Za-z+/]*[0-9+/=])[0-9A-Za-z+/]{8,}={0,2}/g,
  /\beyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]+\.[0-9A-Za-z_-]*/g,
  // Discord bot tokens: base64 user id, timestamp and HMAC joined by dots.
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g,
  // A PEM block, or the start of one cut off inside an error message.
  /-----BEGIN [A-Z ]+-----[\s\S]*?(?:-----END [A-Z ]+-----|$)/g,
];

/**
 * URLs whose path is the credential: Discord interaction and webhook tokens (in discord.js REST
 * errors), Slack response_url and incoming webhooks.
 */
const SECRET_PATHS: readonly [RegExp, string][] = [
  [/\/(interactions|webhooks)\/(\d+)\/[^/\s"'?#]+/g, `/$1/$2/${REDACTED}`],
  [/\bhttps:\/\/hooks\.slack\.com\/[^\s"'<>]+/g, `https://hooks.slack.com/${REDACTED}`],
];

/**
 * `name=value`, `name: value`, `"name": "value"` inside free text (form bodies, JSON bodies quoted in
 * an error message, header dumps): the value goes when the name is a secret's.
 */
const NAMED_VALUE =
  /(["']?)\b([A-Za-z][\w-]*)\1(\s*[:=]\s*)(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|([^\s&"',;}]+))/g;

/**
 * Drops the query string, fragment and credentials of every http(s) URL found in a string, and the
 * credentials of redis(s) URLs (REDIS_URL may carry a password).
 */
export function redactUrls(text: string): string {
  return text.replace(/\b(?:https?|rediss?):\/\/[^\s"'<>]+/gi, (raw) => {
    try {
      const url = new URL(raw);
      const hadQuery = url.search !== '';
      url.username = '';
      url.password = '';
      url.search = '';
      url.hash = '';
      return hadQuery ? `${url.toString()}?${REDACTED}` : url.toString();
    } catch {
      return raw.replace(/\/\/[^/@]*@/, '//').replace(/\?.*$/, `?${REDACTED}`);
    }
  });
}

/**
 * Removes the process's own secrets by value, then secret-shaped substrings, secret-named values and
 * signed URL parts from a string.
 */
export function scrubText(text: string): string {
  let out = redactUrls(maskKnownSecrets(text));
  for (const [path, replacement] of SECRET_PATHS) out = out.replace(path, replacement);
  for (const shape of SECRET_SHAPES) out = out.replace(shape, REDACTED);
  return out.replace(NAMED_VALUE, (whole, q: string, name: string, sep: string, dq?: string, sq?: string) => {
    if (!isSecretName(name)) return whole;
    const value = dq !== undefined ? `"${REDACTED}"` : sq !== undefined ? `'${REDACTED}'` : REDACTED;
    return `${q}${name}${q}${sep}${value}`;
  });
}

const MAX_DEPTH = 8;

/** A copy of a logged value that is safe to print: secret names, shapes and URL queries removed. */
function scrubDeep(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) return scrubDeep(stdSerializers.err(value), depth + 1, seen);
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (value instanceof Map || value instanceof Headers) {
    return scrubDeep(Object.fromEntries(value as Map<unknown, unknown>), depth, seen);
  }
  // Secret, Date and URL say how they want to be printed; a Secret says "[redacted]".
  if ('toJSON' in value && typeof value.toJSON === 'function') {
    return scrubDeep((value.toJSON as () => unknown)(), depth + 1, seen);
  }
  if (Array.isArray(value)) return scrubArray(value, depth, seen);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubEntry(k, v, depth, seen);
  return out;
}

function scrubEntry(name: string, value: unknown, depth: number, seen: WeakSet<object>): unknown {
  const hidden =
    value !== null && value !== undefined && typeof value !== 'number' && typeof value !== 'boolean';
  return hidden && isSecretName(name) ? REDACTED : scrubDeep(value, depth + 1, seen);
}

/** Header lists come as `[name, value, name, value]` or `[[name, value]]`: a value after a secret name goes. */
function scrubArray(items: readonly unknown[], depth: number, seen: WeakSet<object>): unknown[] {
  return items.map((item, i) => {
    const previous = items[i - 1];
    return typeof previous === 'string' && i % 2 === 1
      ? scrubEntry(previous, item, depth, seen)
      : scrubDeep(item, depth + 1, seen);
  });
}

function scrubObject(value: object): Record<string, unknown> {
  return scrubDeep(value, 0, new WeakSet()) as Record<string, unknown>;
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go; tests pass a capturing stream. Defaults to stdout, pretty when it is a terminal. */
  destination?: DestinationStream;
  pretty?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const usePretty = options.pretty ?? (options.destination === undefined && process.stdout.isTTY === true);
  const destination =
    options.destination ??
    (usePretty ? pretty({ colorize: true, sync: true }) : pino.destination({ sync: false }));
  const root = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      // Errors are serialized (and scrubbed) in formatters.log below; pass them through as they are.
      serializers: { err: (err: unknown) => err },
      formatters: { log: scrubObject, bindings: scrubObject },
      hooks: {
        logMethod(args, method) {
          method.apply(this, scrubArguments(args) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
  // Pino applies `formatters.bindings` to the root's bindings only and resets it for children, so
  // each child is handed it again; grandchildren inherit this `child` through the prototype chain.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with each logger's own `this`
  const child = root.child;
  root.child = function (this: Logger, bindings, childOptions = {}) {
    return child.call(this, bindings, {
      ...childOptions,
      formatters: { bindings: scrubObject, ...childOptions.formatters },
    });
  } as Logger['child'];
  return root;
}

/**
 * The message and its interpolation values are scrubbed here; the merging object is left to
 * formatters.log. Pino would take the message of a lone error (or of `{ err }`) itself, unscrubbed,
 * so that message is supplied here instead.
 */
function scrubArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  if (typeof first === 'string') return [scrubText(first), ...rest.map(scrubValue)];
  if (rest.length === 0) {
    const err = first instanceof Error ? first : (first as { err?: unknown } | null | undefined)?.err;
    if (err instanceof Error) return [first, scrubText(err.message)];
  }
  return [first, ...rest.map(scrubValue)];
}

function scrubValue(value: unknown): unknown {
  return scrubDeep(value, 0, new WeakSet());
}
