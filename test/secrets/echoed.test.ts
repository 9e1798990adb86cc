import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { buildCore, type Core } from '../../src/core.js';
import { startScriptedServer } from '../bitmind/scripted-server.js';
import { png } from '../helpers/media-samples.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { runInProcess } from '../helpers/run-cli.js';
import { captureLogger } from '../log/capture.js';

/**
 * Class 5 of issue 13: BitMind's error body repeats our client secret or API key, in any of the
 * forms a server might (as is, URL-encoded, base64), and nothing of it may reach a log line at trace
 * level, a reply, an error message or a doctor line. The values are shaped like nothing the
 * shape-based redaction knows, so only masking by value can catch them.
 */
failOnStrayErrors();

const CLIENT_SECRET = 'Qx7+vR/2mLk9=Tz4wEcho';
const API_KEY = 'orgKey_8fJ2q9ZxW4t1Vb7Echo';

function formsOf(value: string): string[] {
  return [
    value,
    encodeURIComponent(value),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
  ];
}

function expectMasked(texts: readonly string[], value: string, what: string): void {
  for (const form of formsOf(value)) {
    for (const text of texts) {
      if (text.includes(form)) expect.fail(`${what} holds the secret as "${form}": ${text.slice(0, 300)}`);
    }
  }
}

/** Error bodies echoing `value` in each of its forms, in the shapes BitMind's errors take. */
function echoes(value: string): unknown[] {
  const [plain, encoded, b64, b64url] = formsOf(value);
  return [
    { detail: `invalid credentials ${plain}` },
    { error: 'invalid_client', error_description: `client authentication failed for ${encoded}` },
    `Unauthorized: Basic-like blob ${b64} was not accepted`,
    { detail: [{ msg: `bad field ${b64url}` }] },
  ];
}

let server: Awaited<ReturnType<typeof startScriptedServer>>;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server?.close());

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function coreWith(env: Record<string, string>) {
  const { log, lines } = captureLogger('trace');
  const config = loadConfig({
    BITMIND_BASE_URL: server.url,
    BITMIND_RETRY_ATTEMPTS: '1',
    LOG_LEVEL: 'trace',
    ...env,
  });
  core = await buildCore(config, log);
  return { core, lines };
}

async function checkOne(c: Core): Promise<string> {
  const report = await c.checker.check({
    id: 'echo',
    trigger: 'command',
    requester: { platform: 'test', userId: 'U1', channelId: 'C1' },
    media: [{ name: 'a.png', open: () => Promise.resolve(Readable.from([png(3, 3)])) }],
  });
  const item = report.items[0]!;
  expect(item).toHaveProperty('error');
  return 'error' in item ? item.error.message : '';
}

describe('a secret echoed by BitMind', () => {
  it.each(echoes(CLIENT_SECRET).map((body, i) => [i, body]))(
    'never reaches a reply or a log line: 401 from the token endpoint, body form %i',
    async (_, body) => {
      // Once for /status, once for the upload: each asks for a token.
      for (let i = 0; i < 4; i++) server.answer('/v1/oauth/token', 401, body);
      const { core: c, lines } = await coreWith({
        BITMIND_CLIENT_ID: 'client-echo',
        BITMIND_CLIENT_SECRET: CLIENT_SECRET,
      });
      const reply = await checkOne(c);
      expect(reply).toContain('BitMind did not accept our credentials');
      expectMasked([reply, ...lines], CLIENT_SECRET, 'the reply or a log line');
    },
  );

  it.each([400, 500].flatMap((status) => echoes(API_KEY).map((body, i) => [status, i, body])))(
    'never reaches a reply or a log line: %i on an upload, body form %i',
    async (status, _, body) => {
      server.answer('/image', status as number, body);
      const { core: c, lines } = await coreWith({ BITMIND_API_KEY: API_KEY });
      const reply = await checkOne(c);
      expect(server.seen).toContain('/image');
      expectMasked([reply, ...lines], API_KEY, 'the reply or a log line');
    },
  );

  it('never reaches a doctor line', async () => {
    for (const body of echoes(CLIENT_SECRET)) server.answer('/v1/oauth/token', 401, body);
    const run = await runInProcess(['doctor'], {
      BITMIND_BASE_URL: server.url,
      BITMIND_CLIENT_ID: 'client-echo',
      BITMIND_CLIENT_SECRET: CLIENT_SECRET,
      LOG_LEVEL: 'trace',
    });
    expect(run.stdout).toContain('BitMind');
    expectMasked([run.stdout, run.stderr], CLIENT_SECRET, 'a doctor line');
  });
});

describe('a secret pasted into the wrong variable', () => {
  it.each([
    ['the client secret in BITMIND_RATE_LIMIT', { BITMIND_RATE_LIMIT: CLIENT_SECRET }, CLIENT_SECRET],
    [
      'the Slack signing secret in PORT',
      { PORT: 'aa3f9c0d1e2b4a5968778695a4b3c2d1' },
      'aa3f9c0d1e2b4a5968778695a4b3c2d1',
    ],
    [
      'a random token in BITMIND_BASE_URL',
      { BITMIND_BASE_URL: 'k9Xq2Lw8Zr5Tb1Nv7Mc4' },
      'k9Xq2Lw8Zr5Tb1Nv7Mc4',
    ],
    [
      'an API key in AUTOSCAN_CHANNELS',
      { AUTOSCAN_CHANNELS: 'slack:C1,Zp4_Kd8sW2m9Lq7Rt3Vb' },
      'Zp4_Kd8sW2m9Lq7Rt3Vb',
    ],
  ])('%s: the error gives its length, not its value', (_, env, value) => {
    let error: unknown;
    try {
      loadConfig({ BITMIND_CLIENT_ID: 'client-echo', BITMIND_CLIENT_SECRET: CLIENT_SECRET, ...env });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain(`a value of ${value.length} characters, not shown`);
    expectMasked([message], value, 'the configuration error');
  });

  it('still quotes an ordinary mistake', () => {
    expect(() => loadConfig({ BITMIND_RATE_LIMIT: 'sixty' })).toThrow('(got "sixty")');
  });
});
