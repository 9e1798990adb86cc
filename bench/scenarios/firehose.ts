import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, sample } from '../../test/start/support.js';
import { startBotProcess } from '../lib/bot-process.js';
import { cpuOf } from '../lib/cpu.js';
import { startDefaultClient } from '../lib/default-client.js';
import { startDiscordProcess } from '../lib/discord-process.js';
import { ms, type Scale, type ScenarioResult } from '../lib/result.js';
import { botEnvFor, startSimProcess } from '../lib/sim-process.js';
import { round, spread, type Spread } from '../lib/stats.js';

const LATENCY_MS = 40;
/** Issue 20's bar: the event loop's delay p99 under this, at ≥ TARGET_RATE messages a second. */
const LAG_CEILING_MS = 50;
const TARGET_RATE = 2000;
const RATES = [500, 1000, 2000, 4000, 8000, 12_000, 16_000] as const;
/** One message with an image among the firehose this often. */
const MEDIA_EVERY_MS = 250;

interface Step {
  readonly asked: number;
  /** Messages a second the fake actually sent. */
  readonly achieved: number;
  readonly lagP99Ms: number;
  /** The bot process's CPU over the step, as a share of one core: evidence it did the work. */
  readonly botCpu: number;
  readonly media: Spread;
  readonly unanswered: number;
}

/**
 * Scenario 13 (issue 20's fourth): the fake Discord, in a process of its own, sends MESSAGE_CREATE
 * without media to one real `start` process (auto-scan in mode `all` on the channel, so every
 * message is looked at) at rising rates, each for a few seconds, with a message carrying an image
 * every 250 ms among them. After each step the bot's own /metrics gives the event loop's delay p99
 * over the step (prom-client's monitor, reset at each scrape). The result is the highest rate whose
 * p99 stays under 50 ms, and the media messages' latency at it. The simulator answers in 40 ms from
 * a third process. Steps stop at the first over the ceiling; if none is, the result is shown as
 * at least the last step's rate. The baseline is discord.js's default client (default caches,
 * building every message) at the same rates, without media, its loop measured by the same monitor.
 */
