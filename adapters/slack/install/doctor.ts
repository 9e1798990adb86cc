import { request } from 'undici';
import type { Config } from '../../../src/config.js';
import { fail, pass, type Finding } from '../../../src/doctor/checklist.js';
import { messageOf } from '../../../src/doctor/deadline.js';
import type { Logger } from '../../../src/log.js';
import { INSTALL_PATH, MIN_STATE_SECRET_LENGTH, type SlackInstallConfig } from '../config.js';
import { openInstallationBackend } from './backend.js';
import { Sealer } from './encryption.js';
import { SealedInstallationStore } from './installation-store.js';

/**
 * Distributed mode's checks: the state secret and the encryption key (the configuration already
 * refused them if they were wrong, so these say what was found), the installation store opened
 * with that key, and the redirect URL answering from outside as Slack will send people there.
 */
export async function installFindings(
  install: SlackInstallConfig,
  config: Pick<Config, 'dataDir' | 'redis'>,
  options: { readonly timeoutMs: number; readonly logger: Logger },
): Promise<Finding[]> {
  const findings: Finding[] = [
    pass(
      `State secret set (SLACK_STATE_SECRET, ${install.stateSecret.reveal().length} characters, at least ${MIN_STATE_SECRET_LENGTH})`,
    ),
  ];
  try {
    const backend = await openInstallationBackend(config, options.logger, { readOnly: true });
    const store = await SealedInstallationStore.open(backend, new Sealer(install.encryptionKey), {
      readOnly: true,
    });
    const { workspaces, organisations } = await store.count();
    await store.close();
    findings.push(
      pass(
        'Encryption key valid (DATA_ENCRYPTION_KEY): it opens the installation store',
        `${workspaces} workspace(s) and ${organisations} Grid organisation(s) installed, in ${backend.where}`,
      ),
    );
  } catch (err) {
    findings.push(
      fail(
        'Installation store not readable',
        'set DATA_ENCRYPTION_KEY to the key the store was written with, or restore the store from a backup.',
        messageOf(err),
      ),
    );
  }
  findings.push(await redirectFinding(install.redirectUrl, options.timeoutMs));
  return findings;
}

async function redirectFinding(url: string, timeoutMs: number): Promise<Finding> {
  try {
    const response = await request(url, {
      method: 'GET',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    await response.body.dump();
    if (response.statusCode < 500)
      return pass(
        `Redirect URL answers (SLACK_REDIRECT_URL, HTTP ${response.statusCode})`,
        `workspaces install the app from ${new URL(INSTALL_PATH, url).href}`,
      );
    return fail(
      `Redirect URL answered HTTP ${response.statusCode} (SLACK_REDIRECT_URL)`,
      'make sure this bot serves that address (its public HTTPS address, PORT behind it).',
    );
  } catch (err) {
    return fail(
      'Redirect URL not reachable (SLACK_REDIRECT_URL)',
      'start the bot and make its public HTTPS address reach it: Slack sends people there after they approve the install.',
      messageOf(err),
    );
  }
}
