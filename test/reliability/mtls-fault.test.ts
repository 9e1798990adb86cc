import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildCore, type Core } from '../../src/core.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { captureLogger } from '../log/capture.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { testTls, type TestKeyPair, type TestTls } from '../helpers/tls.js';
import { checkRequest, isClearError, isTrueVerdict, memoryRef, uniqueScoredPng } from './support.js';

failOnStrayErrors();

let tls: TestTls;
let sim: Simulator;
let dataDir: string;
const cores: Core[] = [];

beforeAll(async () => {
  tls = await testTls();
  // Real TLS: the handshake itself refuses a certificate from a CA the simulator does not trust.
  sim = await startSimulator({ tls: { key: tls.server.key, cert: tls.server.cert, ca: tls.ca.cert } });
  dataDir = await mkdtemp(join(tmpdir(), 'bitmind-mtls-fault-'));
});
afterAll(async () => {
  for (const core of cores) await core.close();
  await sim?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The production composition root, configured for OAuth with mTLS by file paths, as an operator would. */
async function mtlsCore(pair: TestKeyPair): Promise<{ core: Core; lines: string[] }> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    BITMIND_BASE_URL: sim.url,
    BITMIND_CLIENT_ID: sim.credentials.mtlsClientId,
    BITMIND_CLIENT_CERT: pair.certPath,
    BITMIND_CLIENT_KEY: pair.keyPath,
    BITMIND_CA_CERT: tls.ca.certPath,
    BITMIND_RETRY_ATTEMPTS: '2',
    BITMIND_RETRY_MAX_SECONDS: '5',
    LOG_LEVEL: 'debug',
  });
  const { log, lines } = captureLogger(config.logLevel);
  const core = await buildCore(config, log);
  cores.push(core);
  return { core, lines };
}

const checkOne = async (core: Core, score: number) =>
  (await core.checker.check(checkRequest([memoryRef('photo.png', uniqueScoredPng(score))]))).items[0]!;

describe('a wrong client certificate (OAuth with mTLS over real TLS)', () => {
  it('every check gets one clear error naming the setting to fix, never the certificate, and the core keeps answering', async () => {
    const { core, lines } = await mtlsCore(tls.wrongClient);
    for (let round = 0; round < 2; round++) {
      const items = await Promise.all([0.1, 0.5, 0.9].map((score) => checkOne(core, score)));
      for (const item of items) {
        expect(isClearError(item), JSON.stringify(item)).toBe(true);
        expect(item).toMatchObject({ error: { code: 'unauthorized' } });
        expect('error' in item && item.error.message).toContain('BITMIND_CLIENT_CERT');
      }
    }
    // Refused at the handshake: no request ever reached the API.
    expect(sim.requests).toHaveLength(0);
    const log = lines.join('\n');
    expect(log).not.toContain('BEGIN');
    expect(log).not.toContain(tls.wrongClient.key.split('\n')[1]!);
  });

  it('the same simulator answers a core with the registered certificate (the fault was the certificate)', async () => {
    const { core } = await mtlsCore(tls.client);
    expect(isTrueVerdict(await checkOne(core, 0.73), 0.73)).toBe(true);
  });
});
