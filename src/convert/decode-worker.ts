import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CheckError } from '../domain/types.js';

/** Raw RGBA pixels, as sharp reads them with `{ raw: { width, height, channels: 4 } }`. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export type WorkerFormat = 'heic' | 'bmp';

const require = createRequire(import.meta.url);
const MODULES = { heic: require.resolve('heic-decode'), bmp: require.resolve('bmp-ts') };

/**
 * The worker's code, as a CommonJS script: the same text runs under tsx, vitest and the build, with
 * no second file to find. It decodes one image, refusing it first when its own header is over the
 * pixel limit, and sends back the pixels without a copy.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const decoders = {
  async heic(buffer, maxPixels) {
    const images = await require(workerData.heic).all({ buffer });
    const first = images[0];
    if (!first) throw new Error('no image');
    if (first.width * first.height > maxPixels) return { tooLarge: [first.width, first.height] };
    const { width, height, data } = await first.decode();
    return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  },
  async bmp(buffer) {
    const image = require(workerData.bmp).decode(buffer, { toRGBA: true });
    return { width: image.width, height: image.height, data: new Uint8Array(image.data) };
  },
};
parentPort.once('message', async ({ format, bytes, maxPixels }) => {
  try {
    const result = await decoders[format](Buffer.from(bytes), maxPixels);
    parentPort.postMessage({ result }, result.data ? [result.data.buffer] : []);
  } catch (err) {
    parentPort.postMessage({ failed: String(err && err.message || err) });
  }
});
`;

interface Reply {
  readonly result?: Pixels & { readonly tooLarge?: [number, number] };
  readonly failed?: string;
}

/**
 * Decodes a HEIC (libheif compiled to wasm) or BMP (plain JavaScript) off the event loop, in a worker
 * of its own that is ended when done, at `timeoutMs`, or on abort. `label` names it in errors.
 */
export async function decodeInWorker(
  format: WorkerFormat,
  bytes: Uint8Array,
  options: { maxPixels: number; timeoutMs: number; signal?: AbortSignal; label: string },
): Promise<Pixels> {
  const worker = new Worker(SOURCE, { eval: true, workerData: MODULES });
  const stop = () => void worker.terminate();
  const timer = setTimeout(stop, options.timeoutMs);
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const reply = await new Promise<Reply | undefined>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', () => resolve(undefined));
      worker.postMessage({ format, bytes, maxPixels: options.maxPixels });
    });
    if (reply?.result?.tooLarge) throw tooManyPixels(...reply.result.tooLarge, options.maxPixels);
    if (reply?.result) return reply.result;
    if (reply === undefined) {
      options.signal?.throwIfAborted();
      throw new CheckError(
        'timeout',
        `Converting that ${options.label} took longer than ${Math.round(options.timeoutMs / 1000)} s.`,
      );
    }
    throw new CheckError('unsupported_type', `That ${options.label} could not be decoded for checking.`);
  } catch (err) {
    if (err instanceof CheckError) throw err;
    options.signal?.throwIfAborted();
    throw new CheckError('unsupported_type', `That ${options.label} could not be decoded for checking.`, {
      cause: err,
    });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
    await worker.terminate();
  }
}

/** The refusal of a decompression bomb, before a pixel of it is decoded. */
export function tooManyPixels(width: number, height: number, maxPixels: number): CheckError {
  const mp = (n: number) => `${Number((n / 1e6).toFixed(1))} megapixels`;
  return new CheckError(
    'too_large',
    `That image is ${width} × ${height} pixels (${mp(width * height)}); the limit is ${mp(maxPixels)}.`,
  );
}
