import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { z } from 'zod';
import { InstallationStoreError, type InstallationBackend } from './backend.js';
import { SealError, type Sealer } from './encryption.js';

/**
 * An installation as it is kept: Bolt's `Installation` with every token and refresh token sealed
 * (AES-256-GCM), validated with zod whenever it is read back. Incoming webhooks and user-level
 * metadata are not asked for, so not kept.
 */
const enterpriseSchema = z.object({ id: z.string(), name: z.string().optional() });
const storedSchema = z.object({
  team: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  enterprise: enterpriseSchema.optional(),
  isEnterpriseInstall: z.boolean(),
  appId: z.string().optional(),
  enterpriseUrl: z.string().optional(),
  bot: z
    .object({
      token: z.string(),
      refreshToken: z.string().optional(),
      expiresAt: z.number().optional(),
      scopes: z.array(z.string()),
      id: z.string(),
      userId: z.string(),
    })
    .optional(),
  user: z.object({
    token: z.string().optional(),
    refreshToken: z.string().optional(),
    expiresAt: z.number().optional(),
    scopes: z.array(z.string()).optional(),
    id: z.string(),
  }),
});
type Stored = z.infer<typeof storedSchema>;

const KEY_CHECK = 'keycheck';
const KEY_CHECK_TEXT = 'bitmind-bot installation store';
const teamKey = (team: string) => `team:${team}`;
const enterpriseKey = (enterprise: string) => `enterprise:${enterprise}`;
/** A workspace of a Grid organisation that installed the app org-wide: its organisation. */
const LINK = 'link:';

/** No installation answers the query: the workspace never installed the app, or removed it. */
export class NotInstalledError extends Error {
  override name = 'NotInstalledError';
}

/** Which workspace (or organisation) an uninstall or a revocation names. */
export interface Installed {
  readonly teamId: string | undefined;
  readonly enterpriseId: string | undefined;
  readonly isEnterpriseInstall: boolean;
}

/**
 * Bolt's installation store over a backend (a file or Redis). A workspace's installation is kept
 * under its team id; an org-wide Enterprise Grid installation under its enterprise id, and each
 * workspace of the organisation that sends an event is linked to it, so a later call for that
 * workspace alone (a delivery, a download) finds the organisation's token.
 */
export class SealedInstallationStore implements InstallationStore {
  private constructor(
    private readonly backend: InstallationBackend,
    private readonly sealer: Sealer,
  ) {}

  /**
   * Opens the store and reads every record once: a record that is not an installation, or a
   * token that the key does not open, stops the start with the variable to look at.
   */
  static async open(
    backend: InstallationBackend,
    sealer: Sealer,
    options: { readonly readOnly?: boolean } = {},
  ): Promise<SealedInstallationStore> {
    const store = new SealedInstallationStore(backend, sealer);
    const check = await backend.get(KEY_CHECK);
    try {
      if (check !== undefined && sealer.open(check) !== KEY_CHECK_TEXT) throw new SealError('key check');
      for (const [key, value] of await backend.entries('')) {
        if (key !== KEY_CHECK && !key.startsWith(LINK)) store.#read(key, value);
      }
    } catch (err) {
      await backend.close();
      if (err instanceof SealError)
        throw new InstallationStoreError(
          `DATA_ENCRYPTION_KEY does not open the Slack installation store at ${backend.where}: it was written with another key (set the key it was written with)`,
          { cause: err },
        );
      throw err;
    }
    if (check === undefined && !options.readOnly) await backend.set(KEY_CHECK, sealer.seal(KEY_CHECK_TEXT));
    return store;
  }

