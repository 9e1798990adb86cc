import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordConfigOf } from '../../adapters/discord/config.js';
import { slackConfigOf } from '../../adapters/slack/config.js';
import { ConfigError, environmentWithDotEnv, type Config } from '../../src/config.js';
import { loadBotConfig as loadConfig } from '../../src/platforms.js';
import { captureLogger } from '../log/capture.js';

let dir: string;
let certPath: string;
let keyPath: string;
let encryptedKeyPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitmind-config-'));
  certPath = join(dir, 'client.crt');
  keyPath = join(dir, 'client.key');
  encryptedKeyPath = join(dir, 'encrypted.key');
  // A real certificate and its key, as an operator would make them.
  execFileSync('/usr/bin/openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1',
    '-subj', '/CN=bitmind-bot config test', '-keyout', keyPath, '-out', certPath,
  ], { stdio: 'pipe' }); // prettier-ignore
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  writeFileSync(
    encryptedKeyPath,
    privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The problems a configuration is refused for; fails the test if it is accepted. */
function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error(`configuration was accepted: ${JSON.stringify(env)}`);
}

describe('configuration errors name the variable and the fix', () => {
  const cases: [string, () => Record<string, string>, RegExp][] = [
    ['PORT=abc', () => ({ PORT: 'abc' }), /^PORT must be a whole number \(got "abc"\)/],
    ['PORT out of range', () => ({ PORT: '70000' }), /^PORT must be at most 65535/],
    ['PORT negative', () => ({ PORT: '-1' }), /^PORT must be 0 or more/],
    ['LOG_LEVEL=verbose', () => ({ LOG_LEVEL: 'verbose' }), /^LOG_LEVEL must be one of trace, debug, info/],
    ['a negative count', () => ({ BITMIND_CONCURRENCY: '-2' }), /^BITMIND_CONCURRENCY must be 1 or more/],
    ['a zero rate', () => ({ BITMIND_RATE_LIMIT: '0' }), /^BITMIND_RATE_LIMIT must be 1 or more/],
    ['a fraction', () => ({ CACHE_TTL_SECONDS: '1.5' }), /^CACHE_TTL_SECONDS must be a whole number/],
    ['hex is not decimal', () => ({ CHECK_MAX_MEDIA: '0x10' }), /^CHECK_MAX_MEDIA must be a whole number/],
    ['a negative budget', () => ({ USER_CHECKS_PER_HOUR: '-1' }), /^USER_CHECKS_PER_HOUR must be 0 or more/],
    ['an ftp URL', () => ({ BITMIND_BASE_URL: 'ftp://x' }), /^BITMIND_BASE_URL must be an http or https URL/],
    ['not a URL', () => ({ SLACK_API_URL: 'slack.com/api' }), /^SLACK_API_URL must be an http or https URL/],
    [
      'a yes/no typo',
      () => ({ ALLOW_PRIVATE_URLS: 'maybe' }),
      /^ALLOW_PRIVATE_URLS must be one of true, false/,
    ],
    [
      'a client id alone',
      () => ({ BITMIND_CLIENT_ID: 'id' }),
      /^BITMIND_CLIENT_ID is set without BITMIND_CLIENT_SECRET .* or BITMIND_CLIENT_CERT and BITMIND_CLIENT_KEY/,
    ],
    [
      'a secret without its id',
      () => ({ BITMIND_CLIENT_SECRET: 's' }),
      /^BITMIND_CLIENT_ID is missing: OAuth needs the client id/,
    ],
    [
      'a certificate without its key',
      () => ({ BITMIND_CLIENT_ID: 'id', BITMIND_CLIENT_CERT: certPath }),
      /^BITMIND_CLIENT_KEY is missing/,
    ],
    [
      'a key without its certificate',
      () => ({ BITMIND_CLIENT_ID: 'id', BITMIND_CLIENT_KEY: keyPath }),
      /^BITMIND_CLIENT_CERT is missing/,
    ],
    [
      'a secret and a certificate both',
      () => ({
        BITMIND_CLIENT_ID: 'id',
        BITMIND_CLIENT_SECRET: 's',
        BITMIND_CLIENT_CERT: certPath,
        BITMIND_CLIENT_KEY: keyPath,
      }),
      /^BITMIND_CLIENT_SECRET and BITMIND_CLIENT_CERT\/BITMIND_CLIENT_KEY are both set: .*not both/,
    ],
    [
      'an API key beside OAuth',
      () => ({ BITMIND_API_KEY: 'enterprise-k', BITMIND_CLIENT_ID: 'id', BITMIND_CLIENT_SECRET: 's' }),
      /^BITMIND_API_KEY is set together with OAuth settings .*choose one method/,
    ],
    [
      'an unreadable certificate path',
      () => ({
        BITMIND_CLIENT_ID: 'id',
        BITMIND_CLIENT_CERT: join(dir, 'nope.crt'),
        BITMIND_CLIENT_KEY: keyPath,
      }),
      /^BITMIND_CLIENT_CERT points at .*nope\.crt, which cannot be read \(ENOENT\): check the path/,
    ],
    [
      'a key where the certificate belongs',
      () => ({ BITMIND_CLIENT_ID: 'id', BITMIND_CLIENT_CERT: keyPath, BITMIND_CLIENT_KEY: keyPath }),
      /^BITMIND_CLIENT_CERT points at .*, which holds no PEM certificate/,
    ],
    [
      'an encrypted key',
      () => ({
        BITMIND_CLIENT_ID: 'id',
        BITMIND_CLIENT_CERT: certPath,
        BITMIND_CLIENT_KEY: encryptedKeyPath,
      }),
      /^BITMIND_CLIENT_KEY points at .*, which is encrypted: give an unencrypted key/,
    ],
    [
      'an unreadable CA bundle',
      () => ({ BITMIND_CA_CERT: dir }),
      /^BITMIND_CA_CERT points at .*, which cannot be read \(EISDIR\)/,
    ],
    [
      'a Slack user token as the bot token',
      () => ({ SLACK_BOT_TOKEN: 'xoxp-1', SLACK_APP_TOKEN: 'xapp-1' }),
      /^SLACK_BOT_TOKEN must be a bot token starting with xoxb-/,
    ],
    [
      'a bot token as the app token',
      () => ({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }),
      /^SLACK_APP_TOKEN must be an app-level token starting with xapp-/,
    ],
    [
      'a Slack bot token with no way to receive events',
      () => ({ SLACK_BOT_TOKEN: 'xoxb-1' }),
      /^SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing: set the app token for Socket Mode, or the signing secret/,
    ],
    [
      'a signing secret without a bot token',
      () => ({ SLACK_SIGNING_SECRET: 'sig' }),
      /^SLACK_BOT_TOKEN is missing/,
    ],
    [
      'an unknown reply mode',
      () => ({ AUTOSCAN_CHANNELS: 'slack:C1=loud' }),
      /^AUTOSCAN_CHANNELS has "slack:C1=loud": write slack:C0123, slack:T0123\/C0123 or discord:1234567890/,
    ],
    [
      'a Slack id marked as Discord',
      () => ({ AUTOSCAN_CHANNELS: 'slack:C1, discord:C2' }),
      /^AUTOSCAN_CHANNELS has "discord:C2"/,
    ],
  ];

  it.each(cases)('%s', (_what, env, expected) => {
    const problems = problemsOf(env());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('reports every problem at once, each on its own line of the message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'verbose', BITMIND_CLIENT_ID: 'id', SLACK_SIGNING_SECRET: 'sig' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { message, problems } = error as ConfigError;
    expect(problems).toHaveLength(4);
    for (const name of ['PORT', 'LOG_LEVEL', 'BITMIND_CLIENT_ID', 'SLACK_BOT_TOKEN']) {
      expect(message).toMatch(new RegExp(`^  - ${name} `, 'm'));
    }
  });

  it('never echoes the value of a secret variable, while it does echo other values', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'SENTINEL-bot',
      SLACK_APP_TOKEN: 'SENTINEL-app',
      BITMIND_API_KEY: 'SENTINEL-key',
      BITMIND_CLIENT_SECRET: 'SENTINEL-secret',
      PORT: 'eighty',
    });
    expect(problems.length).toBeGreaterThanOrEqual(4);
    expect(problems.join('\n')).not.toContain('SENTINEL');
    expect(problems.join('\n')).toContain('(got "eighty")');
  });
});