export async function firehose(scale: Scale): Promise<ScenarioResult> {
  const seconds = scale.quick ? 1 : 4;
  const rates = scale.quick ? RATES.slice(0, 3) : RATES;
  const dir = await mkdtemp(join(tmpdir(), 'bench-firehose-'));
  const sim = await startSimProcess({ latencyMs: LATENCY_MS });
  const discord = await startDiscordProcess();
  try {
    const bot = await startBotProcess(
      {
        ...botEnvFor(sim, dir),
        ...discord.env,
        USER_CHECKS_PER_HOUR: '1000000',
        BITMIND_RATE_LIMIT: '1000000',
        AUTOSCAN_CHANNELS: `discord:${discord.channelId}=all`,
      },
      dir,
    );
    const steps: Step[] = [];
    try {
      const lagP99Ms = async () =>
        (sample((await get(`${bot.origin}/metrics`)).text, 'nodejs_eventloop_lag_p99_seconds') ??
          Number.NaN) * 1000;
      // A warm-up step, not counted: the JIT and the first check's token and /status.
      await discord.firehose({ rate: rates[0], seconds: 1, mediaEveryMs: MEDIA_EVERY_MS });
      for (const rate of rates) {
        await lagP99Ms(); // resets the monitor: the next reading covers this step alone
        const cpuBefore = await cpuOf([bot.pid]);
        const run = await discord.firehose({ rate, seconds, mediaEveryMs: MEDIA_EVERY_MS });
        const botCpu = ((await cpuOf([bot.pid])) - cpuBefore) / run.seconds;
        const answered = run.mediaMs.filter((m) => Number.isFinite(m));
        steps.push({
          asked: rate,
          achieved: round(run.sent / run.seconds, 0),
          lagP99Ms: round(await lagP99Ms(), 1),
          botCpu: round(botCpu),
          media: spread(answered),
          unanswered: run.mediaMs.length - answered.length,
        });
        if (steps.at(-1)!.lagP99Ms >= LAG_CEILING_MS) break;
      }
    } finally {
      await bot.close();
    }
    const baselineSteps = await baselineLag(rates, seconds);
    const best = highestPassing(steps);
    const highest = best?.asked ?? 0;
    const baselineBest = highestPassing(baselineSteps);
    return {
      id: 'firehose',
      title: '13. Gateway firehose',
      settings: {
        rates,
        secondsPerStep: seconds,
        mediaEveryMs: MEDIA_EVERY_MS,
        latencyMs: LATENCY_MS,
        bot: 'one `start` process, Discord only, auto-scan mode all, default settings',
        sender: 'fake Discord gateway in its own process, messages without media to one channel',
      },
      measured: { steps, baselineSteps },
      rows: [
        {
          measure: `highest rate of MESSAGE_CREATE with event-loop delay p99 < ${LAG_CEILING_MS} ms (p99 there; steps, rate → p99 (bot's CPU): ${steps.map((s) => `${s.asked}/s → ${s.lagP99Ms} ms (${(s.botCpu * 100).toFixed(0)}%)`).join(', ')})`,
          bot: best
            ? `${best === steps.at(-1) ? '≥ ' : ''}${highest} msg/s (${best.achieved} sent; p99 ${ms(best.lagP99Ms)})`
            : 'none',
          baseline: `discord.js default caches: ${baselineBest ? `${baselineBest === baselineSteps.at(-1) ? '≥ ' : ''}${baselineBest.asked} msg/s (p99 ${ms(baselineBest.lagP99Ms)})` : 'none'}; ${baselineSteps.map((s) => `${s.asked}/s → ${s.lagP99Ms} ms`).join(', ')}`,
          ratio: '',
          target: `≥ ${TARGET_RATE} msg/s`,
          met: highest >= TARGET_RATE,
        },
        {
          measure: `at that rate, a message with an image every ${MEDIA_EVERY_MS} ms: dispatch to final answer, p50 / p95 / p99`,
          bot: best
            ? `${ms(best.media.median)} / ${ms(best.media.p95)} / ${ms(best.media.p99)} (${best.media.n})`
            : '',
          baseline: `simulator alone: ${LATENCY_MS} ms`,
          ratio: '',
          target: '',
          met: null,
        },
      ],
    };
  } finally {
    await discord.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The step with the highest rate that counts: the loop kept under the ceiling, every image was
 * answered, and the sender kept up (≥ 95% of the rate asked: its ticks round down).
 */
function highestPassing<S extends Pick<Step, 'asked' | 'achieved' | 'lagP99Ms' | 'unanswered'>>(
  steps: readonly S[],
): S | undefined {
  return steps
    .filter((s) => s.lagP99Ms < LAG_CEILING_MS && s.unanswered === 0 && s.achieved >= 0.95 * s.asked)
    .at(-1);
}

/** The same rates, without media, against discord.js's default client on a fake of its own. */
async function baselineLag(rates: readonly number[], seconds: number) {
  const discord = await startDiscordProcess();
  try {
    const client = await startDefaultClient(discord.env);
    try {
      await discord.firehose({ rate: rates[0]!, seconds: 1, mediaEveryMs: 0 });
      const steps: Pick<Step, 'asked' | 'achieved' | 'lagP99Ms' | 'unanswered'>[] = [];
      for (const rate of rates) {
        await client.lagP99Ms(); // starts the next reading at this step
        const run = await discord.firehose({ rate, seconds, mediaEveryMs: 0 });
        steps.push({
          asked: rate,
          achieved: round(run.sent / run.seconds, 0),
          lagP99Ms: round(await client.lagP99Ms(), 1),
          unanswered: 0,
        });
        if (steps.at(-1)!.lagP99Ms >= LAG_CEILING_MS) break;
      }
      return steps;
    } finally {
      await client.child.close();
    }
  } finally {
    await discord.close();
  }
}
