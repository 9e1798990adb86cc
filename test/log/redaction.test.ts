import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { Agent, interceptors, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/log.js';
import { Secret } from '../../src/secret.js';
import { captureLogger } from './capture.js';

// Every secret below contains SENTINEL; no line may. Each case also names what must survive.
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJTRU5USU5FTCJ9.SENTINEL-signature';
const PEM =
  '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGSENTINELByqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n';
const CDN_URL = 'https://cdn.discordapp.com/attachments/111/222/cat.png?ex=6788&is=6787&hm=SENTINEL0123abcd&';
const FORM = 'grant_type=client_credentials&client_id=client-1&client_secret=SENTINEL-form';

function linesOf(write: (log: Logger) => void): string[] {
  const { log, lines } = captureLogger();
  write(log);
  expect(lines.length).toBeGreaterThan(0);
  return lines;
}

function expectScrubbed(lines: readonly string[], keep: readonly string[]): void {
  for (const line of lines) expect(line).not.toMatch(/SENTINEL/i);
  const all = lines.join('\n');
  for (const text of keep) expect(all).toContain(text);
}

describe('shapes built in the code', () => {
  const cases: [string, (log: Logger) => void, string[]][] = [
    [
      'headers in lower case and capitalised',
      (log) => {
        log.info({ headers: { authorization: `Bearer ${JWT}`, 'content-type': 'image/png' } }, 'sending');
        log.info({ headers: { Authorization: 'Bearer SENTINEL-cap', 'X-Client-Cert': 'SENTINEL-cert' } });
        log.info({ headers: { cookie: 'a=SENTINEL', 'Set-Cookie': ['b=SENTINEL'] } }, 'cookies');
      },
      ['image/png', 'sending', 'cookies'],
    ],
    [
      'headers nested one to three levels and deeper',
      (log) => {
        log.info({ req: { headers: { Authorization: 'SENTINEL-1' } } }, 'one');
        log.info({ a: { opts: { headers: { authorization: 'SENTINEL-2' } } } }, 'two');
        log.info(
          { a: { b: { opts: { headers: { 'x-client-cert': 'SENTINEL-3', accept: 'json' } } } } },
          'three',
        );
        log.info({ a: { b: { c: { d: { e: { authorization: 'SENTINEL-5' } } } } } }, 'five');
      },
      ['one', 'two', 'three', 'five', '"accept":"json"'],
    ],
    [
      'undici dispatch options with a flat header list and a form body',
      (log) =>
        log.debug({
          origin: 'https://enterprise.bitmind.ai',
          path: '/v1/oauth/token',
          method: 'POST',
          headers: ['authorization', `Bearer ${JWT}`, 'content-type', 'application/x-www-form-urlencoded'],
          body: FORM,
        }),
      [
        '/v1/oauth/token',
        'application/x-www-form-urlencoded',
        'grant_type=client_credentials',
        'client_id=client-1',
      ],
    ],
    [
      'header pairs',
      (log) =>
        log.info(
          {
            headers: [
              ['Authorization', 'SENTINEL-pair'],
              ['accept', '*/*'],
            ],
          },
          'pairs',
        ),
      ['pairs', '*/*'],
    ],
    [
      'a token response body',
      (log) => log.debug({ body: { access_token: JWT, token_type: 'Bearer', expires_in: 3600 } }, 'token'),
      ['"token_type":"Bearer"', '"expires_in":3600'],
    ],
    [
      'a form body in the message and in interpolation',
      (log) => {
        log.debug(`token request: ${FORM}`);
        log.debug('token request: %s', FORM);
      },
      ['token request: grant_type=client_credentials&client_id=client-1&client_secret=[redacted]'],
    ],
    [
      'objects interpolated with %j and %o',
      (log) => {
        log.info('options %j', { headers: { authorization: 'SENTINEL-j' }, path: '/image' });
        log.info('options %o', { token: 'SENTINEL-o', channel: 'C1' });
      },
      ['/image', 'C1'],
    ],
    [
      'config objects holding Secret values',
      (log) => {
        const auth = { method: 'oauth', clientId: 'client-1', clientSecret: new Secret('SENTINEL-secret') };
        log.info({ auth, slack: { botToken: new Secret('xoxb-SENTINEL'), mode: 'socket' } }, 'config');
        log.info({ auth: { method: 'mtls', certPem: new Secret(PEM), keyPem: new Secret(PEM) } }, 'mtls');
      },
      ['client-1', '"mode":"socket"', 'mtls'],
    ],
    [
      'an Error whose message holds a bearer token and a Slack token',
      (log) => {
        const err = new Error(`upstream refused Bearer ${JWT} and xoxb-1234-5678-SENTINEL`);
        log.error(err);
        log.error({ err }, 'call failed');
        log.error(new Error('outer', { cause: err }), 'with a cause');
      },
      ['upstream refused', 'call failed', 'with a cause'],
    ],
    [
      'a signed Discord CDN URL in a field and in an error message',
      (log) => {
        log.info({ url: CDN_URL }, 'downloading');
        log.warn({ err: new Error(`GET ${CDN_URL} answered 403`) }, 'download failed');
        log.warn({ url: new URL(CDN_URL) }, 'a URL object');
      },
      ['https://cdn.discordapp.com/attachments/111/222/cat.png', 'answered 403', 'download failed'],
    ],
    [
      'a PEM block, whole or cut short',
      (log) => {
        log.info({ loaded: PEM }, 'loaded key');
        log.error(new Error(`bad key: ${PEM.slice(0, 60)}`));
      },
      ['loaded key', 'bad key'],
    ],
    [
      'a JSON body quoted in an error message',
      (log) =>
        log.warn(new Error('BitMind answered 400: {"detail":"bad grant","client_secret": "SENTINEL x"}')),
      ['BitMind answered 400', 'bad grant'],
    ],
    [
      'credentials by their shape alone: API key, app token, Discord token',
      (log) =>
        log.info(
          'tried enterprise-SENTINEL42, xapp-1-A1-SENTINEL and MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.SENTINELxxxxxxxxxxxxxxxxxxxxxxxxx',
        ),
      ['tried'],
    ],
    [
      'URLs whose path is the credential: Discord interactions and webhooks, Slack response_url',
      (log) => {
        log.warn(
          { url: 'https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb246SENTINEL/callback' },
          'Unknown interaction',
        );
        log.warn('PATCH https://discord.com/api/v10/webhooks/456/SENTINEL-token/messages/@original failed');
        log.info({ responseUrl: 'https://hooks.slack.com/commands/T1/2/SENTINEL' }, 'replying');
      },
      [
        '/api/v10/interactions/123/[redacted]/callback',
        '/webhooks/456/[redacted]/messages/@original',
        'replying',
      ],
    ],
    [
      'Redis URLs with credentials, parseable or not',
      (log) => {
        log.info({ url: 'redis://bot:SENTINEL-pw@cache.internal:6379/0' }, 'connecting');
        log.warn('rediss://:SENTINEL%40pw@cache.internal:6380 refused; redis://u:SENTINEL@ cut short');
      },
      ['redis://cache.internal:6379/0', 'rediss://cache.internal:6380', 'refused', 'connecting'],
    ],
    [
      'words that only look like credentials stay',
      (log) =>
        log.info(
          { service: 'enterprise-inference-worker', note: 'Basic Information page', cacheKey: 'abc123' },
          'started the Bot successfully',
        ),
      ['enterprise-inference-worker', 'Basic Information page', 'abc123', 'started the Bot successfully'],
    ],
    [
      'child logger bindings',
      (log) => {
        const child = log.child({ headers: { Authorization: 'SENTINEL-child' }, channel: 'C1' });
        child.info('from the child');
        child.child({ token: 'SENTINEL-grandchild' }).info('from the grandchild');
        child.setBindings({ apiKey: 'SENTINEL-set' });
        child.info('after setBindings');
      },
      ['from the child', 'from the grandchild', 'after setBindings', '"channel":"C1"'],
    ],
  ];

  it.each(cases)('%s', (_what, write, keep) => {
    expectScrubbed(linesOf(write), keep);
  });

  it('keeps lines readable: dates, buffers and circular objects', () => {
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    const lines = linesOf((log) => log.info({ at: new Date(0), bytes: Buffer.alloc(3), circular }, 'misc'));
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      at: '1970-01-01T00:00:00.000Z',
      bytes: '[3 bytes]',
      circular: { name: 'loop', self: '[circular]' },
    });
  });
});