describe('BitMind auth method follows from what is set', () => {
  it('uses the embedded simulator when nothing is set', () => {
    expect(loadConfig({}).bitmind.auth).toEqual({ method: 'simulator' });
  });

  it('uses OAuth for a client id and secret', () => {
    const auth = loadConfig({ BITMIND_CLIENT_ID: 'client-1', BITMIND_CLIENT_SECRET: ' s3cret ' }).bitmind
      .auth;
    expect(auth.method).toBe('oauth');
    if (auth.method !== 'oauth') return;
    expect(auth.clientId).toBe('client-1');
    expect(auth.clientSecret.reveal()).toBe('s3cret');
  });

  it('uses OAuth with mTLS for a client id, certificate and key, holding the PEM text', () => {
    const auth = loadConfig({
      BITMIND_CLIENT_ID: 'client-1',
      BITMIND_CLIENT_CERT: certPath,
      BITMIND_CLIENT_KEY: keyPath,
    }).bitmind.auth;
    expect(auth.method).toBe('mtls');
    if (auth.method !== 'mtls') return;
    expect(auth.clientId).toBe('client-1');
    expect(auth.certPem.reveal()).toBe(readFileSync(certPath, 'utf8'));
    expect(auth.keyPem.reveal()).toBe(readFileSync(keyPath, 'utf8'));
  });

  it('uses the legacy API key alone', () => {
    const auth = loadConfig({ BITMIND_API_KEY: 'enterprise-abc' }).bitmind.auth;
    expect(auth.method).toBe('apikey');
    if (auth.method !== 'apikey') return;
    expect(auth.apiKey.reveal()).toBe('enterprise-abc');
  });

  it('reads an extra CA bundle when given one', () => {
    expect(loadConfig({ BITMIND_CA_CERT: certPath }).bitmind.caPem).toBe(readFileSync(certPath, 'utf8'));
  });
});

