import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { spawnCli, type CliChild, type LogLine } from '../helpers/cli-child.js';
import { runCli } from '../helpers/run-cli.js';
import { waitFor } from '../helpers/wait.js';
import {
  discordAnswerText,
  discordImageMessage,
  get,
  readyz,
  sample,
  slackFinalText,
  slackImageMessage,
  tempDataDir,
  cleanups,
  fakeDiscord,
  fakeSlack,
  runCleanups,
} from './support.js';

/** `bitmind-bot start` as a real process: signals, exit codes and logs as an operator sees them. */

afterEach(runCleanups);

/** A BitMind simulator of the test's own, so the test can slow it, stall it or take it away. */
async function simulator(latencyMs = 0): Promise<{ sim: Simulator; env: Record<string, string> }> {
  const sim = await startSimulator({ latencyMs });
  cleanups.push(() => sim.close());
  return {
    sim,
    env: {
      BITMIND_BASE_URL: sim.url,
      BITMIND_CLIENT_ID: sim.credentials.clientId,
      BITMIND_CLIENT_SECRET: sim.credentials.clientSecret,
    },
  };
}

/** Starts the bot on 127.0.0.1 and a free port; resolves with the child and the address it logged. */
async function start(env: Record<string, string>): Promise<{ bot: CliChild; url: string }> {
  const dataDir = await tempDataDir();
  const bot = spawnCli(['start'], {
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir.path,
    LOG_LEVEL: 'info',
    ...env,
  });
  cleanups.push(async () => {
    await bot.close();
    await dataDir.remove();
  });
  const listening = await bot.waitForLog(
    (l) => l.msg?.startsWith('HTTP server listening') === true,
    'listening',
  );
  // The logger writes URLs normalised (with a trailing slash); the origin is the base to append to.
  return { bot, url: new URL(String(listening.url)).origin };
}

const byMessage = (text: string) => (line: LogLine) => line.msg?.includes(text) === true;

