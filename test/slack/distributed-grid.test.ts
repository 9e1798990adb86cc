import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack, type FakeWorkspace } from '../fakes/slack/index.js';
import { useRedis } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';
import { installThroughSlack } from './install-flow.js';
import { finalReply, pngScored, startSlackRig, type SlackRig } from './rig.js';

/** A person shares an image in `channel` of `workspace` and reacts with :mag:; the bot's final reply. */
async function checkedBy(slack: FakeSlack, workspace: FakeWorkspace, channel: string) {
  slack.use(workspace);
  const file = slack.addFile({
    name: `${workspace.teamId}.png`,
    mimetype: 'image/png',
    bytes: pngScored(0.3),
  });
  const message = slack.postMessage({ channel, user: slack.users.alice.id, files: [file] });
  await slack.react({ user: slack.users.alice.id, channel, ts: message.ts, reaction: 'mag' });
  const reply = await finalReply(slack, channel, message.ts);
  const downloadedWith = slack.downloads
    .filter((d) => d.path.includes(file.id))
    .map((d) => d.headers.authorization);
  return { message, reply, downloadedWith };
}

describe('Slack distributed mode: token rotation, Enterprise Grid, and the Redis store', () => {
  const redis = useRedis();
  let slack: FakeSlack;
  let rig: SlackRig;
  let dataDir: string;
  let rotating: FakeWorkspace;
  let gridOne: FakeWorkspace;
  let gridTwo: FakeWorkspace;
  const env = () => ({ REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix });

  beforeAll(async () => {
    slack = await startFakeSlack();
    rotating = slack.addWorkspace({ teamId: 'T0ROTATE', domain: 'rotate', name: 'Rotate' });
    gridOne = slack.addWorkspace({ teamId: 'T0GRIDONE', domain: 'gridone', enterpriseId: 'E0GRID' });
    gridTwo = slack.addWorkspace({ teamId: 'T0GRIDTWO', domain: 'gridtwo', enterpriseId: 'E0GRID' });
    dataDir = await mkdtemp(join(tmpdir(), 'bitmind-slack-grid-'));
    rig = await startSlackRig({ mode: 'http', slack, dataDir, distributed: true, env: env() });
  });
  afterAll(async () => {
    await rig?.close();
    await slack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refreshes a rotating token before it expires, through Bolt, and answers with the new one', async () => {
    const installed = await installThroughSlack(rig, { approve: rotating, rotation: true });
    expect(installed.page.status).toBe(200);
    const first = slack.oauth.tokenOf('T0ROTATE');
    expect(first).toMatch(/^xoxe\.xoxb-/);

    const { reply, downloadedWith } = await checkedBy(slack, rotating, slack.channels.general);
    const refreshes = slack.callsTo('oauth.v2.access').filter((c) => c.args.grant_type === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    const rotated = slack.oauth.tokenOf('T0ROTATE');
    expect(rotated).not.toBe(first);
    expect(downloadedWith).toEqual([`Bearer ${rotated}`]);
    expect(reply.thread_ts).toBeDefined();
  });

  it('authorises events from every workspace of a Grid organisation with its org-wide install', async () => {
    const installed = await installThroughSlack(rig, {
      approveOrg: 'E0GRID',
      workspaces: [gridOne, gridTwo],
    });
    expect(installed.page.status).toBe(200);
    expect(installed.page.body).toContain('BitMind is now part of Org E0GRID');
    const orgToken = slack.oauth.tokenOf('E0GRID');
    const mark = rig.planCount();
    const one = await checkedBy(slack, gridOne, 'C0GRIDONE');
    const two = await checkedBy(slack, gridTwo, 'C0GRIDTWO');
    expect(one.downloadedWith).toEqual([`Bearer ${orgToken}`]);
    expect(two.downloadedWith).toEqual([`Bearer ${orgToken}`]);
    expect(gridOne.message('C0GRIDONE', one.reply.ts)).toBeDefined();
    expect(gridTwo.message('C0GRIDTWO', two.reply.ts)).toBeDefined();
    // Settings and budgets stay per workspace: the place names the event's workspace.
    expect(new Set(rig.plansSince(mark).map((p) => p.trigger.place.workspace))).toEqual(
      new Set(['T0GRIDONE', 'T0GRIDTWO']),
    );
  });

  it('keeps every installation in Redis, encrypted, across a restart', async () => {
    const client = new Redis(redis.url);
    try {
      const stored = await client.hgetall(`${redis.prefix}slack:installations`);
      expect(Object.keys(stored).sort()).toEqual(
        ['enterprise:E0GRID', 'keycheck', 'link:T0GRIDONE', 'link:T0GRIDTWO', 'team:T0ROTATE'].sort(),
      );
      const text = JSON.stringify(stored);
      for (const token of [slack.oauth.tokenOf('T0ROTATE'), slack.oauth.tokenOf('E0GRID')])
        expect(text).not.toContain(token);
      expect(text).not.toMatch(/xox[be]/);
    } finally {
      client.disconnect();
    }
    await rig.close();
    rig = await startSlackRig({ mode: 'http', slack, dataDir, distributed: true, env: env() });
    const exchanges = slack.callsTo('oauth.v2.access').length;
    const rotated = await checkedBy(slack, rotating, slack.channels.random);
    const grid = await checkedBy(slack, gridTwo, 'C0GRIDTWO');
    expect(rotated.downloadedWith).toEqual([`Bearer ${slack.oauth.tokenOf('T0ROTATE')}`]);
    expect(grid.downloadedWith).toEqual([`Bearer ${slack.oauth.tokenOf('E0GRID')}`]);
    // The rotated pair was saved: no second refresh after the restart.
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(exchanges);
  });

  it('forgets every workspace of the organisation when it uninstalls org-wide', async () => {
    const scope = (workspace: string) => ({ platform: 'slack', workspace });
    await rig.connected.settings.update(scope('T0GRIDONE'), 'C0GRIDONE', { autoscan: true });
    await rig.connected.settings.update(scope('T0ROTATE'), slack.channels.general, { autoscan: true });
    slack.use(gridOne);
    await slack.sendEvent({ type: 'app_uninstalled' });
    slack.oauth.revoke('E0GRID');
    await rig.idle();
    const client = new Redis(redis.url);
    try {
      const keys = await waitFor(
        async () => {
          const now = Object.keys(await client.hgetall(`${redis.prefix}slack:installations`));
          return now.some((k) => k.includes('GRID')) ? undefined : now;
        },
        { what: "the organisation's installation to leave the store" },
      );
      expect(keys.sort()).toEqual(['keycheck', 'team:T0ROTATE']);
    } finally {
      client.disconnect();
    }
    expect((await rig.connected.settings.get(scope('T0GRIDONE'), 'C0GRIDONE')).autoscan).toBe(false);
    expect((await rig.connected.settings.get(scope('T0ROTATE'), slack.channels.general)).autoscan).toBe(true);
  });
});
