import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckError } from '../../src/domain/types.js';
import type { ClosableMediaFetcher } from '../../src/media/fetcher.js';
import { spool } from '../../src/media/spool.js';
import { png } from '../helpers/media-samples.js';
import { loopbackFetcher, startLoopback, type Loopback } from './loopback.js';
import { makeTempDir } from './temp-dir.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: Loopback;
let fetcher: ClosableMediaFetcher;
const timers = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  temp = await makeTempDir();
  server = await startLoopback((req, res) => {
    if (req.url === '/silent') return; // never answers
    res.writeHead(200, { 'content-type': 'image/png' });
    res.write(png());
    if (req.url === '/stall') return; // the first bytes, then nothing
    // A byte every 50 ms for ever: never idle long enough for the idle timeout to fire.
    const drip = setInterval(() => res.write(Buffer.alloc(1)), 50);
    timers.add(drip);
    res.on('close', () => clearInterval(drip));
  });
  fetcher = loopbackFetcher({ idleTimeoutMs: 200 });
});

afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  await fetcher.close();
  await server.close();
  await temp.remove();
});

describe('timeouts', () => {
  it('ends a body that stalls with the idle timeout', async () => {
    const signal = AbortSignal.timeout(10_000);
    const body = await fetcher.openUrl(`${server.origin}/stall`, signal);
    const error = await spool(body, { signal, tempDir: temp.path }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(CheckError);
    expect(error).toMatchObject({
      code: 'timeout',
      message: 'The download timed out: 127.0.0.1 stopped sending before the file was complete.',
    });
    expect(await temp.files()).toEqual([]);
  });

  it('ends a wait for headers that never come', async () => {
    await expect(
      fetcher.openUrl(`${server.origin}/silent`, AbortSignal.timeout(10_000)),
    ).rejects.toMatchObject({
      code: 'timeout',
      message: 'The download timed out: 127.0.0.1 did not answer in time.',
    });
  });

  it("ends an endless slow body at the caller's deadline, as a timeout", async () => {
    const deadline = AbortSignal.timeout(600);
    const body = await fetcher.openUrl(`${server.origin}/drip`, deadline);
    await expect(spool(body, { signal: deadline, tempDir: temp.path })).rejects.toMatchObject({
      code: 'timeout',
      message: 'The download took too long.',
    });
    expect(await temp.files()).toEqual([]);
  });
});
