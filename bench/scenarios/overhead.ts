import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { BaselineClient } from '../baseline-client.js';
import { expectVerdicts, fileRequest, startBot } from '../lib/bot.js';
import { writeImages } from '../lib/media.js';
import { ms, times, type Scale, type ScenarioResult } from '../lib/result.js';
import { round, spread } from '../lib/stats.js';
import { startSimProcess } from '../lib/sim-process.js';

const IMAGE_BYTES = 1024 * 1024;

/**
 * Scenario 3: what the Checker adds to one call. At zero simulator latency, one distinct 1 MB image
 * at a time: the Checker's whole check (open, sniff, hash, spool, cache lookup, dispatch, upload)
 * against a direct undici POST of the same file (read, then POST), alternating which goes first.
 * A POST of bytes already in memory is shown too, as the floor of any client.
 */
export async function overhead(scale: Scale): Promise<ScenarioResult> {
  const warmup = scale.quick ? 5 : 30;
  const iterations = scale.quick ? 20 : 300;
  const dir = await mkdtemp(join(tmpdir(), 'bench-overhead-'));
  const sim = await startSimProcess({ latencyMs: 0 });
  const core = await startBot(sim, { BITMIND_RATE_LIMIT: '1000000' });
  try {
    const paths = await writeImages(dir, Array<number>(warmup + iterations).fill(IMAGE_BYTES), 'mb');
    const token = await new BaselineClient({ baseUrl: sim.url, ...sim.credentials }).token();
    const post = async (bytes: Buffer, path: string) => {
      const response = await request(`${sim.url}/image`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': path.endsWith('.png') ? 'image/png' : 'image/jpeg',
        },
        body: bytes,
      });
      if (response.statusCode !== 200) throw new Error(`direct POST answered ${response.statusCode}`);
      await response.body.json();
    };
    const runs = {
      checker: async (path: string) =>
        expectVerdicts(await core.checker.check(fileRequest([path], 'command'))),
      direct: async (path: string) => post(await readFile(path), path),
    };
    const timings: Record<'checker' | 'direct' | 'inMemory', number[]> = {
      checker: [],
      direct: [],
      inMemory: [],
    };
    for (const [i, path] of paths.entries()) {
      const bytes = await readFile(path);
      const order = i % 2 === 0 ? (['checker', 'direct'] as const) : (['direct', 'checker'] as const);
      const took: Partial<Record<keyof typeof timings, number>> = {};
      for (const name of order) {
        const started = performance.now();
        await runs[name](path);
        took[name] = performance.now() - started;
      }
      const started = performance.now();
      await post(bytes, path);
      took.inMemory = performance.now() - started;
      if (i >= warmup)
        for (const name of Object.keys(timings) as (keyof typeof timings)[]) timings[name].push(took[name]!);
    }
    const checker = spread(timings.checker);
    const direct = spread(timings.direct);
    const inMemory = spread(timings.inMemory);
    const ratio = checker.median / direct.median;
    const added = checker.median - direct.median;
    return {
      id: 'overhead',
      title: '3. Overhead',
      settings: {
        imageBytes: IMAGE_BYTES,
        warmup,
        iterations,
        latencyMs: 0,
        order: 'alternating, one image at a time',
      },
      measured: { checker, direct, inMemory, ratio: round(ratio, 3), addedMs: round(added, 3) },
      rows: [
        {
          measure: `time per 1 MB image, median (p95); bot = Checker, baseline = direct POST`,
          bot: `${ms(checker.median)} (${ms(checker.p95)})`,
          baseline: `${ms(direct.median)} (${ms(direct.p95)})`,
          ratio: times(ratio),
          target: '≤ 1.15x',
          met: ratio <= 1.15,
        },
        {
          measure: 'time the Checker adds per image, median',
          bot: ms(added),
          baseline: `in-memory POST: ${ms(inMemory.median)} (${ms(inMemory.p95)})`,
          ratio: '',
          target: '≤ 1.5 ms',
          met: added <= 1.5,
        },
      ],
    };
  } finally {
    await core.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}
