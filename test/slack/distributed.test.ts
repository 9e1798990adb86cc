import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackPlatform } from '../../adapters/slack/platform.js';
import { BOT_SCOPES } from '../../adapters/slack/surface.js';
import { startFakeSlack, type FakeSlack, type FakeWorkspace } from '../fakes/slack/index.js';
import { connectPlatform } from '../helpers/connect.js';
import { startCore } from '../helpers/core.js';
import { waitFor } from '../helpers/wait.js';
import { installThroughSlack, visit } from './install-flow.js';
import { DISTRIBUTED_SECRETS, finalReply, pngScored, startSlackRig, type SlackRig } from './rig.js';

const STORE_FILE = 'slack-installations.json';
const slackScope = (workspace: string) => ({ platform: 'slack', workspace });

/** A person shares an image in `channel` of the current workspace and reacts with :mag:; the bot's final reply. */
async function checkedBy(slack: FakeSlack, workspace: FakeWorkspace, channel: string, score = 0.2) {
  slack.use(workspace);
  const file = slack.addFile({
    name: `${workspace.teamId}.png`,
    mimetype: 'image/png',
    bytes: pngScored(score),
  });
  const message = slack.postMessage({ channel, user: slack.users.alice.id, files: [file] });
  await slack.react({ user: slack.users.alice.id, channel, ts: message.ts, reaction: 'mag' });
  const reply = await finalReply(slack, channel, message.ts);
  return { file, message, reply };
}

/** The bearer tokens the bot used for Web API calls about `channel`, and for downloads of `fileId`. */
function tokensUsed(slack: FakeSlack, match: { channel?: string; fileId?: string }): Set<string> {
  return new Set(
    slack.calls
      .filter(
        (c) =>
          (match.channel !== undefined && c.args.channel === match.channel) ||
          (match.fileId !== undefined && c.method === 'file' && c.path.includes(match.fileId)),
      )
      .map((c) => /^Bearer (.+)$/.exec(c.headers.authorization ?? '')?.[1] ?? String(c.args.token)),
  );
}

