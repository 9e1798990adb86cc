import { createServer, type Server } from 'node:http';
import type { SlackAdapter } from '../../adapters/slack/index.js';
import { slackPlatform } from '../../adapters/slack/platform.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../fakes/slack/index.js';
import { connectPlatform, type ConnectedPlatform, type DecidedPlan } from '../helpers/connect.js';
import { startCore, type TestCore } from '../helpers/core.js';
import { png } from '../helpers/media-samples.js';
import { waitFor } from '../helpers/wait.js';

/**
 * One Slack test world on loopback: the fake Slack (Web API, files, Socket Mode), the real core on
 * the BitMind simulator, and the real adapter (Bolt) on the real pipeline between them, in HTTP or
 * Socket Mode, wired as `start` wires them. In HTTP mode the adapter's routes are mounted on a
 * loopback server of the rig's own.
 */
export interface SlackRig {
  readonly slack: FakeSlack;
  readonly core: TestCore;
  readonly adapter: SlackAdapter;
  readonly connected: ConnectedPlatform;
  /** The request URL Slack posts to in HTTP mode. */
  readonly eventsUrl: string | undefined;
  /** The bot's own address in HTTP mode (`http://127.0.0.1:<port>`), where /slack/install is. */
  readonly origin: string | undefined;
  /**
   * Resolves once everything delivered so far is answered: call it after a delivery was
   * acknowledged (the fake's `react`, `command`… resolve on the ack). The adapter tracks each
   * delivery from before its ack, so nothing Slack sent can still be in flight after this.
   */
  idle(): Promise<void>;
  /** Plans decided since `mark` (an index into the list, from `planCount()`). */
  plansSince(mark: number): DecidedPlan[];
  planCount(): number;
  close(): Promise<void>;
}

export interface RigOptions {
  readonly mode: 'http' | 'socket';
  readonly env?: Record<string, string>;
  /** Reuse a fake Slack (a restart keeps the workspace); the rig then leaves it open on close. */
  readonly slack?: FakeSlack;
  /** Reuse a DATA_DIR (a restart keeps the settings and the state store). */
  readonly dataDir?: string;
  /**
   * HTTP mode as a distributed app (SLACK_CLIENT_ID…, no bot token): workspaces install it through
   * the fake's OAuth; `env` still adds to or overrides the settings (REDIS_URL, another key…).
   */
  readonly distributed?: boolean;
}

/** Settings of distributed mode that the fake does not make: the bot's own secrets. */
export const DISTRIBUTED_SECRETS = {
  SLACK_STATE_SECRET: 'fake-state-secret-that-is-long-enough-0123456789',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
} as const;

export async function startSlackRig(options: RigOptions): Promise<SlackRig> {
  const slack = options.slack ?? (await startFakeSlack({ pingIntervalMs: 1000 }));
  // In HTTP mode the rig's server listens first: distributed mode needs its address in its settings.
  let routes: SlackAdapter['routes'] = [];
  let server: Server | undefined;
  let origin: string | undefined;
  if (options.mode === 'http') {
    const listening = createServer((req, res) => {
      const route = routes.find((r) => r.path === new URL(req.url ?? '/', 'http://x').pathname);
      if (route) route.handle(req, res);
      else res.writeHead(404).end();
    });
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const address = listening.address();
    if (!address || typeof address === 'string') throw new Error('rig server did not get a port');
    origin = `http://127.0.0.1:${address.port}`;
  }
  const modeEnv = options.distributed
    ? {
        ...slack.distributedEnv(),
        ...DISTRIBUTED_SECRETS,
        SLACK_REDIRECT_URL: `${origin}/slack/oauth_redirect`,
      }
    : slack.env(options.mode);
  const core = await startCore({
    dataDir: options.dataDir,
    env: {
      ...modeEnv,
      SHUTDOWN_GRACE_SECONDS: '5',
      ...options.env,
    },
  });
  const connected = await connectPlatform(core, slackPlatform);
  const adapter = connected.adapter as SlackAdapter;
  routes = adapter.routes;

  const eventsUrl = origin === undefined ? undefined : `${origin}/slack/events`;
  if (eventsUrl !== undefined) slack.deliverOverHttp(eventsUrl);
  else slack.deliverOverSocketMode();
  await adapter.start();
  if (options.mode === 'socket') await slack.socket.waitForConnection();

  let closed: Promise<void> | undefined;
  return {
    slack,
    core,
    adapter,
    connected,
    eventsUrl,
    origin,
    idle: () => connected.pipeline.idle(),
    plansSince: (mark) => connected.plans.slice(mark),
    planCount: () => connected.plans.length,
    close() {
      closed ??= (async () => {
        await connected.stop();
        const open = server;
        if (open) {
          open.closeAllConnections();
          await new Promise<void>((resolve) => open.close(() => resolve()));
        }
        await core.close();
        if (!options.slack) await slack.close();
      })();
      return closed;
    },
  };
}

/** A real PNG that the simulator scores `score` (its marker travels in the trailing bytes). */
export function pngScored(score: number): Buffer {
  return Buffer.concat([png(), Buffer.from(`bitmind-sim-score=${score}`)]);
}

/** Waits until the bot's reply in a thread is final (no longer the placeholder) and returns it. */
export async function finalReply(
  slack: FakeSlack,
  channel: string,
  threadTs: string,
  timeoutMs = 8000,
): Promise<StoredMessage> {
  return waitFor(
    () => {
      const replies = slack.threadReplies(channel, threadTs);
      const last = replies.at(-1);
      return last && !/^Checking \d+ files?…$/.test(last.text) ? last : undefined;
    },
    { timeoutMs, what: `the bot's final reply in thread ${threadTs}` },
  );
}

/** The text of every block of a message, joined, for assertions on what a person reads. */
export function blockText(message: { blocks?: unknown[] } | Record<string, unknown>): string {
  const blocks = (message.blocks ?? []) as Array<{
    text?: { text?: string };
    elements?: Array<{ text?: string }>;
  }>;
  return blocks
    .flatMap((b) => [b.text?.text, ...(b.elements ?? []).map((e) => e.text)])
    .filter((t): t is string => typeof t === 'string')
    .join('\n');
}
