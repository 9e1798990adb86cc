import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config, ConfigError } from '../config.js';
import { fail, pass, skip, type Finding, type Section } from './checklist.js';
import { messageOf } from './deadline.js';

const AUTH_WORDS = {
  oauth: 'OAuth client credentials',
  mtls: 'OAuth with mTLS',
  apikey: 'organization API key',
  simulator: 'none (embedded simulator)',
} as const;

/** How the bot authenticates to BitMind, in words. */
export function describeAuth(method: Config['bitmind']['auth']['method']): string {
  return AUTH_WORDS[method];
}

/** The first section when the configuration cannot be read: every problem, and nothing else tried. */
export function invalidConfigurationSection(err: ConfigError): Section {
  return {
    name: 'Configuration',
    findings: [
      fail(
        'Configuration is not valid',
        'correct each variable in .env or the environment, then run the doctor again.',
        err.problems.map((p) => `- ${p}`).join('\n'),
      ),
      ...newKeyFindings(err),
      skip('BitMind and the chat platforms not checked: the configuration comes first'),
    ],
  };
}

/**
 * A fresh key when DATA_ENCRYPTION_KEY is missing or wrong, for the operator to copy. Printed by
 * the doctor only, never logged; a key for a store that already holds data must be the old one.
 */
function newKeyFindings(err: ConfigError): Finding[] {
  if (!err.problems.some((p) => p.startsWith('DATA_ENCRYPTION_KEY'))) return [];
  return [
    skip(
      'A new key for DATA_ENCRYPTION_KEY, if you have none yet (32 random bytes, base64)',
      randomBytes(32).toString('base64'),
    ),
  ];
}

/** A platform as the configuration section names it: on (how), or off (what turns it on). */
export interface PlatformSummary {
  readonly name: string;
  /** How it runs ("Slack in Socket Mode"); undefined when it is off. */
  readonly running: string | undefined;
  readonly howToEnable: string;
}

/** The configuration as read: what is on, a chat platform to serve, and a settings directory to write. */
export async function configurationSection(
  config: Config,
  platforms: readonly PlatformSummary[],
): Promise<Section> {
  const on = platforms.flatMap((p) => (p.running ? [p.running] : []));
  const findings: Finding[] = [
    pass(
      'Configuration is valid',
      `BitMind: ${describeAuth(config.bitmind.auth.method)}; platforms: ${on.length > 0 ? on.join(', ') : 'none'}`,
    ),
  ];
  if (on.length === 0) {
    findings.push(
      fail(
        'No chat platform is configured: the bot would have nothing to listen to',
        `${platforms.map((p) => `${p.name}: ${p.howToEnable}`).join('; ')}.`,
      ),
    );
  }
  findings.push(await dataDirFinding(config.dataDir));
  return { name: 'Configuration', findings };
}

/** Per-channel settings are saved under DATA_DIR; a read-only volume would lose them silently. */
async function dataDirFinding(dataDir: string): Promise<Finding> {
  const dir = resolve(dataDir);
  const probe = join(dir, `.doctor-${randomUUID()}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe);
    return pass(`Settings directory is writable (DATA_DIR=${dataDir})`);
  } catch (err) {
    return fail(
      `Settings directory is not writable (DATA_DIR=${dataDir})`,
      `make ${dir} writable by this user (in Docker, mount a volume at /data), or point DATA_DIR elsewhere.`,
      messageOf(err),
    );
  }
}