describe('bitmind-bot start (child process)', () => {
  it('exits 2 and says what to set, and where the manifests are, when no platform is configured', async () => {
    const dataDir = await tempDataDir();
    cleanups.push(() => dataDir.remove());
    const run = await runCli(['start'], { env: { DATA_DIR: dataDir.path } });
    expect(run.code).toBe(2);
    for (const hint of [
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'SLACK_SIGNING_SECRET',
      'DISCORD_TOKEN',
      'manifest/',
      'docs/slack.md',
      'docs/discord.md',
    ])
      expect(run.stderr).toContain(hint);
    expect(run.stdout).toBe('');
  });

  it('runs Slack (Socket Mode) and Discord in one process on the embedded simulator, then stops on SIGTERM', async () => {
    const [slack, discord] = await Promise.all([fakeSlack(), fakeDiscord()]);
    slack.deliverOverSocketMode();
    const { bot, url } = await start({
      ...slack.env(),
      ...discord.env(),
      USER_CHECKS_PER_HOUR: '30',
    });

    // What an operator reads first: platforms and modes, auth method, limits, and the simulator warning.
    const starting = await bot.waitForLog(byMessage('bitmind-bot starting'), 'the start summary');
    expect(starting.platforms).toEqual([
      { platform: 'slack', runs: 'Slack in Socket Mode' },
      { platform: 'discord', runs: 'Discord, shards as Discord recommends' },
    ]);
    expect(starting.bitmind).toEqual({ auth: 'simulator' });
    expect(starting.limits).toEqual({
      concurrency: 4,
      requestsPerMinute: 60,
      maxMediaPerRequest: 20,
      checksPerPersonPerHour: 30,
    });
    const warning = await bot.waitForLog(byMessage('SIMULATED'), 'the simulator warning');
    expect(warning.level).toBe(40);

    expect(await get(`${url}/healthz`)).toMatchObject({ status: 200, text: '{"status":"ok"}' });
    expect(await readyz(url, 200)).toEqual({ status: 'ready', details: [] });

    const slackMessage = slackImageMessage(slack, 'slack.png', 0.93);
    await slack.shortcut({
      user: slack.users.alice.id,
      channel: slack.channels.general,
      message: slackMessage,
    });
    expect(await slackFinalText(slack, slackMessage.ts)).toMatch(/Strong evidence of AI generation/);

    const discordMessage = discordImageMessage(discord, 'discord.png', 0.12);
    const interaction = discord.messageCommand({
      channelId: discord.channels.general.id,
      user: discord.users.alice,
      name: 'Check with BitMind',
      messageId: discordMessage,
    });
    expect(await discordAnswerText(discord, interaction)).toMatch(/Little evidence of AI generation/);

    const metrics = (await get(`${url}/metrics`)).text;
    expect(
      sample(metrics, 'bitmind_bot_checks_total{platform="slack",trigger="shortcut",outcome="ai"}'),
    ).toBe(1);
    expect(
      sample(metrics, 'bitmind_bot_checks_total{platform="discord",trigger="shortcut",outcome="not_ai"}'),
    ).toBe(1);

    bot.signal('SIGTERM');
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(bot.logs.some(byMessage('bitmind-bot stopped'))).toBe(true);
    // Secrets never reach the log.
    for (const secret of [slack.botToken, slack.appToken, discord.token])
      expect(bot.stdout).not.toContain(secret);
  });

  it('on SIGTERM lets three slow checks post their replies, tells a trigger arriving meanwhile privately, and exits 0', async () => {
    const slack = await fakeSlack();
    const { sim, env } = await simulator(1500);
    const { bot, url } = await start({
      ...env,
      ...slack.env('http'),
      SHUTDOWN_GRACE_SECONDS: '10',
    });
    slack.deliverOverHttp(`${url}/slack/events`);
    await readyz(url, 200);
    expect(bot.logs.find(byMessage('bitmind-bot starting'))?.bitmind).toEqual({
      auth: 'oauth',
      url: `${sim.url}/`,
    });
    expect(bot.logs.some(byMessage('SIMULATED'))).toBe(false);

    const messages = [0.91, 0.55, 0.08].map((score, i) => slackImageMessage(slack, `slow-${i}.png`, score));
    for (const message of messages)
      await slack.shortcut({ user: slack.users.alice.id, channel: slack.channels.general, message });
    await waitFor(
      () => messages.every((m) => slack.threadReplies(slack.channels.general, m.ts).length === 1),
      { what: 'three checks under way (their placeholders posted)' },
    );

    const signalledAt = Date.now();
    bot.signal('SIGTERM');
    await bot.waitForLog(byMessage('draining'), 'the drain to begin');
    const late = slackImageMessage(slack, 'late.png', 0.5);
    const delivered = await slack.shortcut({
      user: slack.users.alice.id,
      channel: slack.channels.general,
      message: late,
    });
    expect(delivered.status).toBe(200);

    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    const replies = await Promise.all(messages.map((m) => slackFinalText(slack, m.ts, 0)));
    expect(replies[0]).toMatch(/Strong evidence/);
    expect(replies[1]).toMatch(/Some evidence/);
    expect(replies[2]).toMatch(/Little evidence/);
    // They were still under way when the signal came: the drain waited for them.
    const verdictEdits = slack.callsTo('chat.update').filter((c) => /slow-/.test(JSON.stringify(c.args)));
    expect(verdictEdits).toHaveLength(3);
    for (const edit of verdictEdits) expect(edit.at).toBeGreaterThan(signalledAt);
    // The late trigger is told, privately, that the bot is restarting; nothing is posted in its thread.
    expect(slack.responses(delivered.responseUrl).map((r) => r.args.text)).toEqual([
      'BitMind is restarting, try again in a minute.',
    ]);
    expect(slack.threadReplies(slack.channels.general, late.ts)).toEqual([]);
    // The late trigger was not checked: its file was never even downloaded.
    expect(slack.downloads.map((d) => d.path).filter((p) => p.endsWith('/late.png'))).toEqual([]);
    expect(slack.downloads.map((d) => d.path).filter((p) => p.includes('/slow-'))).toHaveLength(3);
  });

  it('on SIGTERM answers a check that cannot finish in the grace period with "restarting", and exits 0', async () => {
    const discord = await fakeDiscord();
    const { sim, env } = await simulator();
    const { bot, url } = await start({
      ...env,
      ...discord.env(),
      SHUTDOWN_GRACE_SECONDS: '2',
    });
    await readyz(url, 200);
    sim.next({ kind: 'stall', path: '/image' });
    const interaction = discord.messageCommand({
      channelId: discord.channels.general.id,
      user: discord.users.alice,
      name: 'Check with BitMind',
      messageId: discordImageMessage(discord, 'stuck.png', 0.7),
    });
    await waitFor(() => sim.requests.some((r) => r.path === '/image'), {
      what: 'the check to reach BitMind',
    });

    bot.signal('SIGTERM');
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(await discordAnswerText(discord, interaction, 0)).toContain(
      'BitMind is restarting, try again in a minute.',
    );
    expect(bot.logs.some(byMessage('cutting off'))).toBe(true);
  });
});
