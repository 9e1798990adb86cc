import type { InstallProvider } from '@slack/oauth';
import type { AdapterDeps } from '../../../src/adapter.js';
import type { Logger } from '../../../src/log.js';
import { WEB_CLIENT_LONGEST_MS, type BoltInstaller } from '../bolt-app.js';
import type { SlackInstallConfig } from '../config.js';
import { openInstallationBackend } from './backend.js';
import { Sealer } from './encryption.js';
import { NotInstalledError, SealedInstallationStore } from './installation-store.js';
import { failedPage, installedPage } from './pages.js';
import { oneRefreshAtATime } from './refresh-guard.js';
import { singleUseStateStore } from './state-store.js';

/**
 * The refresh lock among instances outlasts the longest refresh (one Web API call with its retries,
 * then the save), so it lapses only when its holder died; a waiter outlasts a dead holder's lock.
 */
const REFRESH_LOCK = { ttlMs: WEB_CLIENT_LONGEST_MS + 15_000, waitMs: WEB_CLIENT_LONGEST_MS + 20_000 };

/** Opens the installation store (a clear error when it cannot be read) and the install flow's parts. */
export async function openInstallations(
  install: SlackInstallConfig,
  deps: Pick<AdapterDeps, 'config' | 'state'>,
  logger: Logger,
): Promise<{ store: SealedInstallationStore; bolt: BoltInstaller }> {
  const sealer = new Sealer(install.encryptionKey);
  const backend = await openInstallationBackend(deps.config, logger);
  const store = await SealedInstallationStore.open(backend, sealer);
  const lock = backend.refreshLock(REFRESH_LOCK);
  const counts = await store.count();
  logger.info(counts, 'Slack installation store open');
  return {
    store,
    bolt: {
      installationStore: store,
      stateStore: singleUseStateStore(install.stateSecret, deps.state),
      guardAuthorize: (authorize) =>
        oneRefreshAtATime(authorize, (query) => store.fetchInstallation(query), lock),
      callbackOptions: {
        success(installation, _options, req, res) {
          logger.info(
            {
              team: installation.team?.id,
              enterprise: installation.enterprise?.id,
              orgWide: installation.isEnterpriseInstall === true,
              rotation: installation.bot?.expiresAt !== undefined,
            },
            'Slack app installed',
          );
          installedPage(req, res, installation);
        },
        failure(error, _options, req, res) {
          const { reason } = failedPage(req, res, error);
          logger.warn({ reason }, 'Slack install not completed');
        },
      },
    },
  };
}

/**
 * A workspace's bot token, through Bolt's installer (its guarded `authorize`): from the
 * installation store, refreshed and saved first, once among all callers, when token rotation is on
 * and it expires within two hours.
 */
export function botTokenOf(installer: InstallProvider): (workspace: string) => Promise<string> {
  return async (workspace) => {
    const auth = await installer.authorize({
      teamId: workspace,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    if (auth.botToken === undefined)
      throw new NotInstalledError(`workspace ${workspace} has no bot token installed`);
    return auth.botToken;
  };
}