describe('Slack and Discord', () => {
  it('chooses Socket Mode when there is an app token, even beside a signing secret', () => {
    for (const extra of [{}, { SLACK_SIGNING_SECRET: 'sig' }]) {
      const slack = slackConfigOf(
        loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', ...extra }),
      );
      expect(slack?.mode).toBe('socket');
      expect(slack?.appToken?.reveal()).toBe('xapp-1');
    }
  });

  it('chooses HTTP mode with only a signing secret', () => {
    const slack = slackConfigOf(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'sig' }));
    expect(slack?.mode).toBe('http');
    expect(slack?.signingSecret?.reveal()).toBe('sig');
    expect(slack?.appToken).toBeUndefined();
  });

  it('reads the reaction without colons, the admin list, and an API URL with its trailing slash', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_TRIGGER_REACTION: ':eyes:',
      SLACK_ADMIN_USERS: 'U1, U2,,',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(slackConfigOf(config)?.triggerReaction).toBe('eyes');
    expect(slackConfigOf(config)?.adminUsers).toEqual(['U1', 'U2']);
    expect(slackConfigOf(config)?.apiUrl).toBe('http://127.0.0.1:9/api/');
  });

  it('turns Discord on with a token, and drops the trailing slash of its API URL', () => {
    const config = loadConfig({ DISCORD_TOKEN: 'd', DISCORD_API_URL: 'http://127.0.0.1:9/api/' });
    expect(discordConfigOf(config)?.token.reveal()).toBe('d');
    expect(discordConfigOf(config)?.apiUrl).toBe('http://127.0.0.1:9/api');
    expect(discordConfigOf(config)?.triggerReaction).toBe('🔍');
  });
});