describe('Slack distributed mode: "Add to Slack" for many workspaces', () => {
  let slack: FakeSlack;
  let rig: SlackRig;
  let dataDir: string;
  let alpha: FakeWorkspace;
  let beta: FakeWorkspace;

  beforeAll(async () => {
    slack = await startFakeSlack();
    alpha = slack.addWorkspace({ teamId: 'T0ALPHA', domain: 'alpha', name: 'Alpha' });
    beta = slack.addWorkspace({ teamId: 'T0BETA', domain: 'beta', name: 'Beta' });
    dataDir = await mkdtemp(join(tmpdir(), 'bitmind-slack-oauth-'));
    rig = await startSlackRig({ mode: 'http', slack, dataDir, distributed: true });
  });
  afterAll(async () => {
    await rig?.close();
    await slack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('installs two workspaces through the install link, the state and the redirect with a code', async () => {
    for (const workspace of [alpha, beta]) {
      const installed = await installThroughSlack(rig, { approve: workspace });
      expect(installed.page.status).toBe(200);
      expect(installed.page.body).toContain(`BitMind is now part of ${workspace.name}`);
      expect(installed.page.body).toContain('/invite @BitMind');
      expect(installed.page.body).toContain('/bitmind help');
      const query = installed.authorizeUrl.searchParams;
      expect(query.get('client_id')).toBe(slack.oauth.clientId);
      expect(query.get('scope')?.split(',').sort()).toEqual([...BOT_SCOPES].sort());
      expect(query.get('redirect_uri')).toBe(`${rig.origin}/slack/oauth_redirect`);
      expect(query.get('state')).toBeTruthy();
    }
    expect(slack.callsTo('oauth.v2.access').map((c) => c.status)).toEqual([200, 200]);
    expect(slack.oauth.tokenOf('T0ALPHA')).toBeDefined();
    expect(slack.oauth.tokenOf('T0BETA')).toBeDefined();
  });

  it('keeps the tokens encrypted at rest', async () => {
    const stored = await readFile(join(dataDir, STORE_FILE), 'utf8');
    expect(stored).toContain('team:T0ALPHA');
    expect(stored).toContain('team:T0BETA');
    expect(stored).not.toContain(slack.oauth.tokenOf('T0ALPHA'));
    expect(stored).not.toContain(slack.oauth.tokenOf('T0BETA'));
    expect(stored).not.toMatch(/xox[be]/);
  });

  it('answers each workspace with its own token, in its own thread', async () => {
    // The same channel id in both workspaces: only the token tells them apart.
    const channel = slack.channels.general;
    const a = await checkedBy(slack, alpha, channel);
    const b = await checkedBy(slack, beta, channel);
    const alphaToken = slack.oauth.tokenOf('T0ALPHA')!;
    const betaToken = slack.oauth.tokenOf('T0BETA')!;
    expect(tokensUsed(slack, { fileId: a.file.id })).toEqual(new Set([alphaToken]));
    expect(tokensUsed(slack, { fileId: b.file.id })).toEqual(new Set([betaToken]));
    expect(a.reply.thread_ts).toBe(a.message.ts);
    expect(b.reply.thread_ts).toBe(b.message.ts);
    // Each reply is in its own workspace only.
    expect(alpha.message(channel, a.reply.ts)).toBeDefined();
    expect(beta.message(channel, a.reply.ts)).toBeUndefined();
    expect(beta.message(channel, b.reply.ts)).toBeDefined();
    expect(slack.calls.filter((c) => c.status === 200 && c.error === 'invalid_auth')).toEqual([]);
  });

  it('refuses, from workspace B, a file of workspace A', async () => {
    slack.use(alpha);
    const secretFile = slack.addFile({
      name: 'alpha-only.png',
      mimetype: 'image/png',
      bytes: pngScored(0.9),
    });
    slack.postMessage({ channel: slack.channels.general, user: slack.users.alice.id, files: [secretFile] });
    slack.use(beta);
    const mark = rig.planCount();
    const { responseUrl } = await slack.command({
      user: slack.users.alice.id,
      channel: slack.channels.general,
      text: `check ${secretFile.permalink}`,
    });
    await rig.idle();
    const answer = [
      ...slack.responses(responseUrl).map((r) => JSON.stringify(r.args)),
      ...rig.plansSince(mark).map((p) => JSON.stringify(p.plan)),
    ].join('\n');
    expect(answer).toMatch(/would not share this file \(file_not_found\)/);
    expect(answer).not.toContain('alpha-only.png');
    expect(slack.downloads.filter((d) => d.path.includes(secretFile.id))).toEqual([]);
    // files.info was asked with B's token, and B's Slack does not know A's file.
    const asked = slack.callsTo('files.info').filter((c) => c.args.file === secretFile.id);
    expect(asked.map((c) => c.headers.authorization)).toEqual([`Bearer ${slack.oauth.tokenOf('T0BETA')}`]);
  });

  it('refuses a forged state, a replayed redirect, a state from another browser, a cancelled consent and a Slack error', async () => {
    const exchanges = () => slack.callsTo('oauth.v2.access').length;
    const before = exchanges();
    const forged = await visit(
      `${rig.origin}/slack/oauth_redirect?code=code-1-fake&state=forged`,
      'slack-app-oauth-state=forged',
    );
    expect(forged.status).toBe(400);
    expect(forged.body).toContain('expired, was already used');

    const done = await installThroughSlack(rig, { approve: beta });
    expect(done.page.status).toBe(200);
    const afterInstall = exchanges();
    expect(afterInstall).toBe(before + 1);
    const replayed = await visit(done.redirect, done.cookie);
    expect(replayed.status).toBe(400);
    expect(replayed.body).toContain('expired, was already used');
    expect(exchanges()).toBe(afterInstall);

    const start = await visit(`${rig.origin}/slack/install`);
    slack.oauth.consentNext({ approve: beta });
    const back = await visit(start.location!);
    const otherBrowser = await visit(back.location!);
    expect(otherBrowser.status).toBe(400);
    expect(exchanges()).toBe(afterInstall);

    const denied = await installThroughSlack(rig, { deny: true });
    expect(denied.page.status).toBe(400);
    expect(denied.page.body).toContain('cancelled');

    slack.web.failNext('oauth.v2.access', 'invalid_code');
    const failed = await installThroughSlack(rig, { approve: beta });
    expect(failed.page.status).toBe(502);
    expect(failed.page.body).toContain('Slack did not complete the install (invalid_code)');
    // A stale link or a cancelled consent is a person's doing: the page and one warning say so.
    const errors = rig.core.logLines.filter((l) => l.includes('"level":50'));
    expect(errors.filter((l) => /InvalidStateError|AuthorizationError/.test(l))).toEqual([]);
    expect(rig.core.logLines.filter((l) => l.includes('Slack install not completed'))).toHaveLength(5);
    for (const page of [forged, replayed, otherBrowser, denied.page, failed.page]) {
      expect(page.body).not.toMatch(/\bat .*\.(js|ts):\d+|Error:/);
      expect(page.body.startsWith('<!DOCTYPE html>')).toBe(true);
    }
  });

  it('keeps both installations across a restart', async () => {
    await rig.close();
    rig = await startSlackRig({ mode: 'http', slack, dataDir, distributed: true });
    const exchanges = slack.callsTo('oauth.v2.access').length;
    const a = await checkedBy(slack, alpha, slack.channels.random);
    const b = await checkedBy(slack, beta, slack.channels.random);
    expect(tokensUsed(slack, { fileId: a.file.id })).toEqual(new Set([slack.oauth.tokenOf('T0ALPHA')]));
    expect(tokensUsed(slack, { fileId: b.file.id })).toEqual(new Set([slack.oauth.tokenOf('T0BETA')]));
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(exchanges);
  });

  it('forgets everything of workspace A when A uninstalls the app, and B keeps working', async () => {
    const channel = slack.channels.general;
    await rig.connected.settings.update(slackScope('T0ALPHA'), channel, { autoscan: true });
    await rig.connected.settings.update(slackScope('T0BETA'), channel, { autoscan: true });
    expect((await rig.connected.state.entries('')).some(([k]) => k.includes('T0ALPHA'))).toBe(true);

    slack.oauth.revoke('T0ALPHA');
    slack.use(alpha);
    await slack.sendEvent({ type: 'app_uninstalled' });
    await rig.idle();
    await waitFor(async () => !(await readFile(join(dataDir, STORE_FILE), 'utf8')).includes('T0ALPHA'), {
      what: "workspace A's installation to leave the store",
    });
    expect((await rig.connected.settings.get(slackScope('T0ALPHA'), channel)).autoscan).toBe(false);
    expect((await rig.connected.state.entries('')).filter(([k]) => k.includes('T0ALPHA'))).toEqual([]);
    expect(rig.core.logLines.some((l) => l.includes('Slack app removed'))).toBe(true);

    // An event from A now finds no token: one warning, no reply, nothing in A's name again.
    slack.use(alpha);
    const late = slack.postMessage({ channel, user: slack.users.alice.id, text: 'late' });
    await slack.react({ user: slack.users.alice.id, channel, ts: late.ts, reaction: 'mag' });
    await rig.idle();
    expect(rig.core.logLines.filter((l) => l.includes('without an installation'))).toHaveLength(1);
    expect(slack.threadReplies(channel, late.ts)).toEqual([]);

    expect((await rig.connected.settings.get(slackScope('T0BETA'), channel)).autoscan).toBe(true);
    const b = await checkedBy(slack, beta, channel);
    expect(b.reply.thread_ts).toBe(b.message.ts);
  });

  it('keeps an installation when only user tokens are revoked, and deletes it when the bot token is', async () => {
    slack.use(beta);
    const installed = async () => (await readFile(join(dataDir, STORE_FILE), 'utf8')).includes('team:T0BETA');
    await slack.sendEvent({ type: 'tokens_revoked', tokens: { oauth: [slack.users.admin.id] } });
    await rig.idle();
    expect(await installed()).toBe(true);
    await slack.sendEvent({ type: 'tokens_revoked', tokens: { bot: [slack.bot.userId] } });
    await rig.idle();
    await waitFor(async () => !(await installed()), {
      what: "workspace B's installation to leave the store",
    });
  });

  it('stops the start with a clear error when the key is not the one the store was written with', async () => {
    const core = await startCore({
      dataDir,
      env: {
        ...slack.distributedEnv(),
        ...DISTRIBUTED_SECRETS,
        SLACK_REDIRECT_URL: `${rig.origin}/slack/oauth_redirect`,
        DATA_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('hex'),
      },
    });
    try {
      await expect(connectPlatform(core, slackPlatform)).rejects.toThrow(
        /DATA_ENCRYPTION_KEY does not open the Slack installation store/,
      );
    } finally {
      await core.close();
    }
  });

  it('stops the start with a clear error when the store file is corrupt, and leaves it as it was', async () => {
    const corruptDir = await mkdtemp(join(tmpdir(), 'bitmind-slack-oauth-corrupt-'));
    const path = join(corruptDir, STORE_FILE);
    await writeFile(path, '{"version":1,"entries":{"team:T1":');
    const core = await startCore({
      dataDir: corruptDir,
      env: {
        ...slack.distributedEnv(),
        ...DISTRIBUTED_SECRETS,
        SLACK_REDIRECT_URL: `${rig.origin}/slack/oauth_redirect`,
      },
    });
    try {
      await expect(connectPlatform(core, slackPlatform)).rejects.toThrow(
        /slack-installations\.json \(the Slack installation store under DATA_DIR\) is not valid JSON/,
      );
      expect(await readFile(path, 'utf8')).toBe('{"version":1,"entries":{"team:T1":');
    } finally {
      await core.close();
      await rm(corruptDir, { recursive: true, force: true });
    }
  });
});

describe('Slack: moving from one workspace (SLACK_BOT_TOKEN) to many, on the same DATA_DIR', () => {
  let slack: FakeSlack;
  let rig: SlackRig | undefined;
  let dataDir: string;
  beforeAll(async () => {
    slack = await startFakeSlack();
    dataDir = await mkdtemp(join(tmpdir(), 'bitmind-slack-move-'));
  });
  afterAll(async () => {
    await rig?.close();
    await slack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps a channel's settings once the same workspace installs the app", async () => {
    const home = slack.workspace;
    const channel = slack.channels.general;
    rig = await startSlackRig({ mode: 'http', slack, dataDir });
    const { responseUrl } = await slack.command({
      user: slack.users.admin.id,
      channel,
      text: 'autoscan mode all',
    });
    await waitFor(() => slack.responses(responseUrl)[0], { what: 'the answer to autoscan mode all' });
    const on = await slack.command({ user: slack.users.admin.id, channel, text: 'autoscan on' });
    await waitFor(() => slack.responses(on.responseUrl)[0], { what: 'the answer to autoscan on' });
    // With one workspace's token there is no store to clean: the operator hears it, settings stay.
    await slack.sendEvent({ type: 'app_uninstalled' });
    await rig.idle();
    expect(rig.core.logLines.some((l) => l.includes('SLACK_BOT_TOKEN no longer works'))).toBe(true);
    expect((await rig.connected.settings.get(slackScope(home.teamId), channel)).autoscan).toBe(true);
    await rig.close();

    rig = await startSlackRig({ mode: 'http', slack, dataDir, distributed: true });
    expect((await installThroughSlack(rig, { approve: home })).page.status).toBe(200);
    const token = slack.oauth.tokenOf(home.teamId);
    const file = slack.addFile({ name: 'after-the-move.png', mimetype: 'image/png', bytes: pngScored(0.1) });
    const { message } = await slack.shareFiles({ channel, user: slack.users.alice.id, files: [file] });
    // Mode `all` replies even to a file without evidence: the setting made before the move holds.
    const reply = await finalReply(slack, channel, message.ts);
    expect(reply.thread_ts).toBe(message.ts);
    expect(
      slack.downloads.filter((d) => d.path.includes(file.id)).map((d) => d.headers.authorization),
    ).toEqual([`Bearer ${token}`]);
  });
});
