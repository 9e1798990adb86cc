import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

/** Keys that carry secrets wherever they appear (pino paths are case-sensitive, hence both cases). */
const SECRET_KEYS = [
  'authorization',
  'Authorization',
  'x-client-cert',
  'X-Client-Cert',
  'cookie',
  'Cookie',
  'set-cookie',
  'client_secret',
  'clientSecret',
  'access_token',
  'accessToken',
  'refresh_token',
  'token',
  'botToken',
  'appToken',
  'bot_token',
  'app_token',
  'signingSecret',
  'signing_secret',
  'secret',
  'password',
  'apiKey',
  'api_key',
  'key',
  'keyPem',
  'cert',
  'certPem',
  'privateKey',
];

/** The key itself and the same key nested up to three levels deep, in any object. */
function pathsFor(key: string): string[] {
  const tail = /^[A-Za-z_]+$/.test(key) ? `.${key}` : `["${key}"]`;
  const top = /^[A-Za-z_]+$/.test(key) ? key : `["${key}"]`;
  return [top, `*${tail}`, `*.*${tail}`, `*.*.*${tail}`];
}

export const REDACT_PATHS: readonly string[] = SECRET_KEYS.flatMap(pathsFor);

/** Strings that are secrets by their shape, whatever key holds them: the last line of defence. */
const SECRET_SHAPES: readonly RegExp[] = [
  /\bxox[abpor]-[0-9A-Za-z-]+/g,
  /\bxapp-[0-9A-Za-z-]+/g,
  /\benterprise-[0-9A-Za-z._-]{6,}/g,
  /\bBearer\s+[0-9A-Za-z._~+/=-]{8,}/gi,
  /\beyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]+\.[0-9A-Za-z_-]*/g,
  /-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g,
];

/** Drops the query string, fragment and credentials of every http(s) URL found in a string. */
export function redactUrls(text: string): string {
  return text.replace(/\bhttps?:\/\/[^\s"'<>]+/gi, (raw) => {
    try {
      const url = new URL(raw);
      const hadQuery = url.search !== '';
      url.username = '';
      url.password = '';
      url.search = '';
      url.hash = '';
      return hadQuery ? `${url.toString()}?[redacted]` : url.toString();
    } catch {
      return raw.replace(/\?.*$/, '?[redacted]');
    }
  });
}

/** Removes secret-shaped substrings and signed URL parts from a string. */
export function scrubText(text: string): string {
  let out = redactUrls(text);
  for (const shape of SECRET_SHAPES) out = out.replace(shape, '[redacted]');
  return out;
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return scrubDeep(stdSerializers.err(value), depth + 1);
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth + 1);
  return out;
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
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
      // Errors are serialized (and scrubbed) in formatters.log below; pass them through as they are.
      serializers: { err: (err: unknown) => err },
      formatters: {
        log: (obj) => scrubDeep(obj) as Record<string, unknown>,
      },
      hooks: {
        // Messages are scrubbed too: a URL or token interpolated into a message must not leak.
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as Parameters<
            typeof method
          >;
          method.apply(this, scrubbed);
        },
      },
    },
    destination,
  );
}
