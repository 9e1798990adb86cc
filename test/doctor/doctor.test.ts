import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../adapters/discord/index.js';
import { BOT_SCOPES } from '../../adapters/slack/index.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.js';
import { runCli } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-cli.js';

let slack: FakeSlack;
let discord: FakeDiscord;
let sim: Simulator;
let dataDir: string;

beforeAll(async () => {
  [slack, discord, sim] = await Promise.all([startFakeSlack(), startFakeDiscord(), startSimulator()]);
  dataDir = await mkdtemp(join(tmpdir(), 'bitmind-doctor-'));
});
afterAll(async () => {
  await Promise.all([slack.close(), discord.close(), sim.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

/** The world as an operator who followed the setup guides leaves it; each test breaks one thing. */
const APPLICATION_FLAGS = 1 << 19;
function registerCommands(): void {
  discord.rest.commands.set('global', JSON.parse(JSON.stringify(commandDefinitions())) as unknown[]);
}
afterEach(() => {
  slack.web.botScopes = BOT_SCOPES;
  discord.world.application.flags = APPLICATION_FLAGS;
  registerCommands();
  sim.setPermissions(sim.credentials.clientId, ['image_inference', 'video_inference', 'batch_processing']);
});

/** Socket Mode Slack, Discord, and BitMind on the embedded simulator (no credentials). */
function healthyEnv(): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    ...slack.env(),
    ...discord.env(),
  };
}

/** BitMind on the test's own simulator, with OAuth credentials. */
function simulatorCredentials(secret = sim.credentials.clientSecret): Record<string, string> {
  return {
    BITMIND_BASE_URL: sim.url,
    BITMIND_CLIENT_ID: sim.credentials.clientId,
    BITMIND_CLIENT_SECRET: secret,
  };
}

async function doctor(env: Record<string, string>, args: string[] = []) {
  const { code, stdout: out, stderr: err } = await runInProcess(['doctor', ...args], env);
  return { code, out, err };
}

/** The checklist lines (mark and title) of one section, in order. */
function section(out: string, name: string): string[] {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => l === name || l.startsWith(`${name} (`));
  expect(start, `section ${name} in:\n${out}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l === '');
  return lines
    .slice(start + 1, end)
    .filter((l) => /^ {2}[✓✗–] /.test(l))
    .map((l) => l.trim());
}

function expectNoSecrets(text: string): void {
  for (const secret of [
    slack.botToken,
    slack.appToken,
    slack.signingSecret,
    discord.token,
    sim.credentials.clientSecret,
  ])
    expect(text).not.toContain(secret);
}

describe('bitmind-bot doctor, as a child process', () => {
  it('passes every line against the fake Slack and Discord and the embedded simulator, and exits 0', async () => {
    registerCommands();
    const run = await runCli(['doctor'], { env: healthyEnv(), cwd: dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(section(run.stdout, 'Configuration')).toEqual([
      '✓ Configuration is valid',
      expect.stringMatching(/^✓ Settings directory is writable/),
    ]);
    expect(run.stdout).toContain(
      'BitMind: none (embedded simulator); platforms: Slack in Socket Mode, Discord',
    );
    expect(run.stdout).toMatch(/embedded simulator, and the\n {2}bot would give SIMULATED verdicts/);
    expect(section(run.stdout, 'BitMind')).toEqual([
      expect.stringMatching(/^✓ Reachable at http:\/\/127\.0\.0\.1:\d+ \(\/health: healthy/),
      expect.stringMatching(/^✓ Credentials accepted/),
      '✓ Permissions: image, video and batch checks',
    ]);
    expect(section(run.stdout, 'Slack')).toEqual([
      '✓ Bot token valid (bot @bitmind in Fake)',
      `✓ Scopes: all ${BOT_SCOPES.length} that manifest/slack.yaml asks for`,
      '✓ App-level token valid (SLACK_APP_TOKEN): Socket Mode can connect',
    ]);
    expect(section(run.stdout, 'Discord')).toEqual([
      '✓ Bot token valid (application "BitMind")',
      '✓ Message Content intent enabled',
      '✓ Shards: 1, as Discord recommends (DISCORD_SHARD_COUNT=auto)',
      '✓ Commands registered: /bitmind, "Check with BitMind" (message command)',
    ]);
    expect(run.stdout).toMatch(/All checks passed\.\n$/);
    expectNoSecrets(run.stdout);
  });

  it('exits 1 when BitMind rejects the credentials (a real simulator, a wrong secret), and names what to check', async () => {
    const wrong = 'not-the-secret-5f2a9c';
    const run = await runCli(['doctor'], {
      env: { ...healthyEnv(), ...simulatorCredentials(wrong) },
      cwd: dataDir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(section(run.stdout, 'BitMind')).toEqual([
      expect.stringMatching(/^✓ Reachable at/),
      '✗ Credentials not accepted (OAuth client credentials)',
      '– Permissions not read: /status needs accepted credentials',
    ]);
    expect(run.stdout).toMatch(
      /Fix: BitMind did not accept our credentials: check BITMIND_CLIENT_ID and BITMIND_CLIENT_SECRET/,
    );
    expect(run.stdout).not.toContain('simulator, and the');
    expect(run.stdout).toMatch(/1 check failed/);
    expect(run.stdout + run.stderr).not.toContain(wrong);
    expectNoSecrets(run.stdout + run.stderr);
  });

  it('exits 1 on an invalid configuration, listing every problem, and 2 on a usage error', async () => {
    const callsBefore = discord.calls.length;
    const invalid = await runCli(['doctor'], {
      env: {
        DATA_DIR: dataDir,
        SLACK_BOT_TOKEN: 'xoxp-user-token-1234',
        PORT: 'eighty',
        DISCORD_TOKEN: discord.token,
      },
      cwd: dataDir,
    });
    expect(invalid.code).toBe(1);
    expect(section(invalid.stdout, 'Configuration')).toEqual([
      '✗ Configuration is not valid',
      '– BitMind and the chat platforms not checked: the configuration comes first',
    ]);
    expect(invalid.stdout).toContain('- PORT must be a whole number (got "eighty")');
    expect(invalid.stdout).toContain('- SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
    expect(invalid.stdout).toContain('- SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing');
    expect(invalid.stdout).not.toContain('xoxp-user-token-1234');
    // Nothing was probed: the fake Discord saw no request from this run.
    expect(discord.calls.length).toBe(callsBefore);

    const usage = await runCli(['doctor', '--timeout', 'soon'], { env: healthyEnv(), cwd: dataDir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--timeout: /);
  });
});

describe('bitmind-bot doctor, failing lines and their fixes', () => {
  it('a bad Slack bot token: the line fails with where to copy the token, and the scopes are skipped', async () => {
    const wrong = 'xoxb-0000-wrong-token';
    const { code, out, err } = await doctor({ ...healthyEnv(), SLACK_BOT_TOKEN: wrong });
    expect(code).toBe(1);
    expect(section(out, 'Slack')).toEqual([
      '✗ Bot token (SLACK_BOT_TOKEN) not accepted',
      '– Scopes not read: auth.test failed',
      '✓ App-level token valid (SLACK_APP_TOKEN): Socket Mode can connect',
    ]);
    expect(out).toContain('Slack answered "invalid_auth".');
    expect(out).toContain('Fix: copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions');
    expect(out + err).not.toContain(wrong);
  });

  it('missing scopes: lists them (from x-oauth-scopes) and says to reinstall from the manifest', async () => {
    slack.web.botScopes = BOT_SCOPES.filter((s) => s !== 'reactions:write' && s !== 'users:read');
    const { code, out } = await doctor(healthyEnv());
    expect(code).toBe(1);
    expect(section(out, 'Slack')).toContain('✗ Scopes missing: reactions:write, users:read');
    expect(out).toContain('Fix: reinstall the app from manifest/slack.yaml');
    expect(slack.callsTo('auth.test').at(-1)?.headers.authorization).toBe(`Bearer ${slack.botToken}`);
  });

  it('a bad app-level token: fails with where to make one, and no WebSocket is opened', async () => {
    const connectionsBefore = slack.socket.connectionCount;
    const { code, out } = await doctor({ ...healthyEnv(), SLACK_APP_TOKEN: 'xapp-1-A0FAKE-wrong' });
    expect(code).toBe(1);
    expect(section(out, 'Slack')).toEqual([
      '✓ Bot token valid (bot @bitmind in Fake)',
      expect.stringMatching(/^✓ Scopes: all/),
      '✗ App-level token (SLACK_APP_TOKEN) not accepted',
    ]);
    expect(out).toContain('Fix: copy an app-level token (xapp-…) with connections:write');
    expect(slack.socket.connectionCount).toBe(connectionsBefore);
  });

  it('HTTP mode: says the signing secret is set and where Slack must send events, without asking for a socket', async () => {
    const opensBefore = slack.callsTo('apps.connections.open').length;
    const env: Record<string, string> = {
      ...healthyEnv(),
      SLACK_SIGNING_SECRET: slack.signingSecret,
      PORT: '8088',
    };
    delete env.SLACK_APP_TOKEN;
    const { code, out } = await doctor(env);
    expect(code).toBe(0);
    expect(section(out, 'Slack')).toEqual([
      '✓ Bot token valid (bot @bitmind in Fake)',
      `✓ Scopes: all ${BOT_SCOPES.length} that manifest/slack-http.yaml asks for`,
      '✓ Signing secret set (SLACK_SIGNING_SECRET)',
    ]);
    expect(out).toContain("https://<this service's public address>/slack/events");
    expect(out).toContain('port 8088');
    expect(slack.callsTo('apps.connections.open')).toHaveLength(opensBefore);
    expectNoSecrets(out);
  });

  it('a bad Discord token: fails with where to reset it, and skips what needs the token', async () => {
    const { code, out } = await doctor({ ...healthyEnv(), DISCORD_TOKEN: 'not.a.token' });
    expect(code).toBe(1);
    expect(section(out, 'Discord')).toEqual([
      '✗ Bot token (DISCORD_TOKEN) not accepted',
      '– Message Content intent not read: GET /applications/@me failed',
      '– Shards not checked: GET /applications/@me failed',
      '– Commands not read: GET /applications/@me failed',
    ]);
    expect(out).toContain('Discord answered 401 Unauthorized.');
    expect(out).toContain('Fix: copy the token again from the Bot page');
  });

  it('the Message Content intent off: fails and says where to turn it on; either portal flag counts as on', async () => {
    discord.world.application.flags = 0;
    const off = await doctor(healthyEnv());
    expect(off.code).toBe(1);
    expect(section(off.out, 'Discord')).toContain('✗ Message Content intent is off');
    expect(off.out).toContain('Privileged Gateway Intents');

    discord.world.application.flags = 1 << 18; // a verified app's GATEWAY_MESSAGE_CONTENT
    const verified = await doctor(healthyEnv());
    expect(verified.code).toBe(0);
    expect(section(verified.out, 'Discord')).toContain('✓ Message Content intent enabled');
  });

  it("shards: a count far below Discord's recommendation fails with the fix; one a little below passes with the figures", async () => {
    discord.sharding.shards = 12;
    try {
      const far = await doctor({ ...healthyEnv(), DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '0-1' });
      expect(far.code).toBe(1);
      expect(section(far.out, 'Discord')).toContain(
        "✗ Shards: DISCORD_SHARD_COUNT=4 is far below Discord's recommendation of 12",
      );
      expect(far.out).toContain('Fix: set DISCORD_SHARD_COUNT to 12 (or auto) in every process');
      expect(far.out).toContain('4011');

      const near = await doctor({ ...healthyEnv(), DISCORD_SHARD_COUNT: '8', DISCORD_SHARD_IDS: '2,3' });
      expect(near.code).toBe(0);
      expect(section(near.out, 'Discord')).toContain(
        "✓ Shards: 8, below Discord's recommendation of 12; this process runs shards 2,3",
      );
      expect(near.out).toContain('Each shard carries about 1500 servers; Discord refuses more than 2500.');

      const enough = await doctor({ ...healthyEnv(), DISCORD_SHARD_COUNT: '12' });
      expect(section(enough.out, 'Discord')).toContain(
        '✓ Shards: 12 (Discord recommends 12); this process runs all of them',
      );
    } finally {
      discord.sharding.shards = undefined;
    }
  });

  it('commands not registered: names the missing ones and says to run register-commands', async () => {
    discord.rest.commands.set('global', [{ name: 'bitmind', type: 1 }]);
    const { code, out } = await doctor(healthyEnv());
    expect(code).toBe(1);
    expect(section(out, 'Discord')).toContain(
      '✗ Commands not registered: "Check with BitMind" (message command)',
    );
    expect(out).toContain('Fix: run bitmind-bot register-commands');

    discord.rest.commands.delete('global');
    const none = await doctor(healthyEnv());
    expect(section(none.out, 'Discord')).toContain(
      '✗ Commands not registered: /bitmind, "Check with BitMind" (message command)',
    );
  });

  it('BitMind down: the line fails naming the address, and credentials and permissions are skipped', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    const { code, out } = await doctor({
      ...healthyEnv(),
      ...simulatorCredentials(),
      BITMIND_BASE_URL: `http://127.0.0.1:${port}`,
    });
    expect(code).toBe(1);
    expect(section(out, 'BitMind')).toEqual([
      `✗ Not reachable at http://127.0.0.1:${port}`,
      '– Credentials not tried: BitMind is not reachable',
      '– Permissions not read: BitMind is not reachable',
    ]);
    expect(out).toContain('Could not reach BitMind (ECONNREFUSED)');
    expect(out).toContain('Fix: check BITMIND_BASE_URL');
  });

  it('missing permissions: says which and what the bot will do; a missing batch permission alone passes with a note', async () => {
    sim.setPermissions(sim.credentials.clientId, ['image_inference']);
    const { code, out } = await doctor({ ...healthyEnv(), ...simulatorCredentials() });
    expect(code).toBe(1);
    expect(section(out, 'BitMind')).toEqual([
      expect.stringMatching(/^✓ Reachable/),
      '✓ Credentials accepted (OAuth client credentials) as "Simulator OAuth client" (enterprise)',
      '✗ Permissions missing: video_inference, batch_processing',
    ]);
    expect(out).toContain('videos are not checked: the bot answers that this account may not check videos');

    sim.setPermissions(sim.credentials.clientId, ['image_inference', 'video_inference']);
    const noBatch = await doctor({ ...healthyEnv(), ...simulatorCredentials() });
    expect(noBatch.code).toBe(0);
    expect(section(noBatch.out, 'BitMind')).toContain(
      '✓ Permissions: image and video checks (no batch_processing)',
    );
    expect(noBatch.out).toContain('one file per request');
  });

  it('no chat platform configured fails; an unwritable DATA_DIR fails with the Docker hint', async () => {
    const file = join(dataDir, 'a-file');
    await writeFile(file, '');
    const { code, out } = await doctor({ DATA_DIR: join(file, 'settings') });
    expect(code).toBe(1);
    expect(section(out, 'Configuration')).toEqual([
      '✓ Configuration is valid',
      '✗ No chat platform is configured: the bot would have nothing to listen to',
      `✗ Settings directory is not writable (DATA_DIR=${join(file, 'settings')})`,
    ]);
    expect(out).toContain('in Docker, mount a volume at /data');
    expect(section(out, 'Slack')).toEqual([
      expect.stringMatching(
        /^– Not configured \(to use Slack: set SLACK_BOT_TOKEN, and SLACK_APP_TOKEN .* or SLACK_SIGNING_SECRET .*docs\/slack\.md\)$/,
      ),
    ]);
    expect(section(out, 'Discord')).toEqual([
      expect.stringMatching(/^– Not configured \(to use Discord: set DISCORD_TOKEN; .*docs\/discord\.md\)$/),
    ]);
  });
});

