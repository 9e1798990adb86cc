import { createServer, type Server } from 'node:http';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../fakes/slack/index.js';
import { startCore, type TestCore } from '../helpers/core.js';
import { png } from '../helpers/media-samples.js';
import { waitFor } from '../helpers/wait.js';

/**
 * One Slack test world on loopback: the fake Slack (Web API, files, Socket Mode), the real core on
 * the BitMind simulator, and the real adapter (Bolt) between them, in HTTP or Socket Mode. In HTTP
 * mode the adapter's `handleHttp` is mounted on a loopback server of the rig's own.
 */
export interface SlackRig {
  readonly slack: FakeSlack;
  readonly core: TestCore;
  readonly adapter: SlackAdapter;
  /** The request URL Slack posts to in HTTP mode. */
  readonly eventsUrl: string | undefined;
  close(): Promise<void>;
}

export interface RigOptions {
  readonly mode: 'http' | 'socket';
  readonly env?: Record<string, string>;
  /** Reuse a fake Slack (a restart keeps the workspace); the rig then leaves it open on close. */
  readonly slack?: FakeSlack;
  /** Reuse a DATA_DIR (a restart keeps the settings). */
  readonly dataDir?: string;
}

export async function startSlackRig(options: RigOptions): Promise<SlackRig> {
  const slack = options.slack ?? (await startFakeSlack({ pingIntervalMs: 1000 }));
  const core = await startCore({
    dataDir: options.dataDir,
    env: {
      ...slack.env(options.mode),
      SHUTDOWN_GRACE_SECONDS: '5',
      ...options.env,
    },
  });
  const adapter = createSlackAdapter({
    config: core.config,
    logger: core.logger,
    checker: core.checker,
    settings: core.settings,
    fetcher: core.fetcher,
    bitmind: core.bitmind,
    metrics: core.metrics,
  });

  let server: Server | undefined;
  let eventsUrl: string | undefined;
  if (options.mode === 'http') {
    const listening = createServer((req, res) => adapter.handleHttp(req, res));
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const address = listening.address();
    if (!address || typeof address === 'string') throw new Error('rig server did not get a port');
    eventsUrl = `http://127.0.0.1:${address.port}/slack/events`;
    slack.deliverOverHttp(eventsUrl);
  } else {
    slack.deliverOverSocketMode();
  }
  await adapter.start();
  if (options.mode === 'socket') await slack.socket.waitForConnection();

  return {
    slack,
    core,
    adapter,
    eventsUrl,
    async close() {
      await adapter.stop();
      const open = server;
      if (open) {
        open.closeAllConnections();
        await new Promise<void>((resolve) => open.close(() => resolve()));
      }
      await core.close();
      if (!options.slack) await slack.close();
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

/** Lets in-flight work settle, so a test can assert that nothing more happened. */
export async function settle(ms = 300): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}
