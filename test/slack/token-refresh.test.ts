import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, expect, it } from 'vitest';
import { startInstance, via } from '../cluster/support.js';
import { startFakeSlack, type FakeSlack, type FakeWorkspace } from '../fakes/slack/index.js';
import { freePort } from '../helpers/free-port.js';
import { useRedis } from '../helpers/redis.js';
import { cleanups, runCleanups, slackFinalText, slackImageMessage } from '../start/support.js';
import { installThroughSlack } from './install-flow.js';
import { DISTRIBUTED_SECRETS, startSlackRig } from './rig.js';

/**
 * Slack spends a refresh token at its first use, so two refreshes of one installation at the same
 * moment leave one of them with invalid_refresh_token and an expired token. The fake answers a
 * refresh grant REFRESH_LATENCY_MS after spending its token, so events that arrive together are
 * sure to overlap their refreshes unless the bot keeps to one.
 */
const REFRESH_LATENCY_MS = 200;
const EVENTS_AT_ONCE = 6;

const redis = useRedis();
afterEach(runCleanups);

async function fakeSlackWith(teamId: string): Promise<{ slack: FakeSlack; workspace: FakeWorkspace }> {
  const slack = await startFakeSlack({ pingIntervalMs: 1000 });
  cleanups.push(() => slack.close());
  const workspace = slack.addWorkspace({ teamId, domain: teamId.toLowerCase(), name: teamId });
  slack.use(workspace);
  return { slack, workspace };
}

/** A rotating install whose access token Slack has just let expire: its next use must refresh it. */
async function expiringInstall(slack: FakeSlack, origin: string, workspace: FakeWorkspace): Promise<void> {
  const installed = await installThroughSlack({ origin, slack }, { approve: workspace, rotation: true });
  expect(installed.page.status).toBe(200);
  slack.oauth.refreshLatencyMs = REFRESH_LATENCY_MS;
  slack.oauth.expire(workspace.teamId);
}

/**
 * A message with an image per `send`, then a :mag: on each, every delivery started at once (each
 * through its `send`, which may point Slack at an instance first); resolves once all are acked.
 */
async function reactAtOnce(
  slack: FakeSlack,
  sends: ReadonlyArray<(deliver: () => Promise<unknown>) => Promise<unknown>>,
): Promise<string[]> {
  const messages = sends.map((_, i) => slackImageMessage(slack, `race-${i}.png`, 0.9));
  await Promise.all(
    sends.map((send, i) =>
      send(() =>
        slack.react({
          user: slack.users.alice.id,
          channel: slack.channels.general,
          ts: messages[i]!.ts,
          reaction: 'mag',
        }),
      ),
    ),
  );
  return messages.map((m) => m.ts);
}

/** The answer of every message: each final reply must name its evidence. */
async function everyAnswer(slack: FakeSlack, threads: readonly string[]): Promise<void> {
  for (const ts of threads) expect(await slackFinalText(slack, ts)).toMatch(/Strong evidence/);
}

it('one process: events of an expiring installation at once share one refresh, and each is answered', async () => {
  const { slack, workspace } = await fakeSlackWith('T0BURST');
  const dataDir = await mkdtemp(join(tmpdir(), 'bitmind-slack-refresh-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const rig = await startSlackRig({ mode: 'http', slack, dataDir, distributed: true });
  cleanups.push(() => rig.close());
  await expiringInstall(slack, rig.origin!, workspace);

  const threads = await reactAtOnce(
    slack,
    Array.from({ length: EVENTS_AT_ONCE }, () => (deliver) => deliver()),
  );
  // Bolt authorises an event before acknowledging it: every refresh is done by now.
  expect(slack.oauth.refreshes).toEqual({ granted: 1, refused: 0 });
  await everyAnswer(slack, threads);
  expect(rig.core.logLines.filter((l) => l.includes('invalid_refresh_token'))).toEqual([]);
  expect(slack.calls.filter((c) => c.error === 'token_expired')).toEqual([]);
});

it('two processes sharing Redis: events for the same expiring workspace at once make one refresh, both answered', async () => {
  const { slack, workspace } = await fakeSlackWith('T0PAIR');
  const logDir = await mkdtemp(join(tmpdir(), 'bitmind-slack-refresh-logs-'));
  cleanups.push(() => rm(logDir, { recursive: true, force: true }));
  // One public redirect URL for both, as behind a load balancer: the install comes back to A.
  const portA = await freePort();
  const env = {
    ...slack.distributedEnv(),
    ...DISTRIBUTED_SECRETS,
    SLACK_REDIRECT_URL: `http://127.0.0.1:${portA}/slack/oauth_redirect`,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
  };
  const [a, b] = await Promise.all([
    startInstance('A', { ...env, PORT: String(portA) }, logDir),
    startInstance('B', env, logDir),
  ]);
  cleanups.push(
    () => a.close(),
    () => b.close(),
  );
  await expiringInstall(slack, a.url, workspace);

  const threads = await reactAtOnce(slack, [
    (deliver) => via(slack, a, deliver),
    (deliver) => via(slack, b, deliver),
  ]);
  // Bolt authorises an event before acknowledging it: every refresh is done by now.
  expect(slack.oauth.refreshes).toEqual({ granted: 1, refused: 0 });
  await everyAnswer(slack, threads);
  expect(slack.calls.filter((c) => c.error === 'token_expired')).toEqual([]);
  for (const instance of [a, b]) {
    const output = instance.bot.stdout + instance.bot.stderr;
    expect(output).not.toContain('invalid_refresh_token');
    // LOG_LEVEL=debug: Bolt narrates the refresh, and still no token or refresh token is in it.
    for (const token of slack.oauth.minted) expect(output).not.toContain(token);
  }
  // The lock was let go once the refresh was saved.
  const client = new Redis(redis.url);
  try {
    expect(await client.keys(`${redis.prefix}slack:refresh:*`)).toEqual([]);
  } finally {
    client.disconnect();
  }
});
