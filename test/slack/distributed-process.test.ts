import { afterEach, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli-child.js';
import { freePort } from '../helpers/free-port.js';
import {
  cleanups,
  fakeSlack,
  readyz,
  runCleanups,
  slackFinalText,
  slackImageMessage,
  tempDataDir,
} from '../start/support.js';
import { installThroughSlack } from './install-flow.js';
import { DISTRIBUTED_SECRETS } from './rig.js';

afterEach(runCleanups);

it('`bitmind-bot start` in distributed mode: installed through the flow, answers, and still answers after a restart', async () => {
  const slack = await fakeSlack();
  const workspace = slack.addWorkspace({ teamId: 'T0PROCESS', domain: 'process', name: 'Process' });
  const dataDir = await tempDataDir();
  cleanups.push(() => dataDir.remove());
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    ...slack.distributedEnv(),
    ...DISTRIBUTED_SECRETS,
    SLACK_REDIRECT_URL: `${origin}/slack/oauth_redirect`,
    DATA_DIR: dataDir.path,
    HOST: '127.0.0.1',
    PORT: String(port),
  };
  slack.deliverOverHttp(`${origin}/slack/events`);
  slack.use(workspace);

  const run = async () => {
    const bot = spawnCli(['start'], env);
    cleanups.push(() => bot.close());
    await bot.waitForLog((l) => l.msg?.startsWith('HTTP server listening') === true, 'listening');
    await readyz(origin, 200);
    return bot;
  };

  const first = await run();
  const installed = await installThroughSlack({ origin, slack }, { approve: workspace });
  expect(installed.page.status).toBe(200);
  const before = slackImageMessage(slack, 'process-1.png', 0.9);
  await slack.react({
    user: slack.users.alice.id,
    channel: slack.channels.general,
    ts: before.ts,
    reaction: 'mag',
  });
  expect(await slackFinalText(slack, before.ts)).toMatch(/Strong evidence/);
  first.signal('SIGTERM');
  expect((await first.exited).code).toBe(0);

  await run();
  const after = slackImageMessage(slack, 'process-2.png', 0.1);
  await slack.react({
    user: slack.users.alice.id,
    channel: slack.channels.general,
    ts: after.ts,
    reaction: 'mag',
  });
  expect(await slackFinalText(slack, after.ts)).toMatch(/evidence/);
  const token = slack.oauth.tokenOf('T0PROCESS');
  expect(slack.downloads.map((d) => d.headers.authorization)).toEqual([`Bearer ${token}`, `Bearer ${token}`]);
});