describe('bitmind-bot doctor in Slack distributed mode', () => {
  const key = Buffer.alloc(32, 4).toString('base64');
  /** Distributed mode on the fake, its redirect URL at `redirect`, the store under `dir`. */
  const distributedEnv = (dir: string, redirect: string): Record<string, string> => {
    const env: Record<string, string> = {
      ...healthyEnv(),
      ...slack.distributedEnv(),
      DATA_DIR: dir,
      SLACK_STATE_SECRET: 'state-secret-long-enough-for-the-doctor-0123',
      SLACK_REDIRECT_URL: redirect,
      DATA_ENCRYPTION_KEY: key,
    };
    delete env.SLACK_APP_TOKEN;
    delete env.SLACK_BOT_TOKEN;
    for (const name of Object.keys(discord.env())) delete env[name];
    return env;
  };
  let bot: Server;
  let botUrl: string;
  beforeAll(async () => {
    // Stands in for the running bot at SLACK_REDIRECT_URL: a redirect without a code is a 400 page.
    bot = createServer((_req, res) => res.writeHead(400).end('no code'));
    await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
    botUrl = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/slack/oauth_redirect`;
  });
  afterAll(() => new Promise<void>((resolve) => bot.close(() => resolve())));

  it('checks the state secret, the key against the store, and that the redirect URL answers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bitmind-doctor-oauth-'));
    try {
      const { code, out } = await doctor(distributedEnv(dir, botUrl));
      expect(code, out).toBe(0);
      expect(section(out, 'Slack')).toEqual([
        '✓ State secret set (SLACK_STATE_SECRET, 44 characters, at least 32)',
        '✓ Encryption key valid (DATA_ENCRYPTION_KEY): it opens the installation store',
        '✓ Redirect URL answers (SLACK_REDIRECT_URL, HTTP 400)',
        '✓ Signing secret set (SLACK_SIGNING_SECRET)',
      ]);
      expect(out).toContain('/slack/install');
      expect(out).not.toContain(key);
      expect(out).not.toContain(slack.oauth.clientSecret);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails a key that does not open the store, and a redirect URL nobody answers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bitmind-doctor-oauth-'));
    try {
      const written = {
        ...distributedEnv(dir, botUrl),
        DATA_ENCRYPTION_KEY: Buffer.alloc(32, 8).toString('hex'),
      };
      await writeFile(
        join(dir, 'slack-installations.json'),
        JSON.stringify({
          version: 1,
          entries: { keycheck: 'v1:AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA' },
        }),
      );
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const { code, out } = await doctor({
        ...written,
        SLACK_REDIRECT_URL: `http://127.0.0.1:${port}/slack/oauth_redirect`,
      });
      expect(code).toBe(1);
      expect(section(out, 'Slack')).toEqual([
        expect.stringMatching(/^✓ State secret set/),
        '✗ Installation store not readable',
        '✗ Redirect URL not reachable (SLACK_REDIRECT_URL)',
        '✓ Signing secret set (SLACK_SIGNING_SECRET)',
      ]);
      expect(out).toContain('DATA_ENCRYPTION_KEY does not open the Slack installation store');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints a new key to copy when DATA_ENCRYPTION_KEY is missing', async () => {
    const env = distributedEnv(dataDir, botUrl);
    delete env.DATA_ENCRYPTION_KEY;
    const { code, out } = await doctor(env);
    expect(code).toBe(1);
    expect(out).toContain('- DATA_ENCRYPTION_KEY is missing');
    const offered = /A new key for DATA_ENCRYPTION_KEY[^\n]*\n\s*([A-Za-z0-9+/]{43}=)/.exec(out)?.[1];
    expect(offered, out).toBeDefined();
    expect(Buffer.from(offered ?? '', 'base64')).toHaveLength(32);
  });
});

