import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSlack } from '../../test/fakes/slack/index.js';
import { startOwnRedis } from '../../test/helpers/redis.js';
import { finalReply } from '../../test/slack/rig.js';
import { get } from '../../test/start/support.js';
import { startBotProcess, type BotProcess } from '../lib/bot-process.js';
import { cpuOf } from '../lib/cpu.js';
import { groupsOf, image, imageSizes, seeded } from '../lib/media.js';
import { times, type Scale, type ScenarioResult } from '../lib/result.js';
import { botEnvFor, startSimProcess, type SimProcess } from '../lib/sim-process.js';
import { round } from '../lib/stats.js';

const LATENCY_MS = 200;
/** Generous: the account's limit is not what this scenario is about (scenario 11 is). */
const SIM_LIMIT = { limit: 1_000_000, windowMs: 60_000 };
const INSTANCES = [1, 2, 3] as const;

interface Run {
  readonly instances: number;
  readonly seconds: number;
  /** Everything that reached the simulator: token, /status and inference calls. */
  readonly requests: number;
  /**
   * CPU seconds spent during the burst by the bot processes together, the bench's own (the fake
   * Slack: events, downloads, Web API) and the simulator: against the wall time, what the machine's
   * cores allowed.
   */
  readonly cpuSeconds: { readonly bots: number; readonly fakeSlack: number; readonly simulator: number };
  /** Each instance's checks and BitMind requests, from its own /metrics: how the queue spread the work. */
  readonly perInstance: readonly { readonly checks: number; readonly requests: number }[];
}

/**
 * Scenario 10 (issue 20's first): one, two and three real `start` processes sharing one Redis (a
 * redis-server of the bench's own) and so one queue, the simulator in its own process answering in
 * 200 ms. A burst of images in messages of 1 to 10 through the fake Slack in HTTP mode, each
 * message's event sent to the next instance in turn, as a round-robin load balancer would; auto-scan
 * in mode `all`. Wall time from the first event to the last final reply, and the requests that
 * reached the simulator. Each count of instances gets fresh processes, a fresh workspace and a key
 * prefix of its own in Redis (so no verdict is cached from the run before).
 */
