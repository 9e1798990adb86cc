import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaselineClient } from '../baseline-client.js';
import { expectVerdicts, fileRequest, startBot } from '../lib/bot.js';
import { imageSizes, seeded, writeImages } from '../lib/media.js';
import { ms, times, type Scale, type ScenarioResult } from '../lib/result.js';
import { spread } from '../lib/stats.js';
import { apiCalls, startSimProcess } from '../lib/sim-process.js';

const LATENCY_MS = 40;

/**
 * Scenario 6: 50 images (50 KB to 5 MB) checked once, then the same 50 again, one message each:
 * the API calls the second pass makes and its time per check, against the first pass and against
 * the baseline, which has no cache and asks BitMind every time.
 */
export async function cache(scale: Scale): Promise<ScenarioResult> {
  const count = scale.quick ? 10 : 50;
  const dir = await mkdtemp(join(tmpdir(), 'bench-cache-'));
  const sim = await startSimProcess({ latencyMs: LATENCY_MS });
  const core = await startBot(sim, { BITMIND_RATE_LIMIT: '1000000' });
  try {
    const paths = await writeImages(dir, imageSizes(count, 50 * 1024, 5 * 1024 * 1024, seeded(6)));
    const pass = async (): Promise<number[]> => {
      const took: number[] = [];
      for (const path of paths) {
        const started = performance.now();
        expectVerdicts(await core.checker.check(fileRequest([path], 'command')));
        took.push(performance.now() - started);
      }
      return took;
    };
    const first = spread(await pass());
    await sim.clearLog();
    const second = spread(await pass());
    const callsAgain = apiCalls(await sim.requests()).length;
    const client = new BaselineClient({ baseUrl: sim.url, ...sim.credentials });
    const baselineTook: number[] = [];
    for (const path of paths) {
      const started = performance.now();
      await client.processImage(path);
      baselineTook.push(performance.now() - started);
    }
    const baseline = spread(baselineTook);
    return {
      id: 'cache',
      title: '6. Cache',
      settings: { images: count, latencyMs: LATENCY_MS, arrival: 'one image per check, one check at a time' },
      measured: { first, second, baseline, callsAgain },
      rows: [
        {
          measure: `API calls checking the same ${count} images again`,
          bot: String(callsAgain),
          baseline: String(count),
          ratio: '',
          target: '0',
          met: callsAgain === 0,
        },
        {
          measure: "time per repeated check, median (p95), then the first check's median",
          bot: `${ms(second.median)} (${ms(second.p95)}); first ${ms(first.median)}`,
          baseline: `${ms(baseline.median)} (${ms(baseline.p95)})`,
          ratio: `${times(baseline.median / second.median)} faster`,
          target: '',
          met: null,
        },
      ],
    };
  } finally {
    await core.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}