describe('bitmind-bot doctor never waits longer than --timeout', () => {
  let silent: Server;
  beforeAll(async () => {
    // Accepts connections and requests, and never answers one.
    silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((r) => silent.close(r));
  });

  it('fails each silent service at the deadline, saying what did not answer and that the token was not judged', async () => {
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const { code, out } = await doctor(
      {
        ...healthyEnv(),
        ...simulatorCredentials(),
        BITMIND_BASE_URL: url,
        SLACK_API_URL: `${url}/api/`,
        DISCORD_API_URL: `${url}/api`,
      },
      ['--timeout', '1'],
    );
    expect(code).toBe(1);
    expect(section(out, 'BitMind')[0]).toBe(`✗ Not reachable at ${url}`);
    expect(out).toContain('BitMind /health did not answer within 1 s');
    expect(section(out, 'Slack')).toEqual([
      '✗ Bot token (SLACK_BOT_TOKEN) not checked: Slack did not answer auth.test',
      '– Scopes not read: auth.test failed',
      '✗ App-level token (SLACK_APP_TOKEN) not checked: Slack did not answer apps.connections.open',
    ]);
    expect(out).toContain('Slack auth.test did not answer within 1 s');
    expect(out).toContain(`Fix: check SLACK_API_URL (${url}/api/)`);
    expect(section(out, 'Discord')[0]).toBe(
      '✗ Bot token (DISCORD_TOKEN) not checked: no usable answer from Discord',
    );
    expect(out).toContain('Discord GET /applications/@me did not answer within 1 s');
  });
});
