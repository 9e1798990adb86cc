import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Simulator } from '../../src/simulator/index.js';
import type { FakeSlack, StoredMessage } from '../fakes/slack/index.js';
import { spawnCli, type CliChild } from '../helpers/cli-child.js';
import { cliEntry } from '../helpers/run-cli.js';
import { pngScored } from '../slack/rig.js';
import { readyz, tempDataDir } from '../start/support.js';

/** One bot process of the cluster, from the compiled bin (`npm run test:cluster` builds it first). */
export interface Instance {
  readonly name: string;
  readonly bot: CliChild;
  /** The HTTP server's origin: Slack's events go to `${url}/slack/events`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts one instance; its stdout is kept as `<logDir>/<name>.log` when it is closed. */
export async function startInstance(
  name: string,
  env: Record<string, string>,
  logDir: string,
): Promise<Instance> {
  const dataDir = await tempDataDir();
  const bot = spawnCli(
    ['start'],
    { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'debug', DATA_DIR: dataDir.path, ...env },
    { entry: cliEntry(true) },
  );
  try {
    const listening = await bot.waitForLog(
      (l) => l.msg?.startsWith('HTTP server listening') === true,
      `${name} listening`,
      60_000,
    );
    const url = new URL(String(listening.url)).origin;
    await readyz(url, 200, () => true, 60_000);
    return {
      name,
      bot,
      url,
      async close() {
        await bot.close();
        writeFileSync(join(logDir, `${name}.log`), bot.stdout);
        await dataDir.remove();
      },
    };
  } catch (err) {
    await bot.close();
    await dataDir.remove();
    throw err;
  }
}

/**
 * Runs `send` with Slack's deliveries pointed at `instance`, as a load balancer would spread them.
 * The fake takes the address when a delivery starts, so deliveries to several instances may overlap.
 */
export function via<T>(slack: FakeSlack, instance: Instance, send: () => Promise<T>): Promise<T> {
  slack.deliverOverHttp(`${instance.url}/slack/events`);
  return send();
}

/** A message in #general with `count` images, each of its own bytes (so none is a cache hit). */
export function imagesMessage(slack: FakeSlack, tag: string, count: number, score = 0.9): StoredMessage {
  const files = Array.from({ length: count }, (_, i) =>
    slack.addFile({
      name: `${tag}-${i}.png`,
      mimetype: 'image/png',
      bytes: Buffer.concat([pngScored(score), Buffer.from(` ${tag}-${i}`)]),
    }),
  );
  return slack.postMessage({ channel: slack.channels.general, user: slack.users.alice.id, files });
}

const API_PATHS = new Set(['/status', '/image', '/video', '/batch_image', '/batch_video']);

/** A BitMind API call (not a token request or a health probe). */
export const isApiCall = (r: { readonly path: string }) => API_PATHS.has(r.path);

/** What the simulator saw of BitMind API calls since `since`: count, 429s, and the busiest window. */
export function apiCalls(sim: Simulator, since: number, windowMs: number) {
  const calls = sim.requests.filter((r) => isApiCall(r) && r.at.getTime() >= since);
  const times = calls.map((r) => r.at.getTime()).sort((a, b) => a - b);
  let worst = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= windowMs) i++;
    worst = Math.max(worst, j - i + 1);
  }
  return {
    calls: calls.length,
    rateLimited: calls.filter((r) => r.status === 429).length,
    images: calls.filter((r) => r.status === 200).reduce((sum, r) => sum + r.fileCount, 0),
    worstWindow: worst,
    spanMs: times.length > 1 ? times.at(-1)! - times[0]! : 0,
  };
}

/** The placeholder's text while a check runs. */
export const PLACEHOLDER = /^Checking \d+ files?…$/;