describe('errors from the real libraries', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const slack = req.url?.startsWith('/api/');
      res.writeHead(slack ? 200 : 401, {
        'content-type': 'application/json',
        'set-cookie': 'session=SENTINEL-cookie',
      });
      res.end(
        JSON.stringify(
          slack
            ? {
                ok: false,
                error: 'missing_scope',
                needed: 'files:read',
                response_metadata: { scopes: ['chat:write'] },
              }
            : { detail: 'token expired', access_token: 'SENTINEL-body' },
        ),
      );
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  it('an undici ResponseError for a signed URL sent with credentials', async () => {
    const dispatcher = new Agent().compose(interceptors.responseError());
    const url = `${base}/image?sig=SENTINEL-query`;
    const headers = { Authorization: `Bearer ${JWT}`, 'X-Client-Cert': 'SENTINEL-cert' };
    const err = await request(url, { method: 'POST', headers, body: 'x', dispatcher }).then(
      () => undefined,
      (e: unknown) => e,
    );
    await dispatcher.close();
    expect(err).toBeInstanceOf(Error);
    const lines = linesOf((log) => log.warn({ err, url, headers }, `POST ${url} failed`));
    expectScrubbed(lines, [
      `${base}/image?[redacted]`,
      'UND_ERR_RESPONSE',
      '"statusCode":401',
      'token expired',
    ]);
  });

  it('a Slack WebClient platform error, with its response_metadata', async () => {
    const client = new webApi.WebClient('xoxb-111-222-SENTINEL', {
      slackApiUrl: `${base}/api/`,
      retryConfig: { retries: 0 },
      logLevel: webApi.LogLevel.ERROR,
    });
    const err = await client.files.info({ file: 'F1' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'slack_webapi_platform_error' });
    expectScrubbed(
      linesOf((log) => log.warn({ err }, 'Slack refused')),
      ['missing_scope', 'files:read', 'chat:write', 'Slack refused'],
    );
  });

  it('a Slack WebClient HTTP error, which carries the response headers and body', async () => {
    const client = new webApi.WebClient('xoxb-111-222-SENTINEL', {
      slackApiUrl: `${base}/elsewhere/`,
      retryConfig: { retries: 0 },
      logLevel: webApi.LogLevel.ERROR,
    });
    const err = await client.chat.postMessage({ channel: 'C1', text: 'hi' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'slack_webapi_http_error', statusCode: 401 });
    expectScrubbed(
      linesOf((log) => log.error({ err }, 'Slack unreachable')),
      ['slack_webapi_http_error', 'token expired', 'application/json', 'Slack unreachable'],
    );
  });
});
