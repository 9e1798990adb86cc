import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config.js';
import { buildCore, type Core, type CoreOptions } from '../../src/core.js';
import { loadBotConfig } from '../../src/platforms.js';
import type { Simulator } from '../../src/simulator/index.js';
import { captureLogger } from '../log/capture.js';

export interface TestCore extends Core {
  /** The embedded BitMind simulator the core talks to, on loopback. */
  readonly sim: Simulator;
  readonly dataDir: string;
  /** Every log line written, raw, for assertions (and for secret-leak checks). */
  readonly logLines: string[];
}

/**
 * The real core (client, fetcher, Checker, settings) built by the real composition root against the
 * embedded simulator, with a private DATA_DIR. `env` adds or overrides settings; retries are quick
 * by default so failure tests take milliseconds, not the production backoff.
 */
export async function startCore(
  options: { env?: Record<string, string>; dataDir?: string } & CoreOptions = {},
): Promise<TestCore> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'bitmind-core-')));
  const config: Config = loadBotConfig({
    DATA_DIR: dataDir,
    BITMIND_RETRY_ATTEMPTS: '2',
    BITMIND_RETRY_MAX_SECONDS: '5',
    BITMIND_RETRY_AFTER_DEFAULT_SECONDS: '1',
    BITMIND_RATE_LIMIT: '6000',
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const { log, lines } = captureLogger(config.logLevel);
  const core = await buildCore(config, log, options);
  if (!core.simulator)
    throw new Error('startCore expects no BitMind credentials, so the core runs on the simulator');
  const sim = core.simulator;
  return {
    ...core,
    sim,
    dataDir,
    logLines: lines,
    async close() {
      await core.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