export async function scaleOut(scale: Scale): Promise<ScenarioResult> {
  const images = scale.quick ? 60 : 600;
  const rng = seeded(10);
  const sizes = imageSizes(images, 20 * 1024, 200 * 1024, rng);
  const messages = groupsOf(
    sizes.map((size, i) => ({ i, size })),
    10,
    rng,
  );
  const dir = await mkdtemp(join(tmpdir(), 'bench-scale-'));
  const sim = await startSimProcess({ latencyMs: LATENCY_MS, rateLimit: SIM_LIMIT });
  const redis = await startOwnRedis();
  try {
    const runs: Run[] = [];
    for (const n of INSTANCES) runs.push(await burst(sim, redis.url, dir, n, messages));
    const one = runs[0]!;
    const three = runs.at(-1)!;
    const speedup = one.seconds / three.seconds;
    const extra = three.requests / one.requests - 1;
    return {
      id: 'scale-out',
      title: '10. Scale-out',
      settings: {
        images,
        messages: messages.length,
        sizes: '20 KB to 200 KB, log-uniform, seed 10',
        totalBytes: sizes.reduce((a, b) => a + b, 0),
        latencyMs: LATENCY_MS,
        simulatorLimit: SIM_LIMIT,
        arrival: 'burst: every message at once, events round-robin over the instances (Slack HTTP mode)',
        instances: INSTANCES,
      },
      measured: { runs, speedup: round(speedup), extraRequests: round(extra, 4) },
      rows: [
        {
          measure: `wall time, ${images} images in ${messages.length} messages: 1 / 2 / 3 instances`,
          bot: runs.map((r) => `${r.seconds.toFixed(2)} s`).join(' / '),
          baseline: `1 instance: ${one.seconds.toFixed(2)} s`,
          ratio: `${times(speedup)} faster with 3`,
          target: '3 instances ≥ 2.5x faster than 1',
          met: speedup >= 2.5,
        },
        {
          measure:
            'CPU seconds during the burst, bots + fake Slack + simulator: 1 / 2 / 3 instances (2 cores)',
          bot: runs
            .map(
              (r) => `${(r.cpuSeconds.bots + r.cpuSeconds.fakeSlack + r.cpuSeconds.simulator).toFixed(1)} s`,
            )
            .join(' / '),
          baseline: '',
          ratio: '',
          target: '',
          met: null,
        },
        {
          measure: 'requests to BitMind (token and /status included): 1 / 2 / 3 instances',
          bot: runs.map((r) => String(r.requests)).join(' / '),
          baseline: `1 instance: ${one.requests}`,
          ratio: `${extra >= 0 ? '+' : '−'}${Math.abs(extra * 100).toFixed(0)}% with 3`,
          target: "3 instances ≤ 1 instance's + 10%",
          met: extra <= 0.1,
        },
      ],
    };
  } finally {
    await redis.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function burst(
  sim: SimProcess,
  redisUrl: string,
  dir: string,
  instances: number,
  messages: readonly (readonly { i: number; size: number }[])[],
): Promise<Run> {
  const slack = await startFakeSlack({ pingIntervalMs: 1000 });
  const bots: BotProcess[] = [];
  try {
    for (let k = 0; k < instances; k++) {
      const dataDir = await mkdtemp(join(dir, `n${instances}-${k}-`));
      bots.push(
        await startBotProcess(
          {
            ...botEnvFor(sim, dataDir),
            ...slack.env('http'),
            USER_CHECKS_PER_HOUR: '1000000',
            BITMIND_RATE_LIMIT: '1000000',
            AUTOSCAN_CHANNELS: `slack:${slack.channels.general}=all`,
            REDIS_URL: redisUrl,
            REDIS_PREFIX: `scale-${instances}:`,
          },
          dataDir,
        ),
      );
    }
    const files = messages.map((group) =>
      group.map(({ i, size }) =>
        slack.addFile({
          name: `img-${i}.${i % 2 === 0 ? 'png' : 'jpg'}`,
          mimetype: mimeOf(i),
          bytes: image(i, size),
        }),
      ),
    );
    await sim.clearLog();
    const pids = bots.map((b) => b.pid);
    const cpuBefore = { bots: await cpuOf(pids), sim: await cpuOf([sim.pid]), bench: process.cpuUsage() };
    const started = performance.now();
    const sent = await Promise.all(
      files.map((group, m) => {
        // The address is taken as the delivery starts: this message's event goes to this instance.
        slack.deliverOverHttp(`${bots[m % instances]!.origin}/slack/events`);
        return slack.shareFiles({
          channel: slack.channels.general,
          user: slack.users.alice.id,
          files: group,
          withFileShared: false,
        });
      }),
    );
    await Promise.all(
      sent.map(({ message }) => finalReply(slack, slack.channels.general, message.ts, 300_000)),
    );
    const seconds = (performance.now() - started) / 1000;
    const bench = process.cpuUsage(cpuBefore.bench);
    return {
      instances,
      seconds: round(seconds, 3),
      requests: (await sim.requests()).length,
      perInstance: await Promise.all(
        bots.map(async (b) => {
          const text = (await get(`${b.origin}/metrics`)).text;
          return {
            checks: total(text, 'bitmind_bot_checks_total'),
            requests: total(text, 'bitmind_bot_bitmind_requests_total'),
          };
        }),
      ),
      cpuSeconds: {
        bots: round((await cpuOf(pids)) - cpuBefore.bots),
        fakeSlack: round((bench.user + bench.system) / 1e6),
        simulator: round((await cpuOf([sim.pid])) - cpuBefore.sim),
      },
    };
  } finally {
    for (const bot of bots) await bot.close();
    await slack.close();
  }
}

/** The sum of every series of the counter `name` in a Prometheus text exposition. */
function total(text: string, name: string): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

const mimeOf = (i: number): string => (i % 2 === 0 ? 'image/png' : 'image/jpeg');