it('parses AUTOSCAN_CHANNELS, telling the platform from the id when it is not written', () => {
  expect(loadConfig({ AUTOSCAN_CHANNELS: 'slack:C0123, slack:T0123/C0456, discord:1234567890=all, C999=silent, 42' }).autoscanChannels)
    .toEqual([
      { platform: 'slack', channelId: 'C0123', replyMode: 'flagged' },
      { platform: 'slack', workspace: 'T0123', channelId: 'C0456', replyMode: 'flagged' },
      { platform: 'discord', channelId: '1234567890', replyMode: 'all' },
      { platform: 'slack', channelId: 'C999', replyMode: 'silent' },
      { platform: 'discord', channelId: '42', replyMode: 'flagged' },
    ]); // prettier-ignore
});

it('gives every default when nothing is set, and treats an empty value as unset', () => {
  const config = loadConfig({ PORT: '', LOG_LEVEL: '  ' });
  expect(config).toMatchObject({
    bitmind: {
      baseUrl: 'https://enterprise.bitmind.ai',
      concurrency: 4,
      ratePerMinute: 60,
      retry: { attempts: 4, maxElapsedMs: 120_000, retryAfterDefaultMs: 60_000, retryAfterMaxMs: 300_000 },
      requestTimeoutMs: 300_000,
      maxRequestBytes: 100 * 1024 * 1024,
      caPem: undefined,
    },
    check: {
      maxMedia: 20,
      maxRequestBytes: 1000 * 1024 * 1024,
      cacheTtlMs: 86_400_000,
      cacheMaxEntries: 10_000,
      userChecksPerHour: 0,
    },
    media: {
      allowPrivateUrls: false,
      connectTimeoutMs: 10_000,
      idleTimeoutMs: 30_000,
      downloadConcurrency: 8,
      spoolMaxBytes: 2048 * 1024 * 1024,
    },
    platforms: {},
    autoscanChannels: [],
    port: 3000,
    dataDir: './data',
    logLevel: 'info',
    shutdownGraceMs: 20_000,
  });
});

it('reads yes/no words in any case', () => {
  expect(loadConfig({ ALLOW_PRIVATE_URLS: 'TRUE' }).media.allowPrivateUrls).toBe(true);
  expect(loadConfig({ ALLOW_PRIVATE_URLS: 'No' }).media.allowPrivateUrls).toBe(false);
});

describe('.env', () => {
  it('fills in what the real environment leaves unset, and the real environment wins', () => {
    const path = join(dir, 'wins.env');
    writeFileSync(path, 'PORT=4000\nLOG_LEVEL=debug\n# a comment\nDISCORD_TOKEN="from file"\n');
    const config = loadConfig(environmentWithDotEnv({ PORT: '5000' }, path));
    expect(config.port).toBe(5000);
    expect(config.logLevel).toBe('debug');
    expect(discordConfigOf(config)?.token.reveal()).toBe('from file');
  });

  it('is optional', () => {
    expect(environmentWithDotEnv({ PORT: '1' }, join(dir, 'absent.env'))).toEqual({ PORT: '1' });
  });

  it('is reported, not thrown raw, when it exists but cannot be read', () => {
    const path = join(dir, 'dir.env');
    mkdirSync(path);
    expect(() => environmentWithDotEnv({}, path)).toThrow(ConfigError);
    expect(() => environmentWithDotEnv({}, path)).toThrow(/dir\.env cannot be read \(EISDIR\)/);
  });
});

it('is frozen all the way down', () => {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-1',
    SLACK_APP_TOKEN: 'xapp-1',
    AUTOSCAN_CHANNELS: 'C1',
  });
  expect(Object.isFrozen(config)).toBe(true);
  expect(() => {
    (config as { port: number }).port = 1;
  }).toThrow(TypeError);
  expect(() => {
    (config.bitmind.retry as { attempts: number }).attempts = 1;
  }).toThrow(TypeError);
  expect(() => {
    (config.autoscanChannels as unknown[]).push({});
  }).toThrow(TypeError);
  expect(() => {
    (slackConfigOf(config)?.adminUsers as string[]).push('U9');
  }).toThrow(TypeError);
});

