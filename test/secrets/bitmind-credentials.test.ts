import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, MediaRef } from '../../src/domain/types.js';
import { loadConfig } from '../../src/config.js';
import { buildCore, type Core } from '../../src/core.js';
import { urlMediaRef } from '../../src/media/refs.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { captureLogger } from '../log/capture.js';
import { startLoopback, type Loopback } from '../media/loopback.js';
import { installTripwire, type Tripwire } from '../media/tripwire.js';
import { plainText, png } from '../helpers/media-samples.js';
import { testTls, type TestTls } from '../helpers/tls.js';
import { expectNoSecret, SENTINEL } from './sentinels.js';

/**
 * The real core with real BitMind credentials (sentinels) against a simulator that knows them, once
 * per credential method. Each run goes through faults (5xx, 429, a revoked token, a reset, 403) and
 * hostile input (links with passwords and signed query strings, unsupported files); then every log
 * line and every message a person would see is searched for the secrets.
 */
let web: Loopback;
let tls: TestTls;
let tripwire: Tripwire;

beforeAll(async () => {
  // ALLOW_PRIVATE_URLS is on below; the tripwire keeps every connection on loopback regardless.
  tripwire = installTripwire();
  web = await startLoopback((req, res) => {
    if (req.url?.startsWith('/notes')) res.end(plainText());
    else if (req.url?.startsWith('/denied')) res.writeHead(403).end();
    else
      res
        .writeHead(200, { 'content-type': 'image/png' })
        .end(Buffer.concat([png(), Buffer.from(req.url ?? '')]));
  });
  tls = await testTls();
});
afterAll(async () => {
  tripwire?.restore();
  await web?.close();
});

interface Method {
  readonly name: string;
  sim(): SimulatorOptions;
  env(sim: Simulator): Record<string, string>;
  secrets(sim: Simulator): string[];
  /** Makes the next API call's credentials fail once, as an expired token or a revoked key would. */
  expire(sim: Simulator): void;
}

const METHODS: readonly Method[] = [
  {
    name: 'OAuth client credentials',
    sim: () => ({ clients: [{ id: 'sentinel-client', auth: 'oauth', secret: SENTINEL.clientSecret }] }),
    env: () => ({ BITMIND_CLIENT_ID: 'sentinel-client', BITMIND_CLIENT_SECRET: SENTINEL.clientSecret }),
    secrets: () => [SENTINEL.clientSecret],
    expire: (sim) => sim.revokeTokens(),
  },
  {
    name: 'organization API key',
    sim: () => ({ clients: [{ id: 'sentinel-key', auth: 'apikey', apiKey: SENTINEL.apiKey }] }),
    env: () => ({ BITMIND_API_KEY: SENTINEL.apiKey }),
    secrets: () => [SENTINEL.apiKey],
    expire: (sim) => sim.next({ kind: 'status', status: 401 }),
  },
  {
    name: 'OAuth with mTLS',
    sim: () => ({ tls: { key: tls.server.key, cert: tls.server.cert, ca: tls.ca.cert } }),
    env: (sim) => ({
      BITMIND_CLIENT_ID: sim.credentials.mtlsClientId,
      BITMIND_CLIENT_CERT: tls.client.certPath,
      BITMIND_CLIENT_KEY: tls.client.keyPath,
      BITMIND_CA_CERT: tls.ca.certPath,
    }),
    // The key, the certificate, and the certificate as it travels in X-Client-Cert.
    secrets: () => [
      tls.client.key,
      tls.client.cert,
      Buffer.from(tls.client.cert).toString('base64').slice(0, 64),
    ],
    expire: (sim) => sim.revokeTokens(),
  },
];

describe.each(METHODS)('BitMind credentials ($name) stay out of logs and replies', (method) => {
  let sim: Simulator;
  let core: Core;
  let dataDir: string;
  const logged = captureLogger('trace');

  beforeAll(async () => {
    sim = await startSimulator({ ...method.sim(), logger: logged.log.child({ component: 'simulator' }) });
    dataDir = await mkdtemp(join(tmpdir(), 'bitmind-secrets-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      BITMIND_BASE_URL: sim.url,
      ALLOW_PRIVATE_URLS: 'true',
      LOG_LEVEL: 'trace',
      BITMIND_RETRY_ATTEMPTS: '2',
      BITMIND_RETRY_MAX_SECONDS: '5',
      BITMIND_RETRY_AFTER_DEFAULT_SECONDS: '1',
      BITMIND_RATE_LIMIT: '6000',
      ...method.env(sim),
    });
    core = await buildCore(config, logged.log);
  });
  afterAll(async () => {
    await core?.close();
    await sim?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const link = (path: string) => urlMediaRef(`${web.origin}${path}`, core.fetcher);
  const check = (media: MediaRef[]): Promise<CheckReport> =>
    core.checker.check({
      id: randomUUID(),
      trigger: 'command',
      requester: { platform: 'secrets', userId: 'U1', channelId: 'C1' },
      media,
    });

  it('through good checks, faults and hostile links', async () => {
    const reports: CheckReport[] = [];
    reports.push(await check([link(`/sentinel-probe.png?X-Amz-Signature=${SENTINEL.urlSignature}`)]));
    sim.next({ kind: 'status', status: 500 });
    reports.push(await check([link('/after-a-500.png')]));
    sim.next({ kind: 'status', status: 429, retryAfter: 1 });
    reports.push(await check([link('/after-a-429.png')]));
    method.expire(sim);
    reports.push(await check([link('/after-expiry.png')]));
    sim.next({ kind: 'reset' }, { kind: 'reset' });
    reports.push(await check([link('/after-two-resets.png')]));
    sim.next({ kind: 'status', status: 403, detail: 'Permission denied' });
    reports.push(await check([link('/forbidden.png')]));
    reports.push(
      await check([
        link('/notes.jpg'),
        urlMediaRef(`http://alice:${SENTINEL.urlPassword}@127.0.0.1:${web.port}/a.png`, core.fetcher),
        link(`/denied.png?sig=${SENTINEL.urlSignature}`),
        link(`/two.png?token=${SENTINEL.urlSignature}`),
      ]),
    );

    const shown = reports.flatMap((r) =>
      r.items.map((i) => `${i.ref.name} ${'error' in i ? `${i.error.code} ${i.error.message}` : 'verdict'}`),
    );
    const secrets = [...method.secrets(sim), SENTINEL.urlPassword, SENTINEL.urlSignature];
    expectNoSecret(logged.lines, secrets, 'a log line');
    expectNoSecret(shown, secrets, 'a result shown to a person');

    // The run did what it claims, and the logs and results still say what they should.
    expect(shown[0]).toBe(`${web.origin}/sentinel-probe.png verdict`);
    expect(shown.some((s) => s.includes('after-two-resets.png'))).toBe(true);
    expect(shown.some((s) => /denied\.png download_failed .* answered 403/.test(s))).toBe(true);
    expect(shown.find((s) => s.includes('forbidden.png'))).toMatch(/ forbidden /);
    expect(shown.some((s) => s.includes('unsupported_type'))).toBe(true);
    expect(shown.some((s) => s.includes('blocked_url'))).toBe(true);
    const log = logged.lines.join('');
    expect(log).toContain('"path":"/image"');
    expect(log).toMatch(/"status":(500|429|401)/);
    expect(log).toContain('refused a link');
  });
});
