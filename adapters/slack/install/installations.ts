import type { InstallProvider } from '@slack/oauth';
import type { AdapterDeps } from '../../../src/adapter.js';
import type { Logger } from '../../../src/log.js';
import type { BoltInstaller } from '../bolt-app.js';
import type { SlackInstallConfig } from '../config.js';
import { openInstallationBackend } from './backend.js';
import { Sealer } from './encryption.js';
import { NotInstalledError, SealedInstallationStore } from './installation-store.js';
import { failedPage, installedPage } from './pages.js';
import { singleUseStateStore } from './state-store.js';

/** Opens the installation store (a clear error when it cannot be read) and the install flow's parts. */
export async function openInstallations(
  install: SlackInstallConfig,
  deps: Pick<AdapterDeps, 'config' | 'state'>,
  logger: Logger,
): Promise<{ store: SealedInstallationStore; bolt: BoltInstaller }> {
  const sealer = new Sealer(install.encryptionKey);
  const store = await SealedInstallationStore.open(
    await openInstallationBackend(deps.config, logger),
    sealer,
  );
  const counts = await store.count();
  logger.info(counts, 'Slack installation store open');
  return {
    store,
    bolt: {
      installationStore: store,
      stateStore: singleUseStateStore(install.stateSecret, deps.state),
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
 * A workspace's bot token, through Bolt's installer: from the installation store, refreshed and
 * saved first when token rotation is on and it expires within two hours.
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
