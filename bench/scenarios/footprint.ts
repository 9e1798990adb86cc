import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeDiscord } from '../../test/fakes/discord/index.js';
import { startFakeSlack } from '../../test/fakes/slack/index.js';
import { cliEntry } from '../../test/helpers/run-cli.js';
import { waitFor } from '../../test/helpers/wait.js';
import { finalReply } from '../../test/slack/rig.js';
import { get, sample } from '../../test/start/support.js';
import { startBotProcess, type BotProcess } from '../lib/bot-process.js';
import { image, imageSizes, seeded, writeSparseMp4 } from '../lib/media.js';
import { residentMb, runMeasured } from '../lib/peak-rss.js';
import { times, type Scale, type ScenarioResult } from '../lib/result.js';
import { botEnvFor, startSimProcess } from '../lib/sim-process.js';

const MB = 1024 * 1024;
const CEILING_MB = 200;
const LATENCY_MS = 40;
/** How long RSS is watched, once things are quiet, before it is read: it settles as garbage is collected. */
const SETTLE_MS = 3000;

/**
 * Scenario 8: the resident memory of a real `bitmind-bot start` (the shipped `dist/src/cli.js`, in a
 * process of its own) with both adapters connected, to the fake Slack (Socket Mode) and the fake
 * Discord (gateway) on loopback, the simulator in a third process: idle once ready, then after a
 * burst of 200 checks (one image per message, half on each platform, auto-scan in mode `all`, every
 * message sent at once). The baseline is `check` on one 50 MB video, as in scenario 2, in this run.
 */
export async function footprint(scale: Scale): Promise<ScenarioResult> {
  const checks = scale.quick ? 20 : 200;
  const dir = await mkdtemp(join(tmpdir(), 'bench-footprint-'));
  const sim = await startSimProcess({ latencyMs: LATENCY_MS });
  const [slack, discord] = await Promise.all([startFakeSlack({ pingIntervalMs: 1000 }), startFakeDiscord()]);
  slack.deliverOverSocketMode();
  const env = {
    ...botEnvFor(sim, dir),
    ...slack.env(),
    ...discord.env(),
    USER_CHECKS_PER_HOUR: '1000000',
    BITMIND_RATE_LIMIT: '1000000',
    AUTOSCAN_CHANNELS: `slack:${slack.channels.general}=all,discord:${discord.channels.general.id}=all`,
  };
  let bot: BotProcess | undefined;
  try {
    bot = await startBotProcess(env, dir);
    const { pid } = bot;
    const idle = await settled(pid);
    const idleHeap = await heapOf(bot.origin);

    // The burst: every message at once, then every final reply.
    const rng = seeded(8);
    const sizes = imageSizes(checks, 50 * 1024, 5 * MB, rng);
    const started = performance.now();
    let peakDuring = 0;
    const watch = setInterval(() => {
      void residentMb(pid).then((m) => (peakDuring = Math.max(peakDuring, m.rssMb)));
    }, 100);
    const slackSent = await Promise.all(
      sizes.slice(0, checks / 2).map(async (size, i) => {
        const file = slack.addFile({ name: `photo-${i}.png`, mimetype: 'image/png', bytes: image(0, size) });
        const { message } = await slack.shareFiles({
          channel: slack.channels.general,
          user: slack.users.alice.id,
          files: [file],
        });
        return message.ts;
      }),
    );
    const discordSent = sizes.slice(checks / 2).map(
      (size, i) =>
        discord.postMessage({
          channelId: discord.channels.general.id,
          author: discord.users.alice,
          files: [{ name: `photo-${i}.png`, bytes: image(0, size), contentType: 'image/png' }],
        }).id,
    );
    await Promise.all([
      ...slackSent.map((ts) => finalReply(slack, slack.channels.general, ts, 120_000)),
      ...discordSent.map((id) =>
        waitFor(() => discord.repliesTo(id).length > 0, { timeoutMs: 120_000, what: `the reply to ${id}` }),
      ),
    ]);
    const burstMs = performance.now() - started;
    clearInterval(watch);
    const after = await settled(pid);
    const afterHeap = await heapOf(bot.origin);

    // The baseline: `check` of one 50 MB video, alone in its process.
    const video = await writeSparseMp4(join(dir, 'video.mp4'), 50 * MB);
    const check = await runMeasured(cliEntry(true)[0]!, ['check', '--json', video], botEnvFor(sim, dir));
    if (check.exitCode !== 0) throw new Error(`check exited with ${check.exitCode}`);

    const megabytes = (n: number) => `${n.toFixed(0)} MB`;
    return {
      id: 'footprint',
      title: '8. Footprint of start',
      settings: {
        checks,
        sizes: '50 KB to 5 MB, log-uniform, seed 8',
        totalBytes: sizes.reduce((a, b) => a + b, 0),
        latencyMs: LATENCY_MS,
        platforms: 'Slack (Socket Mode) and Discord (gateway) fakes, half the messages each',
        arrival: 'burst: every message sent at once, auto-scan mode all',
        settleMs: SETTLE_MS,
        baseline: 'node dist/src/cli.js check --json <50 MB video>, peak RSS',
      },
      measured: {
        idle: { ...idle, ...idleHeap },
        afterBurst: { ...after, ...afterHeap },
        peakDuringBurstMb: Math.max(peakDuring, after.peakMb),
        burstMs,
        checkPeakMb: check.peakMb,
      },
      rows: [
        {
          measure: 'RSS of `start`, idle with both adapters connected',
          bot: megabytes(idle.rssMb),
          baseline: `check: ${megabytes(check.peakMb)}`,
          ratio: times(idle.rssMb / check.peakMb),
          target: '',
          met: null,
        },
        {
          measure: `RSS of \`start\` after a burst of ${checks} checks (peak during it)`,
          bot: `${megabytes(after.rssMb)} (${megabytes(after.peakMb)})`,
          baseline: `check: ${megabytes(check.peakMb)}`,
          ratio: times(after.rssMb / check.peakMb),
          target: `< ${CEILING_MB} MB`,
          met: after.rssMb < CEILING_MB,
        },
      ],
    };
  } finally {
    await bot?.close();
    await Promise.all([slack.close(), discord.close()]);
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** RSS once it has been watched for SETTLE_MS with nothing to do: the median of readings every 100 ms. */
async function settled(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const readings: { rssMb: number; peakMb: number }[] = [];
  for (let t = 0; t < SETTLE_MS; t += 100) {
    readings.push(await residentMb(pid));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const sorted = readings.map((r) => r.rssMb).sort((a, b) => a - b);
  return { rssMb: sorted[sorted.length >> 1]!, peakMb: readings.at(-1)!.peakMb };
}

/** Where the memory is, as the bot's own /metrics says: V8's heap in use and memory outside it (Buffers). */
async function heapOf(
  origin: string,
): Promise<{ heapUsedMb: number; heapTotalMb: number; externalMb: number }> {
  const metrics = (await get(`${origin}/metrics`)).text;
  const mbOf = (series: string) => (sample(metrics, series) ?? Number.NaN) / MB;
  return {
    heapUsedMb: mbOf('nodejs_heap_size_used_bytes'),
    heapTotalMb: mbOf('nodejs_heap_size_total_bytes'),
    externalMb: mbOf('nodejs_external_memory_bytes'),
  };
}
