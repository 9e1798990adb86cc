import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryBudget } from '../../src/media/memory-budget.js';
import { spool, type SpooledMedia } from '../../src/media/spool.js';
import { padded, png } from '../helpers/media-samples.js';
import { waitFor } from '../helpers/wait.js';
import { makeTempDir } from './temp-dir.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

const signal = () => AbortSignal.timeout(10_000);
/** A distinct PNG of `size` bytes, arriving in chunks of at most 1 KB. */
let counter = 0;
function image(size: number): { bytes: Buffer; stream: () => Readable } {
  const bytes = padded(png(1 + counter++, 1), size);
  const chunks = Array.from({ length: Math.ceil(size / 1024) }, (_, i) =>
    bytes.subarray(i * 1024, (i + 1) * 1024),
  );
  return { bytes, stream: () => Readable.from(chunks) };
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const stored = (media: SpooledMedia) => ('bytes' in media ? media.bytes : readFile(media.path));

describe('small media stay in memory, within a shared budget', () => {
  it('keeps a medium under the per-item limit in memory: no file, same bytes and hash', async () => {
    const memory = new MemoryBudget(100_000, 20_000);
    const { bytes, stream } = image(15_000);
    const media = await spool(stream(), { signal: signal(), tempDir: temp.path, memory });
    expect('bytes' in media).toBe(true);
    expect(await temp.files()).toEqual([]);
    expect(await stored(media)).toEqual(bytes);
    expect(media).toMatchObject({ size: 15_000, sha256: sha256(bytes), kind: 'image' });
    expect(memory.usedBytes).toBe(15_000);
    await media.dispose();
    await media.dispose();
    expect(memory.usedBytes).toBe(0);
  });

  it('moves a medium past the per-item limit to disk, the bytes held so far included', async () => {
    const memory = new MemoryBudget(100_000, 20_000);
    const { bytes, stream } = image(50_000);
    const media = await spool(stream(), { signal: signal(), tempDir: temp.path, memory });
    expect('path' in media).toBe(true);
    expect(await temp.files()).toHaveLength(1);
    expect(await stored(media)).toEqual(bytes);
    expect(media.sha256).toBe(sha256(bytes));
    expect(memory.usedBytes).toBe(0);
    await media.dispose();
    expect(await temp.files()).toEqual([]);
  });

  it('sends a medium announced larger than the per-item limit straight to disk', async () => {
    const memory = new MemoryBudget(100_000, 20_000);
    const { stream } = image(5_000);
    const media = await spool(stream(), { signal: signal(), tempDir: temp.path, memory, sizeHint: 30_000 });
    expect('path' in media).toBe(true);
    await media.dispose();
  });

  it('falls back to disk when the budget is spent, and takes memory again once it is given back', async () => {
    const memory = new MemoryBudget(25_000, 20_000);
    const first = await spool(image(15_000).stream(), { signal: signal(), tempDir: temp.path, memory });
    const second = await spool(image(15_000).stream(), { signal: signal(), tempDir: temp.path, memory });
    expect(['bytes' in first, 'bytes' in second]).toEqual([true, false]);
    expect(memory.usedBytes).toBe(15_000);
    await Promise.all([first.dispose(), second.dispose()]);
    expect(memory.usedBytes).toBe(0);

    const third = await spool(image(15_000).stream(), { signal: signal(), tempDir: temp.path, memory });
    expect('bytes' in third).toBe(true);
    await third.dispose();
    expect(await temp.files()).toEqual([]);
  });

  it('still enforces the limit of the kind while in memory, and gives the memory back', async () => {
    const memory = new MemoryBudget(100_000, 20_000);
    await expect(
      spool(image(12_000).stream(), {
        signal: signal(),
        tempDir: temp.path,
        memory,
        limits: { image: 10_000, video: 10_000 },
      }),
    ).rejects.toMatchObject({ code: 'too_large' });
    expect(memory.usedBytes).toBe(0);
    expect(await temp.files()).toEqual([]);
  });

  it('gives the memory back on an abort while in memory, and removes the file after a move', async () => {
    const memory = new MemoryBudget(100_000, 20_000);
    for (const held of [10_000, 30_000]) {
      const controller = new AbortController();
      const source = new Readable({ read() {} });
      source.push(padded(png(), held)); // then nothing more: the download hangs
      const spooling = spool(source, { signal: controller.signal, tempDir: temp.path, memory });
      if (held > 20_000) await waitFor(async () => (await temp.files()).length === 1, { what: 'the file' });
      else await waitFor(() => memory.usedBytes === held, { what: 'the memory claim' });
      controller.abort(new Error('the person cancelled'));
      await expect(spooling).rejects.toThrow('the person cancelled');
      expect(memory.usedBytes).toBe(0);
      expect(await temp.files()).toEqual([]);
    }
  });
});
