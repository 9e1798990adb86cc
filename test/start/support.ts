import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIEmbed, RESTPatchAPIWebhookWithTokenMessageJSONBody } from 'discord.js';
import { request } from 'undici';
import { startFakeDiscord, type FakeDiscord, type InteractionRecord } from '../fakes/discord/index.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../fakes/slack/index.js';
import { configuredPlatforms, loadBotConfig } from '../../src/platforms.js';
import type { Simulator } from '../../src/simulator/index.js';
import { startService, type Service } from '../../src/start.js';
import type { Logger } from '../../src/log.js';
import { captureLogger } from '../log/capture.js';
import { pngScored } from '../slack/rig.js';
import type { RedisTestServer } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';

export { pngScored };

/** What a test started, closed after it in reverse order (register `afterEach(runCleanups)`). */
export const cleanups: (() => Promise<void>)[] = [];

export async function runCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

export async function fakeSlack(): Promise<FakeSlack> {
  const slack = await startFakeSlack({ pingIntervalMs: 1000 });
  cleanups.push(() => slack.close());
  return slack;
}

export async function fakeDiscord(): Promise<FakeDiscord> {
  const fake = await startFakeDiscord();
  cleanups.push(() => fake.close());
  return fake;
}

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
  readonly contentType: string | undefined;
}

/** One GET on the bot's HTTP server. */
export async function get(url: string): Promise<HttpAnswer> {
  const res = await request(url, { headersTimeout: 5000, bodyTimeout: 5000 });
  const contentType = res.headers['content-type'];
  return {
    status: res.statusCode,
    text: await res.body.text(),
    contentType: typeof contentType === 'string' ? contentType : undefined,
  };
}

export interface ReadyzBody {
  readonly status: string;
  readonly reasons?: string[];
  readonly details: string[];
}

/** Waits until /readyz answers `status` (and its body satisfies `until`), and returns its JSON body. */
export async function readyz(
  baseUrl: string,
  status: 200 | 503,
  until: (body: ReadyzBody) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<ReadyzBody> {
  return waitFor(
    async () => {
      const a = await get(`${baseUrl}/readyz`);
      const body = JSON.parse(a.text) as ReadyzBody;
      return a.status === status && until(body) ? body : undefined;
    },
    { timeoutMs, intervalMs: 50, what: `/readyz ${status}` },
  );
}

/** The value of one sample in Prometheus text, or undefined when the series is absent. */
export function sample(metrics: string, series: string): number | undefined {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** A private DATA_DIR and its removal. */
export async function tempDataDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'bitmind-start-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * One running instance of the shared mode: Slack in HTTP mode on `slack`, the state and the check
 * queue on `redis`, BitMind's account the external simulator `sim` (so instances share it). Stopped
 * by `runCleanups` unless the test stops it first.
 */
export async function sharedInstance(options: {
  readonly slack: FakeSlack;
  readonly sim: Simulator;
  readonly redis: RedisTestServer;
  readonly env?: Record<string, string>;
  /** Where its log goes; warnings into a capture nobody reads, unless given. */
  readonly log?: Logger;
}): Promise<Service> {
  const { slack, sim, redis } = options;
  const dataDir = await tempDataDir();
  cleanups.push(() => dataDir.remove());
  const config = loadBotConfig({
    ...slack.env('http'),
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir.path,
    BITMIND_BASE_URL: sim.url,
    BITMIND_CLIENT_ID: sim.credentials.clientId,
    BITMIND_CLIENT_SECRET: sim.credentials.clientSecret,
    ALLOW_PRIVATE_URLS: 'true',
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    SHUTDOWN_GRACE_SECONDS: '1',
    ...options.env,
  });
  const log = options.log ?? captureLogger('warn').log;
  const running = await startService(config, configuredPlatforms(config), log);
  cleanups.push(() => running.stop());
  return running;
}

/** A Slack message with one image scored `score`, stored in #general (no event delivered). */
export function slackImageMessage(slack: FakeSlack, name: string, score: number): StoredMessage {
  const file = slack.addFile({ name, mimetype: 'image/png', bytes: pngScored(score) });
  return slack.postMessage({ channel: slack.channels.general, user: slack.users.alice.id, files: [file] });
}

/** The text of the bot's final reply in a message's thread (the placeholder replaced). */
export async function slackFinalText(
  slack: FakeSlack,
  threadTs: string,
  timeoutMs = 10_000,
): Promise<string> {
  const reply = await waitFor(
    () => {
      const last = slack.threadReplies(slack.channels.general, threadTs).at(-1);
      return last && !/^Checking \d+ files?…$/.test(last.text) ? last : undefined;
    },
    { timeoutMs, what: `the final reply in thread ${threadTs}` },
  );
  return reply.text;
}

/** The edit that answers a deferred Discord interaction: its content and embeds as text. */
export async function discordAnswerText(
  fake: FakeDiscord,
  interaction: InteractionRecord,
  timeoutMs = 10_000,
): Promise<string> {
  const edit = await waitFor(() => fake.interactionCalls(interaction).find((c) => c.method === 'PATCH'), {
    timeoutMs,
    what: 'the interaction answer',
  });
  const body = edit.body as RESTPatchAPIWebhookWithTokenMessageJSONBody;
  const embeds = (body.embeds ?? []).map((e: APIEmbed) =>
    [e.title, e.description, ...(e.fields ?? []).map((f) => `${f.name} ${f.value}`)].join('\n'),
  );
  return [body.content ?? '', ...embeds].join('\n');
}

/** A message in Discord's #general with one image scored `score`. */
export function discordImageMessage(fake: FakeDiscord, name: string, score: number): string {
  const message = fake.postMessage({
    channelId: fake.channels.general.id,
    author: fake.users.alice,
    files: [{ name, bytes: pngScored(score), contentType: 'image/png' }],
    dispatch: false,
  });
  return message.id;
}
