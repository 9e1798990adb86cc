import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { looksSecret, rememberSecret, Secret } from './secret.js';

/**
 * Every setting the bot reads, in one table: the schema, the group it belongs to and one line of
 * documentation. The README's configuration table and `.env.example` are checked against this table
 * by a test, so none of the three can drift.
 */
/** One of a few words, in any case; the message lists them. */
function oneOf<const T extends readonly [string, ...string[]]>(words: T) {
  return z
    .string()
    .transform((v) => v.toLowerCase())
    .pipe(z.enum(words, { error: `must be one of ${words.join(', ')}` }));
}
const bool = oneOf(['true', 'false', '1', '0', 'yes', 'no']).transform(
  (v) => v === 'true' || v === '1' || v === 'yes',
);
/** Decimal digits only: `Number()` would also take "0x10" and "1e3". */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(/^-?\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be ${min} or more`).max(max, `must be at most ${max}`));
}
const posInt = wholeNumber(1);
const nonNegInt = wholeNumber(0);
export const httpUrl = z
  .string()
  .refine(
    (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol),
    'must be an http or https URL such as https://example.com',
  );
export const text = z.string().min(1);

export interface VarSpec {
  readonly group: string;
  readonly doc: string;
  readonly schema: z.ZodType;
  readonly secret?: boolean;
  /**
   * Not a secret itself, but may carry one (a password in a URL): never quoted in a message. The
   * secret it carries is taken out and masked on its own, so the rest (host, port) can be shown.
   */
  readonly carriesSecret?: boolean;
}

export const ENV_VARS = {
  BITMIND_BASE_URL: {
    group: 'BitMind',
    doc: 'BitMind Enterprise API base URL.',
    schema: httpUrl.default('https://enterprise.bitmind.ai'),
  },
  BITMIND_CLIENT_ID: {
    group: 'BitMind',
    doc: 'OAuth client id (with a secret for OAuth, or with a certificate and key for OAuth with mTLS).',
    schema: text.optional(),
  },
  BITMIND_CLIENT_SECRET: {
    group: 'BitMind',
    doc: 'OAuth client secret.',
    schema: text.optional(),
    secret: true,
  },
  BITMIND_CLIENT_CERT: {
    group: 'BitMind',
    doc: 'Path to the PEM client certificate (OAuth with mTLS).',
    schema: text.optional(),
  },
  BITMIND_CLIENT_KEY: {
    group: 'BitMind',
    doc: 'Path to the PEM private key of that certificate (OAuth with mTLS).',
    schema: text.optional(),
  },
  BITMIND_CA_CERT: {
    group: 'BitMind',
    doc: 'Path to an extra PEM CA bundle to trust for the BitMind endpoint (private CAs, test rigs).',
    schema: text.optional(),
  },
  BITMIND_API_KEY: {
    group: 'BitMind',
    doc: 'Legacy organization API key (enterprise-...).',
    schema: text.optional(),
    secret: true,
  },
  BITMIND_CONCURRENCY: {
    group: 'BitMind',
    doc: 'BitMind requests in flight at once.',
    schema: posInt.default(4),
  },
  BITMIND_RATE_LIMIT: {
    group: 'BitMind',
    doc: 'BitMind requests per minute, all instances together; match your plan (1,000/hour: about 16).',
    schema: posInt.default(60),
  },
  BITMIND_RETRY_ATTEMPTS: {
    group: 'BitMind',
    doc: 'Attempts per call on 5xx, resets and timeouts (1 means no retry).',
    schema: posInt.default(4),
  },
  BITMIND_RETRY_MAX_SECONDS: {
    group: 'BitMind',
    doc: 'Total time one call may spend retrying.',
    schema: posInt.default(120),
  },
  BITMIND_RETRY_AFTER_DEFAULT_SECONDS: {
    group: 'BitMind',
    doc: 'Wait after a 429 without Retry-After (the vendor guide says 60).',
    schema: nonNegInt.default(60),
  },
  BITMIND_RETRY_AFTER_MAX_SECONDS: {
    group: 'BitMind',
    doc: 'Longest wait honoured from a Retry-After header.',
    schema: nonNegInt.default(300),
  },
  BITMIND_MAX_REQUEST_MB: {
    group: 'BitMind',
    doc: 'Largest body sent to BitMind in one request; batches are packed and split to stay under it.',
    schema: posInt.default(100),
  },
  BITMIND_TIMEOUT_SECONDS: {
    group: 'BitMind',
    doc: 'Longest wait for a response once a request is sent (sized for 500 MB uploads).',
    schema: posInt.default(300),
  },
  CHECK_MAX_MEDIA: {
    group: 'Checks',
    doc: 'Media checked per request; the rest are reported as skipped.',
    schema: posInt.default(20),
  },
  CHECK_MAX_REQUEST_MB: {
    group: 'Checks',
    doc: 'Total megabytes downloaded for one request.',
    schema: posInt.default(1000),
  },
  CACHE_TTL_SECONDS: {
    group: 'Checks',
    doc: 'How long a verdict is reused for the same bytes.',
    schema: posInt.default(86_400),
  },
  CACHE_MAX_ENTRIES: { group: 'Checks', doc: 'Verdicts kept in the cache.', schema: posInt.default(10_000) },
  USER_CHECKS_PER_HOUR: {
    group: 'Checks',
    doc: 'Checks one person may ask for per clock hour (0 turns the budget off); past it, they are told in their language when more are available.',
    schema: nonNegInt.default(0),
  },
  DOWNLOAD_CONNECT_TIMEOUT_SECONDS: {
    group: 'Checks',
    doc: 'Connect timeout when downloading media.',
    schema: posInt.default(10),
  },
  DOWNLOAD_IDLE_TIMEOUT_SECONDS: {
    group: 'Checks',
    doc: 'A download that sends nothing for this long is abandoned.',
    schema: posInt.default(30),
  },
  DOWNLOAD_MAX_SECONDS: {
    group: 'Checks',
    doc: 'Longest one download may take in all, however steadily it trickles.',
    schema: posInt.default(600),
  },
  DOWNLOAD_CONCURRENCY: {
    group: 'Checks',
    doc: 'Media downloads running at once across the whole process; the rest wait, people first.',
    schema: posInt.default(8),
  },
  SPOOL_MAX_MB: {
    group: 'Checks',
    doc: 'Megabytes of temporary files the process may hold at once; past it checks wait, then say busy.',
    schema: posInt.default(2048),
  },
  ALLOW_PRIVATE_URLS: {
    group: 'Checks',
    doc: 'Allow URLs that resolve to private or loopback addresses (local development only).',
    schema: bool.default(false),
  },
  MEDIA_MAX_PIXELS: {
    group: 'Checks',
    doc: 'Images whose header announces more pixels (all frames of an animation) are refused before decoding.',
    schema: posInt.default(100_000_000),
  },
  MEDIA_CONVERT_MAX_SECONDS: {
    group: 'Checks',
    doc: 'Longest one conversion (HEIC, GIF, AVIF, TIFF, BMP to PNG; WebM, MKV, animations to MP4) may take.',
    schema: posInt.default(120),
  },
  FFMPEG_PATH: {
    group: 'Checks',
    doc: 'ffmpeg binary for converting WebM, MKV and animations to MP4; the bundled one by default.',
    schema: text.optional(),
  },
  AUTOSCAN_CHANNELS: {
    group: 'Checks',
    doc: 'Channels where auto-scan starts on: slack:C0123 (slack:T0123/C0123 for one workspace), discord:1234567890, optionally =flagged|all|silent.',
    schema: z.string().optional(),
  },
  REDIS_URL: {
    group: 'Redis',
    doc: 'Turns on the shared mode (several instances, one bot): redis://host:6379/0, rediss:// for TLS.',
    schema: z
      .string()
      .refine(
        (u) => URL.canParse(u) && /^rediss?:$/.test(new URL(u).protocol),
        'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379/0',
      )
      .optional(),
    // It may carry a password: taken out at load time and masked by its value, like any secret.
    carriesSecret: true,
  },
  REDIS_PASSWORD: {
    group: 'Redis',
    doc: 'Redis password, when it is not in REDIS_URL.',
    schema: text.optional(),
    secret: true,
  },
  REDIS_PREFIX: {
    group: 'Redis',
    doc: 'Put before every key, so one Redis can host several bots.',
    schema: text.default('bitmind:'),
  },
  JOB_STALL_SECONDS: {
    group: 'Redis',
    doc: 'Shared mode: a check whose instance died is taken up by another within this time.',
    schema: posInt.default(30),
  },
  PORT: {
    group: 'Service',
    doc: "Port of the HTTP server (/healthz, /readyz, /metrics, and the platforms' routes such as /slack/events).",
    schema: wholeNumber(0, 65_535).default(3000),
  },
  HOST: {
    group: 'Service',
    doc: 'Address the HTTP server listens on (empty: every interface).',
    schema: text.optional(),
  },
  DATA_DIR: { group: 'Service', doc: 'Where settings are kept.', schema: text.default('./data') },
  AUDIT_RETENTION_DAYS: {
    group: 'Service',
    doc: 'Days the audit trail keeps each check, report and deletion (0: keep nothing). See docs/privacy.md.',
    schema: wholeNumber(0, 3650).default(90),
  },
  LOG_LEVEL: {
    group: 'Service',
    doc: 'trace, debug, info, warn, error, fatal or silent.',
    schema: oneOf(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  },
  SHUTDOWN_GRACE_SECONDS: {
    group: 'Service',
    doc: 'Time given to checks in flight on SIGTERM.',
    schema: posInt.default(20),
  },
} as const satisfies Record<string, VarSpec>;

export type EnvName = keyof typeof ENV_VARS;
type Env = { [K in EnvName]: z.output<(typeof ENV_VARS)[K]['schema']> };

export const REPLY_MODES = ['flagged', 'all', 'silent'] as const;
export type ReplyMode = (typeof REPLY_MODES)[number];

/**
 * A platform's own part of the configuration: its variables (documented in the same tables as the
 * core's) and how they become its settings. The core validates every variable the same way and
 * hands each slice the parsed values; it never reads a platform's settings itself.
 */
export interface ConfigSlice<T = unknown> {
  readonly platform: string;
  readonly vars: Readonly<Record<string, VarSpec>>;
  /**
   * The platform's settings, or undefined when its variables ask for nothing (the platform is off).
   * Each problem is pushed in the words of `loadConfig`'s: the variable and the fix.
   */
  resolve(env: Readonly<Record<string, unknown>>, problems: string[]): T | undefined;
  /** Whether an AUTOSCAN_CHANNELS id written without a `platform:` prefix is this platform's. */
  isChannelId(id: string): boolean;
}

/** How the bot authenticates to BitMind, decided by which variables are set. */
export type BitmindAuthConfig =
  | { readonly method: 'oauth'; readonly clientId: string; readonly clientSecret: Secret }
  | {
      readonly method: 'mtls';
      readonly clientId: string;
      readonly certPem: Secret;
      readonly keyPem: Secret;
    }
  | { readonly method: 'apikey'; readonly apiKey: Secret }
  | { readonly method: 'simulator' };

export interface AutoscanSeed {
  readonly platform: string;
  /** The workspace (Slack team, Discord guild) the channel is in; absent: wherever the id turns up. */
  readonly workspace?: string;
  readonly channelId: string;
  readonly replyMode: ReplyMode;
}

export interface Config {
  readonly bitmind: {
    readonly baseUrl: string;
    readonly auth: BitmindAuthConfig;
    readonly caPem: string | undefined;
    readonly concurrency: number;
    readonly ratePerMinute: number;
    readonly retry: {
      readonly attempts: number;
      readonly maxElapsedMs: number;
      readonly retryAfterDefaultMs: number;
      readonly retryAfterMaxMs: number;
    };
    readonly requestTimeoutMs: number;
    /** Largest request body, so batches are packed under it. */
    readonly maxRequestBytes: number;
  };
  readonly check: {
    readonly maxMedia: number;
    readonly maxRequestBytes: number;
    readonly cacheTtlMs: number;
    readonly cacheMaxEntries: number;
    readonly userChecksPerHour: number;
  };
  readonly media: {
    readonly allowPrivateUrls: boolean;
    readonly connectTimeoutMs: number;
    readonly idleTimeoutMs: number;
    readonly maxDownloadMs: number;
    readonly downloadConcurrency: number;
    readonly spoolMaxBytes: number;
    readonly maxPixels: number;
    readonly convertTimeoutMs: number;
    readonly ffmpegPath: string | undefined;
  };
  /** Each configured platform's settings, by platform name, as its `ConfigSlice` made them. */
  readonly platforms: Readonly<Record<string, unknown>>;
  readonly autoscanChannels: readonly AutoscanSeed[];
  readonly port: number;
  /** Undefined: every interface. */
  readonly host: string | undefined;
  readonly dataDir: string;
  /** How long the audit trail keeps an entry; 0 keeps nothing. */
  readonly auditRetentionDays: number;
  /** Undefined: the embedded mode (one process, state under DATA_DIR). */
  readonly redis:
    | {
        /** REDIS_URL without its user name and password, which travel apart: safe to log. */
        readonly url: string;
        readonly username: string | undefined;
        readonly password: Secret | undefined;
        readonly prefix: string;
      }
    | undefined;
  /** Shared mode: how soon another instance takes up the check of an instance that died. */
  readonly jobStallMs: number;
  readonly logLevel: string;
  readonly shutdownGraceMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (when present) beneath the real environment: a variable already set wins. */
export function environmentWithDotEnv(
  env: NodeJS.ProcessEnv = process.env,
  path = '.env',
): Record<string, string | undefined> {
  let fromFile: Record<string, string> = {};
  try {
    fromFile = parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') {
      throw new ConfigError([`${path} cannot be read (${code ?? 'error'}): fix it or remove it`]);
    }
  }
  return { ...fromFile, ...env };
}

/**
 * Validates the environment into one frozen, typed object. Every problem is collected and reported
 * at once, each naming its variable and the fix, so an operator fixes a `.env` in one pass.
 */
export function loadConfig(
  rawEnv: Record<string, string | undefined> = process.env,
  slices: readonly ConfigSlice[] = [],
): Config {
  const problems: string[] = [];
  const env = {} as Record<string, unknown>;
  const specs = [ENV_VARS, ...slices.map((s) => s.vars)].flatMap(
    (vars) => Object.entries(vars) as [string, VarSpec][],
  );
  // First, so that every message below (and every log line after) can mask them by value.
  for (const [name, spec] of specs) {
    const raw = rawEnv[name]?.trim();
    if (spec.secret && raw) rememberSecret(raw);
  }
  for (const [name, spec] of specs) {
    const raw = rawEnv[name]?.trim();
    const result = spec.schema.safeParse(raw === '' ? undefined : raw);
    if (result.success) env[name] = result.data;
    else
      problems.push(
        `${name} ${result.error.issues[0]?.message ?? 'is not valid'}${spec.secret || spec.carriesSecret ? '' : ` (got ${shown(raw)})`}`,
      );
  }
  const e = env as Env;

  const auth = resolveAuth(e, problems);
  const caPem = e.BITMIND_CA_CERT
    ? readPem('BITMIND_CA_CERT', e.BITMIND_CA_CERT, 'CERTIFICATE', problems)
    : undefined;
  const platforms = Object.fromEntries(
    slices.flatMap((slice) => {
      const settings = slice.resolve(env, problems);
      return settings === undefined ? [] : [[slice.platform, settings]];
    }),
  );
  const autoscanChannels = parseAutoscan(e.AUTOSCAN_CHANNELS, slices, problems);
  const redis = resolveRedis(e, problems);

  if (problems.length > 0) throw new ConfigError(problems);

  const config: Config = {
    bitmind: {
      baseUrl: e.BITMIND_BASE_URL.replace(/\/+$/, ''),
      auth,
      caPem,
      concurrency: e.BITMIND_CONCURRENCY,
      ratePerMinute: e.BITMIND_RATE_LIMIT,
      retry: {
        attempts: e.BITMIND_RETRY_ATTEMPTS,
        maxElapsedMs: e.BITMIND_RETRY_MAX_SECONDS * 1000,
        retryAfterDefaultMs: e.BITMIND_RETRY_AFTER_DEFAULT_SECONDS * 1000,
        retryAfterMaxMs: e.BITMIND_RETRY_AFTER_MAX_SECONDS * 1000,
      },
      requestTimeoutMs: e.BITMIND_TIMEOUT_SECONDS * 1000,
      maxRequestBytes: e.BITMIND_MAX_REQUEST_MB * 1024 * 1024,
    },
    check: {
      maxMedia: e.CHECK_MAX_MEDIA,
      maxRequestBytes: e.CHECK_MAX_REQUEST_MB * 1024 * 1024,
      cacheTtlMs: e.CACHE_TTL_SECONDS * 1000,
      cacheMaxEntries: e.CACHE_MAX_ENTRIES,
      userChecksPerHour: e.USER_CHECKS_PER_HOUR,
    },
    media: {
      allowPrivateUrls: e.ALLOW_PRIVATE_URLS,
      connectTimeoutMs: e.DOWNLOAD_CONNECT_TIMEOUT_SECONDS * 1000,
      idleTimeoutMs: e.DOWNLOAD_IDLE_TIMEOUT_SECONDS * 1000,
      maxDownloadMs: e.DOWNLOAD_MAX_SECONDS * 1000,
      downloadConcurrency: e.DOWNLOAD_CONCURRENCY,
      spoolMaxBytes: e.SPOOL_MAX_MB * 1024 * 1024,
      maxPixels: e.MEDIA_MAX_PIXELS,
      convertTimeoutMs: e.MEDIA_CONVERT_MAX_SECONDS * 1000,
      ffmpegPath: e.FFMPEG_PATH,
    },
    platforms,
    autoscanChannels,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    redis,
    jobStallMs: e.JOB_STALL_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
  };
  return deepFreeze(config);
}

function resolveAuth(e: Env, problems: string[]): BitmindAuthConfig {
  const id = e.BITMIND_CLIENT_ID;
  const secret = e.BITMIND_CLIENT_SECRET;
  const cert = e.BITMIND_CLIENT_CERT;
  const key = e.BITMIND_CLIENT_KEY;
  const apiKey = e.BITMIND_API_KEY;
  const before = problems.length;

  if (apiKey && (id || secret || cert || key)) {
    problems.push(
      'BITMIND_API_KEY is set together with OAuth settings (BITMIND_CLIENT_*): choose one method and unset the other',
    );
  }
  if (secret && (cert || key)) {
    problems.push(
      'BITMIND_CLIENT_SECRET and BITMIND_CLIENT_CERT/BITMIND_CLIENT_KEY are both set: use the secret for OAuth or the certificate for OAuth with mTLS, not both',
    );
  }
  if (id && !secret && !cert && !key && !apiKey) {
    problems.push(
      'BITMIND_CLIENT_ID is set without BITMIND_CLIENT_SECRET (OAuth) or BITMIND_CLIENT_CERT and BITMIND_CLIENT_KEY (OAuth with mTLS): set one of them',
    );
  }
  if ((secret || cert || key) && !id) {
    problems.push('BITMIND_CLIENT_ID is missing: OAuth needs the client id beside the secret or certificate');
  }
  if (cert && !key)
    problems.push(
      'BITMIND_CLIENT_KEY is missing: OAuth with mTLS needs the private key beside BITMIND_CLIENT_CERT',
    );
  if (key && !cert)
    problems.push(
      'BITMIND_CLIENT_CERT is missing: OAuth with mTLS needs the certificate beside BITMIND_CLIENT_KEY',
    );

  const certPem = cert ? readPem('BITMIND_CLIENT_CERT', cert, 'CERTIFICATE', problems) : undefined;
  const keyPem = key ? readPem('BITMIND_CLIENT_KEY', key, 'PRIVATE KEY', problems) : undefined;
  if (problems.length > before) return { method: 'simulator' };

  if (apiKey) return { method: 'apikey', apiKey: new Secret(apiKey) };
  if (id && secret) return { method: 'oauth', clientId: id, clientSecret: new Secret(secret) };
  if (id && certPem && keyPem)
    return { method: 'mtls', clientId: id, certPem: new Secret(certPem), keyPem: new Secret(keyPem) };
  return { method: 'simulator' };
}

function readPem(name: string, path: string, label: string, problems: string[]): string | undefined {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (err) {
    problems.push(
      `${name} points at ${path}, which cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}): check the path and its permissions`,
    );
    return undefined;
  }
  if (!new RegExp(`-----BEGIN [A-Z ]*${label}-----`).test(pem)) {
    problems.push(
      `${name} points at ${path}, which holds no PEM ${label.toLowerCase()}: give the path of a PEM file`,
    );
    return undefined;
  }
  // undici's TLS options are given no passphrase, so an encrypted key would only fail at the first call.
  if (/-----BEGIN ENCRYPTED|Proc-Type: 4,ENCRYPTED/.test(pem)) {
    problems.push(
      `${name} points at ${path}, which is encrypted: give an unencrypted key (openssl pkey -in ${path} -out plain.pem)`,
    );
    return undefined;
  }
  return pem;
}

/** Takes the credentials out of REDIS_URL, so the URL itself can be logged and shown by doctor. */
function resolveRedis(e: Env, problems: string[]): Config['redis'] {
  if (!e.REDIS_URL) return undefined;
  const url = new URL(e.REDIS_URL);
  const inUrl = url.password ? decodeURIComponent(url.password) : undefined;
  if (inUrl && e.REDIS_PASSWORD) {
    problems.push('REDIS_PASSWORD is set and REDIS_URL holds a password too: keep one of them');
  }
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  url.username = '';
  url.password = '';
  const password = inUrl ?? e.REDIS_PASSWORD;
  return {
    url: url.toString(),
    username,
    password: password ? new Secret(password) : undefined,
    prefix: e.REDIS_PREFIX,
  };
}

function parseAutoscan(
  value: string | undefined,
  slices: readonly ConfigSlice[],
  problems: string[],
): AutoscanSeed[] {
  const seeds: AutoscanSeed[] = [];
  for (const entry of splitList(value)) {
    const match = /^(?:([a-z]+):)?(?:([A-Za-z0-9]+)\/)?([A-Za-z0-9]+)(?:=([a-z]+))?$/.exec(entry);
    const mode = (match?.[4] ?? 'flagged') as ReplyMode;
    const workspace = match?.[2];
    const id = match?.[3] ?? '';
    // Written with its platform, the id must be one of that platform's; without, the platform is
    // the one whose ids look like it.
    const slice = match?.[1]
      ? slices.find((s) => s.platform === match[1] && s.isChannelId(id))
      : slices.find((s) => s.isChannelId(id));
    if (!match || !slice || !REPLY_MODES.includes(mode)) {
      problems.push(
        `AUTOSCAN_CHANNELS has ${shown(entry)}: write slack:C0123, slack:T0123/C0123 or discord:1234567890, optionally followed by =flagged, =all or =silent`,
      );
      continue;
    }
    seeds.push({ platform: slice.platform, ...(workspace && { workspace }), channelId: id, replyMode: mode });
  }
  return seeds;
}

/** A value quoted in a message, or only its length when it looks like a secret pasted in the wrong place. */
function shown(value: string | undefined): string {
  if (value === undefined) return 'nothing';
  return looksSecret(value)
    ? `a value of ${value.length} characters, not shown: it looks like a secret`
    : `"${value}"`;
}

/** A comma-separated list, trimmed, without empty entries. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Secret)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
