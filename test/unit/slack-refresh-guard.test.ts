import type { AuthorizeResult, Installation, InstallationQuery } from '@slack/oauth';
import { describe, expect, it } from 'vitest';
import { oneRefreshAtATime, refreshDue } from '../../adapters/slack/install/refresh-guard.js';

const NOW = 1_800_000_000_000;
const HOUR = 3600;

/** A rotating installation whose bot token expires `inSeconds` after NOW, `org` when installed org-wide. */
function installation(inSeconds: number, org?: string): Installation {
  return {
    team: org ? undefined : { id: 'T1' },
    enterprise: org ? { id: org } : undefined,
    isEnterpriseInstall: org !== undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: {
      id: 'B1',
      userId: 'U0BOT',
      scopes: [],
      token: 'bot-token',
      refreshToken: 'refresh-token',
      expiresAt: NOW / 1000 + inSeconds,
    },
    authVersion: 'v2',
  };
}

/**
 * Bolt's `authorize` as far as the guard can tell: reads the one installation, and when a refresh
 * is due "refreshes" it after a turn of the event loop (counting, and noting calls that overlap).
 */
function fakeBolt(start: Installation) {
  let current = start;
  let running = 0;
  const seen = { refreshes: 0, calls: 0, overlapped: false, failNext: false };
  const authorize = async (source: InstallationQuery<boolean>): Promise<AuthorizeResult> => {
    seen.calls += 1;
    running += 1;
    seen.overlapped ||= running > 1;
    try {
      await new Promise((resolve) => setImmediate(resolve));
      if (refreshDue(current, NOW)) {
        if (seen.failNext) {
          seen.failNext = false;
          throw new Error('refresh failed');
        }
        seen.refreshes += 1;
        current = { ...current, bot: { ...current.bot!, expiresAt: NOW / 1000 + 12 * HOUR } };
      }
      return {
        teamId: source.teamId,
        enterpriseId: source.enterpriseId,
        botToken: `token-${seen.refreshes}`,
      };
    } finally {
      running -= 1;
    }
  };
  const fetch = () => Promise.resolve(current);
  return { authorize, fetch, seen };
}

const team = (teamId: string, enterpriseId?: string): InstallationQuery<boolean> => ({
  teamId,
  enterpriseId,
  isEnterpriseInstall: false,
});

describe('one token refresh of an installation at a time (in one process)', () => {
  it('knows when Bolt would refresh: within two hours of the expiry, and only with a refresh token', () => {
    expect(refreshDue(installation(HOUR), NOW)).toBe(true);
    expect(refreshDue(installation(-1), NOW)).toBe(true);
    expect(refreshDue(installation(3 * HOUR), NOW)).toBe(false);
    const plain = installation(HOUR);
    expect(refreshDue({ ...plain, bot: { ...plain.bot!, refreshToken: undefined } }, NOW)).toBe(false);
  });

  it('gives callers asking at once one refresh and its one answer', async () => {
    const bolt = fakeBolt(installation(10 * 60));
    const guarded = oneRefreshAtATime(bolt.authorize, bolt.fetch, undefined, () => NOW);
    const answers = await Promise.all(Array.from({ length: 5 }, () => guarded(team('T1'))));
    expect(bolt.seen).toMatchObject({ refreshes: 1, calls: 1 });
    expect(new Set(answers.map((a) => a.botToken))).toEqual(new Set(['token-1']));
    // Afterwards the token is fresh: Bolt is asked directly, and refreshes nothing.
    expect((await guarded(team('T1'))).botToken).toBe('token-1');
    expect(bolt.seen).toMatchObject({ refreshes: 1, calls: 2 });
  });

  it("queues the workspaces of one org-wide install: one refresh, each workspace's own answer", async () => {
    const bolt = fakeBolt(installation(10 * 60, 'E1'));
    const guarded = oneRefreshAtATime(bolt.authorize, bolt.fetch, undefined, () => NOW);
    const answers = await Promise.all(['T1', 'T2', 'T3'].map((t) => guarded(team(t, 'E1'))));
    expect(bolt.seen).toMatchObject({ refreshes: 1, calls: 3, overlapped: false });
    expect(answers.map((a) => a.teamId)).toEqual(['T1', 'T2', 'T3']);
  });

  it('shares a failed refresh with those waiting on it, and lets the next caller try again', async () => {
    const bolt = fakeBolt(installation(10 * 60));
    bolt.seen.failNext = true;
    const guarded = oneRefreshAtATime(bolt.authorize, bolt.fetch, undefined, () => NOW);
    const settled = await Promise.allSettled([guarded(team('T1')), guarded(team('T1'))]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(bolt.seen.calls).toBe(1);
    expect((await guarded(team('T1'))).botToken).toBe('token-1');
  });

  it('leaves a fresh token, and a store that cannot answer, to Bolt alone', async () => {
    const bolt = fakeBolt(installation(5 * HOUR));
    const guarded = oneRefreshAtATime(bolt.authorize, bolt.fetch, undefined, () => NOW);
    await Promise.all([guarded(team('T1')), guarded(team('T1'))]);
    expect(bolt.seen).toMatchObject({ calls: 2, refreshes: 0, overlapped: true });

    const missing = oneRefreshAtATime(
      () => Promise.reject(new Error("Bolt's own words")),
      () => Promise.reject(new Error('no installation')),
      undefined,
    );
    await expect(missing(team('T9'))).rejects.toThrow("Bolt's own words");
  });
});