describe('secrets in the configuration', () => {
  const SECRETS = {
    BITMIND_CLIENT_SECRET: 'SENTINEL-client-secret',
    SLACK_BOT_TOKEN: 'xoxb-SENTINEL-bot',
    SLACK_APP_TOKEN: 'xapp-SENTINEL-app',
    SLACK_SIGNING_SECRET: 'SENTINEL-signing',
    DISCORD_TOKEN: 'SENTINEL-discord',
  };
  let oauth: Config;
  let mtls: Config;
  let apikey: Config;
  beforeAll(() => {
    oauth = loadConfig({ BITMIND_CLIENT_ID: 'id', ...SECRETS });
    mtls = loadConfig({
      BITMIND_CLIENT_ID: 'id',
      BITMIND_CLIENT_CERT: certPath,
      BITMIND_CLIENT_KEY: keyPath,
    });
    apikey = loadConfig({ BITMIND_API_KEY: 'enterprise-SENTINEL-key' });
  });
  const privateKeyLine = () => readFileSync(keyPath, 'utf8').split('\n')[1] ?? 'missing';

  function renderings(config: Config): string[] {
    const { log, lines } = captureLogger();
    log.info({ config }, 'loaded');
    const auth = config.bitmind.auth;
    const one =
      auth.method === 'oauth' ? auth.clientSecret : auth.method === 'mtls' ? auth.keyPem : undefined;
    return [
      String(one),
      `${String(slackConfigOf(config)?.botToken)}`,
      JSON.stringify(config),
      inspect(config, { depth: null }),
      ...lines,
    ];
  }

  it('hides them from String(), JSON.stringify, util.inspect and a log line', () => {
    for (const config of [oauth, mtls, apikey]) {
      for (const text of renderings(config)) {
        expect(text).not.toContain('SENTINEL');
        expect(text).not.toContain(privateKeyLine());
      }
    }
    expect(JSON.stringify(oauth)).toContain('"clientSecret":"[redacted]"');
    expect(inspect(oauth, { depth: null })).toContain("clientId: 'id'");
  });

  it('still gives them up through reveal()', () => {
    expect(slackConfigOf(oauth)?.botToken?.reveal()).toBe(SECRETS.SLACK_BOT_TOKEN);
    expect(discordConfigOf(oauth)?.token.reveal()).toBe(SECRETS.DISCORD_TOKEN);
  });
});

describe('Discord shards', () => {
  const shardsOf = (env: Record<string, string>) =>
    discordConfigOf(loadConfig({ DISCORD_TOKEN: 'd', ...env }))?.shards;
  const problemOf = (env: Record<string, string>) => {
    try {
      loadConfig({ DISCORD_TOKEN: 'd', ...env });
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('the configuration was accepted');
  };

  it('runs as many shards as Discord recommends unless told, and all of a fixed count by default', () => {
    expect(shardsOf({})).toEqual({ count: 'auto' });
    expect(shardsOf({ DISCORD_SHARD_COUNT: '4' })).toEqual({ count: 4, ids: [0, 1, 2, 3] });
    expect(shardsOf({ DISCORD_SHARD_COUNT: '8', DISCORD_SHARD_IDS: '4,6-7, 5' })).toEqual({
      count: 8,
      ids: [4, 5, 6, 7],
    });
  });

  it('says what is wrong with a shard count or list, naming the variable', () => {
    expect(problemOf({ DISCORD_SHARD_COUNT: 'many' })).toMatch(
      /DISCORD_SHARD_COUNT must be auto or a number/,
    );
    expect(problemOf({ DISCORD_SHARD_COUNT: '0' })).toMatch(/DISCORD_SHARD_COUNT must be 1 or more/);
    expect(problemOf({ DISCORD_SHARD_IDS: '0-1' })).toMatch(/DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT/);
    expect(problemOf({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '2-4' })).toMatch(
      /names shard 4, but DISCORD_SHARD_COUNT=4 makes shards 0 to 3/,
    );
    expect(problemOf({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: 'a' })).toMatch(/ids and ranges/);
    expect(problemOf({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '3-1' })).toMatch(/runs backwards/);
  });
});
