import {
  BitmindError,
  MAX_BATCH,
  type BatchResult,
  type BitmindApi,
  type BitmindVerdict,
  type Priority,
  type Upload,
} from '../bitmind/index.js';
import type { MediaKind } from '../domain/types.js';

/** A file's multipart headers and boundary, generously: a file name, a content type, the framing. */
const PART_FRAMING_BYTES = 1024;

interface Pending {
  readonly upload: Upload;
  readonly priority: Priority;
  resolve(verdict: BitmindVerdict): void;
  reject(error: unknown): void;
}

/**
 * Sends uploads of one kind to BitMind in as few requests as the caps allow. Uploads submitted in
 * the same tick (a request's media) leave together, in chunks of at most 50 images or 20 videos, a
 * lone one to `/image` or `/video`. While every slot is busy, later uploads wait and join the next
 * batch, as in Nagle's algorithm: light load adds no latency, heavy load (auto-scan bursts) costs
 * few requests.
 */
export class BatchDispatcher {
  readonly #pending: Pending[] = [];
  #inFlight = 0;
  #pumpScheduled = false;

  constructor(
    private readonly kind: MediaKind,
    private readonly api: BitmindApi,
    private readonly options: {
      concurrency: number;
      batchAllowed: () => Promise<boolean>;
      /** BITMIND_MAX_REQUEST_MB: a batch's files (and their multipart framing) stay under it. */
      maxBatchBytes?: number;
    },
  ) {}

  submit(upload: Upload, priority: Priority): Promise<BitmindVerdict> {
    return new Promise((resolve, reject) => {
      const item = { upload, priority, resolve, reject };
      // People waiting go ahead of auto-scans; arrival order is kept within each.
      const at =
        priority === 'interactive' ? this.#pending.findIndex((p) => p.priority === 'background') : -1;
      if (at === -1) this.#pending.push(item);
      else this.#pending.splice(at, 0, item);
      this.#schedulePump();
    });
  }

  /** Pumps once the current tick is over, so everything submitted in it can share a batch. */
  #schedulePump(): void {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    queueMicrotask(() => {
      this.#pumpScheduled = false;
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.options.concurrency && this.#pending.length > 0) {
      const batch = this.#pending.splice(0, this.#batchLength());
      this.#inFlight++;
      void this.#send(batch).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
    }
  }

  /** How many of the first pending uploads fit one request, by count and by bytes; always at least one. */
  #batchLength(): number {
    const maxBytes = this.options.maxBatchBytes ?? Infinity;
    let bytes = 0;
    let n = 0;
    for (const { upload } of this.#pending.slice(0, MAX_BATCH[this.kind])) {
      bytes += upload.size + PART_FRAMING_BYTES;
      if (n > 0 && bytes > maxBytes) break;
      n++;
    }
    return n;
  }

  async #send(batch: Pending[]): Promise<void> {
    const priority: Priority = batch.some((p) => p.priority === 'interactive') ? 'interactive' : 'background';
    if (batch.length === 1 || !(await this.#batchAllowed())) {
      await Promise.all(batch.map((item) => this.#single(item, priority)));
      return;
    }
    const results = await this.#batchCall(
      batch.map((p) => p.upload),
      priority,
    );
    // Too large as a whole says nothing about any one file: send each half on its own, down to
    // single files, and only a file refused alone is too large.
    if (results.length > 1 && results.every(isTooLarge)) {
      const half = Math.ceil(batch.length / 2);
      await Promise.all([this.#send(batch.slice(0, half)), this.#send(batch.slice(half))]);
      return;
    }
    // Refused as a whole: a 400 hides which file was bad, and a 403 may mean the batch permission
    // was just withdrawn (the client then reads /status again). Either way, ask about each alone.
    const retryAlone =
      results.length > 1 &&
      (results.some(isServerRefusal) || (allForbidden(results) && !(await this.#batchAllowed())));
    const alone = retryAlone
      ? batch.filter((_, i) => isServerRefusal(results[i]) || allForbidden(results))
      : [];
    batch.forEach((item, i) => {
      const result = results[i];
      if (alone.includes(item)) return;
      if (result === undefined) item.reject(new Error('BitMind returned no result for this file'));
      else if (result instanceof Error) item.reject(result);
      else item.resolve(result);
    });
    await Promise.all(alone.map((item) => this.#single(item, priority)));
  }

  async #single(item: Pending, priority: Priority): Promise<void> {
    try {
      const options = { priority };
      item.resolve(
        await (this.kind === 'image'
          ? this.api.checkImage(item.upload, options)
          : this.api.checkVideo(item.upload, options)),
      );
    } catch (err) {
      item.reject(err);
    }
  }

  #batchCall(uploads: Upload[], priority: Priority): Promise<BatchResult[]> {
    return this.kind === 'image'
      ? this.api.checkImages(uploads, { priority })
      : this.api.checkVideos(uploads, { priority });
  }

  async #batchAllowed(): Promise<boolean> {
    try {
      return await this.options.batchAllowed();
    } catch {
      // Not knowing the permissions is no reason to fail a check: single calls always work.
      return false;
    }
  }
}

function allForbidden(results: readonly BatchResult[]): boolean {
  return results.every((r) => r instanceof BitmindError && r.code === 'forbidden' && r.status === 403);
}

function isTooLarge(result: BatchResult): boolean {
  return result instanceof BitmindError && result.status === 413;
}

function isServerRefusal(result: BitmindVerdict | Error | undefined): boolean {
  return result instanceof BitmindError && result.code === 'bad_request' && result.status === 400;
}