  #read(key: string, value: string): Installation {
    let parsed: Stored;
    try {
      parsed = storedSchema.parse(JSON.parse(value));
    } catch (err) {
      throw new InstallationStoreError(
        `the Slack installation store at ${this.backend.where} holds a record (${key}) that is not an installation: restore the store from a backup`,
        { cause: err },
      );
    }
    const open = (token: string | undefined) => (token === undefined ? undefined : this.sealer.open(token));
    return {
      ...parsed,
      authVersion: 'v2',
      tokenType: parsed.bot ? 'bot' : undefined,
      bot: parsed.bot && {
        ...parsed.bot,
        token: this.sealer.open(parsed.bot.token),
        refreshToken: open(parsed.bot.refreshToken),
      },
      user: { ...parsed.user, token: open(parsed.user.token), refreshToken: open(parsed.user.refreshToken) },
    } as Installation;
  }

  async storeInstallation(installation: Installation): Promise<void> {
    const key = installationKey(installation);
    const seal = (token: string | undefined) => (token === undefined ? undefined : this.sealer.seal(token));
    const stored: Stored = storedSchema.parse({
      team: installation.team,
      enterprise: installation.enterprise,
      isEnterpriseInstall: installation.isEnterpriseInstall === true,
      appId: installation.appId,
      enterpriseUrl: installation.enterpriseUrl,
      bot: installation.bot && {
        ...installation.bot,
        token: this.sealer.seal(installation.bot.token),
        refreshToken: seal(installation.bot.refreshToken),
      },
      user: {
        ...installation.user,
        token: seal(installation.user.token),
        refreshToken: seal(installation.user.refreshToken),
      },
    });
    await this.backend.set(key, JSON.stringify(stored));
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const { teamId, enterpriseId } = query;
    if (query.isEnterpriseInstall && enterpriseId !== undefined) {
      const org = await this.#get(enterpriseKey(enterpriseId));
      if (org && teamId && (await this.backend.get(LINK + teamId)) !== enterpriseId)
        await this.backend.set(LINK + teamId, enterpriseId);
      if (org) return org;
    }
    if (teamId !== undefined) {
      const own = await this.#get(teamKey(teamId));
      if (own) return own;
      const linked = await this.backend.get(LINK + teamId);
      const org = linked === undefined ? undefined : await this.#get(enterpriseKey(linked));
      if (org) return org;
    }
    throw new NotInstalledError(`no installation for workspace ${teamId ?? enterpriseId ?? '(none)'}`);
  }

  async #get(key: string): Promise<Installation | undefined> {
    const value = await this.backend.get(key);
    return value === undefined ? undefined : this.#read(key, value);
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.uninstall(query);
  }

  /**
   * Deletes what `installed` names and returns the workspaces it covered, whose settings go too:
   * the workspace, or every workspace of the organisation seen so far.
   */
  async uninstall(installed: Installed): Promise<string[]> {
    const { teamId, enterpriseId } = installed;
    if (installed.isEnterpriseInstall && enterpriseId !== undefined) {
      const links = (await this.backend.entries(LINK)).filter(([, org]) => org === enterpriseId);
      await this.backend.delete([enterpriseKey(enterpriseId), ...links.map(([k]) => k)]);
      const teams = links.map(([k]) => k.slice(LINK.length));
      return teamId && !teams.includes(teamId) ? [...teams, teamId] : teams;
    }
    if (teamId === undefined) return [];
    await this.backend.delete([teamKey(teamId), LINK + teamId]);
    return [teamId];
  }

  /** The workspaces and organisations installed, by kind (for the doctor and the logs). */
  async count(): Promise<{ workspaces: number; organisations: number }> {
    const keys = (await this.backend.entries('')).map(([k]) => k);
    return {
      workspaces: keys.filter((k) => k.startsWith('team:')).length,
      organisations: keys.filter((k) => k.startsWith('enterprise:')).length,
    };
  }

  close(): Promise<void> {
    return this.backend.close();
  }
}

/** The key an installation is kept under: its organisation's when org-wide, else its workspace's. */
export function installationKey(installation: Installation): string {
  if (installation.isEnterpriseInstall && installation.enterprise)
    return enterpriseKey(installation.enterprise.id);
  if (installation.team) return teamKey(installation.team.id);
  throw new Error('an installation names neither its workspace nor its organisation');
}
