import type { AuthorizeResult, Installation, InstallationQuery } from '@slack/oauth';
import { InFlight } from '../../../src/in-flight.js';
import { installationKey } from './installation-store.js';
import type { RedisLock } from './redis-lock.js';

/**
 * Bolt refreshes a token that expires within two hours (`detectExpiredOrExpiringTokens` in
 * @slack/oauth, not exported). A minute more here, so that every authorisation Bolt would refresh
 * goes through the guard, even when the two-hour mark passes between its look and Bolt's.
 */
const REFRESH_WINDOW_SECONDS = 2 * 60 * 60 + 60;

export type Authorize = (source: InstallationQuery<boolean>) => Promise<AuthorizeResult>;

/** Whether Bolt's `authorize` would refresh one of the installation's tokens now. */
export function refreshDue(installation: Installation, nowMs: number): boolean {
  return [installation.bot, installation.user].some(
    (holder) =>
      holder?.refreshToken !== undefined &&
      holder.expiresAt !== undefined &&
      holder.expiresAt - nowMs / 1000 <= REFRESH_WINDOW_SECONDS,
  );
}

/**
 * Bolt's `authorize` with one refresh of an installation at a time. Slack spends a refresh token at
 * its first use, so a second refresh begun before the first was saved fails (invalid_refresh_token)
 * and leaves its caller an expired token. Bolt reads the installation and refreshes it inside its
 * own `authorize`; this looks first, and when a refresh is due:
 * - callers asking the same thing at once (the same installation, for the same workspace) share
 *   one call of Bolt's `authorize`, which refreshes and saves;
 * - calls for one installation run one after another in this process (an org-wide install answers
 *   for many workspaces): each re-reads the store in Bolt's `authorize` and finds the fresh token;
 * - with a shared store (`lock`, Redis), the call also holds the installation's lock among the
 *   instances; one that waits for it asks the store meanwhile, and goes on as soon as the holder
 *   saved a fresh token, without refreshing again.
 * Nothing is logged here, and no error of its own names a token: the lock's name is the store's key.
 */
export function oneRefreshAtATime(
  authorize: Authorize,
  fetch: (source: InstallationQuery<boolean>) => Promise<Installation>,
  lock: Pick<RedisLock, 'around'> | undefined,
  now: () => number = Date.now,
): Authorize {
  const inFlight = new InFlight();
  /** The installation's key when a token of it needs a refresh now. */
  const dueKey = async (source: InstallationQuery<boolean>): Promise<string | undefined> => {
    // An installation that cannot be read is Bolt's to report: its `authorize` reads it again.
    const installation = await fetch(source).catch(() => undefined);
    return installation && refreshDue(installation, now()) ? installationKey(installation) : undefined;
  };
  return async (source) => {
    const key = await dueKey(source);
    if (key === undefined) return authorize(source);
    // Bolt's answer depends on the installation and on the workspace and organisation asked about.
    const asked = `${key}/${source.enterpriseId ?? ''}/${source.teamId ?? ''}`;
    const settled = async () => (await dueKey(source)) === undefined;
    return inFlight.shared(asked, () =>
      inFlight.queued(key, () =>
        lock ? lock.around(key, () => authorize(source), settled) : authorize(source),
      ),
    );
  };
}
