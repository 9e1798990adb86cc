import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startSimulator } from '../../src/simulator/index.js';
import { spawnCli, type CliChild, type LogLine } from '../helpers/cli-child.js';
import { waitFor } from '../helpers/wait.js';
import {
  cleanups,
  fakeSlack,
  readyz,
  runCleanups,
  slackFinalText,
  slackImageMessage,
  tempDataDir,
} from './support.js';

/** `bitmind-bot start` killed without warning, then started again on the same DATA_DIR. */

afterEach(runCleanups);

async function start(env: Record<string, string>): Promise<{ bot: CliChild; url: string }> {
  const bot = spawnCli(['start'], { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'debug', ...env });
  cleanups.push(() => bot.close());
  const listening = await bot.waitForLog(
    (l) => l.msg?.startsWith('HTTP server listening') === true,
    'listening',
  );
  const url = new URL(String(listening.url)).origin;
  await readyz(url, 200);
  return { bot, url };
}

/** The fake Slack in HTTP mode, a BitMind simulator this slow, and one DATA_DIR for both runs. */
async function world(latencyMs: number, extra: Record<string, string> = {}) {
  const slack = await fakeSlack();
  const sim = await startSimulator({ latencyMs });
  cleanups.push(() => sim.close());
  const dataDir = await tempDataDir();
  cleanups.push(() => dataDir.remove());
  const env = {
    ...slack.env('http'),
    DATA_DIR: dataDir.path,
    BITMIND_BASE_URL: sim.url,
    BITMIND_CLIENT_ID: sim.credentials.clientId,
    BITMIND_CLIENT_SECRET: sim.credentials.clientSecret,
    ...extra,
  };
  return { slack, sim, env };
}

const areasOf = (pid: number | undefined) =>
  readdirSync(tmpdir()).filter((name) => name.startsWith(`bitmind-bot-${pid}-`));

it('after SIGKILL with three checks in flight, the next start answers each placeholder once, in place, and a redelivered event is not answered again', async () => {
  const { slack, sim, env } = await world(60_000);

  const first = await start(env);
  slack.deliverOverHttp(`${first.url}/slack/events`);
  const messages = [0.92, 0.6, 0.07].map((score, i) => slackImageMessage(slack, `crash-${i}.png`, score));
  const reactions = [];
  for (const message of messages)
    reactions.push(
      await slack.react({
        user: slack.users.alice.id,
        channel: slack.channels.general,
        ts: message.ts,
        reaction: 'mag',
      }),
    );
  await waitFor(
    () =>
      messages.every((m) => slack.threadReplies(slack.channels.general, m.ts).length === 1) &&
      slack.downloads.filter((d) => d.path.includes('/crash-')).length === 3,
    { what: 'three placeholders posted and their files downloaded (the checks now wait on BitMind)' },
  );
  expect(areasOf(first.bot.pid)).toHaveLength(1);

  first.bot.signal('SIGKILL');
  expect(await first.bot.exited).toEqual({ code: null, signal: 'SIGKILL' });
  // The dead process's answers are still owed, and its temporary area is still there.
  expect(areasOf(first.bot.pid)).toHaveLength(1);

  sim.setFaults({ latencyMs: 0 });
  const second = await start(env);
  slack.deliverOverHttp(`${second.url}/slack/events`);
  // Slack retries the first reaction's event: the same event id, a retry number.
  const retried = await slack.react(
    { user: slack.users.alice.id, channel: slack.channels.general, ts: messages[0]!.ts, reaction: 'mag' },
    { eventId: reactions[0]!.id, retryNum: 1 },
  );
  expect(retried.status).toBe(200);
  await second.bot.waitForLog(
    (l: LogLine) => l.msg === 'trigger not answered' && l.reason === 'duplicate',
    'the retried event to be recognised',
  );

  const texts = await Promise.all(messages.map((m) => slackFinalText(slack, m.ts)));
  expect(texts[0]).toMatch(/Strong evidence/);
  expect(texts[1]).toMatch(/Some evidence/);
  expect(texts[2]).toMatch(/Little evidence/);
  // Answered in place of the placeholders: one message in each thread, edited, never a second post.
  for (const m of messages) expect(slack.threadReplies(slack.channels.general, m.ts)).toHaveLength(1);
  expect(second.bot.logs.some((l) => l.msg === 'answering the placeholders a previous run left')).toBe(true);
  // The dead process's temporary area was removed at the second start.
  expect(areasOf(first.bot.pid)).toEqual([]);
  expect(existsSync(join(tmpdir(), areasOf(second.bot.pid)[0] ?? 'none'))).toBe(true);
});

it('on SIGTERM while Slack answers every update with 429, the answers not delivered in time are kept, and the next start delivers each once', async () => {
  const { slack, env } = await world(500, { SHUTDOWN_GRACE_SECONDS: '2' });

  const first = await start(env);
  slack.deliverOverHttp(`${first.url}/slack/events`);
  const messages = Array.from({ length: 8 }, (_, i) => slackImageMessage(slack, `storm-${i}.png`, 0.9));
  for (const message of messages)
    await slack.react({
      user: slack.users.alice.id,
      channel: slack.channels.general,
      ts: message.ts,
      reaction: 'mag',
    });
  await waitFor(() => messages.every((m) => slack.threadReplies(slack.channels.general, m.ts).length === 1), {
    what: 'eight placeholders posted',
  });
  // From now on Slack refuses every edit for longer than the whole grace period.
  slack.web.rateLimitNext('chat.update', { times: 1000, retryAfterSeconds: 60 });
  first.bot.signal('SIGTERM');
  expect((await first.bot.exited).code).toBe(0);
  const stillPlaceholders = messages.filter((m) =>
    /^Checking/.test(slack.threadReplies(slack.channels.general, m.ts)[0]?.text ?? ''),
  );
  expect(stillPlaceholders.length).toBeGreaterThan(0);

  slack.web.clearFailures();
  const second = await start(env);
  slack.deliverOverHttp(`${second.url}/slack/events`);
  for (const m of messages) expect(await slackFinalText(slack, m.ts)).toMatch(/Strong evidence|restarting/);
  for (const m of messages) expect(slack.threadReplies(slack.channels.general, m.ts)).toHaveLength(1);
});
