import { rm } from 'node:fs/promises';
import PQueue from 'p-queue';
import type { BitmindApi, Permissions, Priority, Upload } from '../bitmind/types.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import { deadline } from '../deadline.js';
import { MAX_WAIT_FOR_ROOM_MS } from '../media/busy.js';
import { DiskBudget } from '../media/disk-budget.js';
import { DownloadGate } from '../media/download-gate.js';
import { extensionOfMime, READ_AS_IS, type Acceptance } from '../domain/media-types.js';
import { MemoryBudget } from '../media/memory-budget.js';
import { spool, type SpooledMedia } from '../media/spool.js';
import { openTempArea } from '../media/temp-area.js';
import { checkSizeHint, formatSize } from '../media/limits.js';
import { BatchDispatcher } from './batch-dispatcher.js';
import { toItemError } from './item-error.js';
import { VerdictCache } from './verdict-cache.js';
import { budgetError } from './wording.js';
import { MemoryVerdictStore, type CachedVerdict, type VerdictStore } from './verdict-store.js';
import {
  CheckError,
  type ErrorCode,
  type CheckOptions,
  type CheckReport,
  type CheckRequest,
  type CheckService,
  type ItemResult,
  type MediaKind,
  type MediaRef,
  type MediaSource,
} from '../domain/types.js';
import { createConverter, type ConverterOptions, type Plan } from '../convert/converter.js';
import { LinkedPage } from '../media/linked-page.js';

export interface CheckerOptions {
  readonly bitmind: BitmindApi;
  /** True when `bitmind` is the embedded simulator: every verdict is marked so. */
  readonly simulated: boolean;
  readonly maxMedia: number;
  readonly maxRequestBytes: number;
  readonly cacheTtlMs: number;
  readonly cacheMaxEntries: number;
  /** Where verdicts are kept; by default in this process, `cacheMaxEntries` for `cacheTtlMs`. */
  readonly verdicts?: VerdictStore;
  /** BitMind calls in flight per kind; match the client's concurrency. */
  readonly concurrency: number;
  /** Longest one download may take in all: the idle timeout alone cannot stop a slow drip. */
  readonly maxDownloadMs: number;
  /** BITMIND_MAX_REQUEST_MB: the largest batch body sent to BitMind. */
  readonly maxBatchBytes?: number;
  /** Downloads in flight per request. */
  readonly downloadConcurrency?: number;
  /** Memory small media may stay in instead of a temporary file; `MEMORY_LIMITS` by default. */
  readonly memory?: MemoryBudget;
  /** Downloads running at once across every check (DOWNLOAD_CONCURRENCY); 8 by default. */
  readonly downloads?: DownloadGate;
  /** Bytes of temporary files across every check (SPOOL_MAX_MB); 2 GB by default. */
  readonly disk?: DiskBudget;
  /** Converting what BitMind does not read; without it, only the types it reads are taken. */
  readonly conversion?: Omit<ConverterOptions, 'tempDir' | 'logger'>;
  readonly logger: Logger;
  readonly metrics?: Metrics;
}

export interface Checker extends CheckService {
  /** Where media too large for memory are spooled while checked; empty between checks. */
  readonly tempDir: string;
  /** The media types this Checker takes (with conversion, and videos only with a usable ffmpeg). */
  readonly accepts: Acceptance;
  /** Removes the temporary directory; checks in flight should be finished first. */
  close(): Promise<void>;
}

/**
 * Request in, report out: fetches each medium, learns its type from its bytes, answers from the cache
 * or from BitMind (batched), and reports one result per medium in order. One bad file never spoils
 * the others; every temporary file is gone when `check` settles.
 */
export async function createChecker(options: CheckerOptions): Promise<Checker> {
  const { dir: tempDir, removed } = await openTempArea();
  if (removed > 0)
    options.logger.info(
      { removed },
      'removed the temporary areas of processes that died without cleaning up',
    );
  const cache = new VerdictCache(
    options.verdicts ??
      new MemoryVerdictStore({ maxEntries: options.cacheMaxEntries, ttlMs: options.cacheTtlMs }),
  );
  const memory = options.memory ?? new MemoryBudget();
  const downloads = options.downloads ?? new DownloadGate(8, MAX_WAIT_FOR_ROOM_MS);
  const disk = options.disk ?? new DiskBudget(2048 * 1024 * 1024, MAX_WAIT_FOR_ROOM_MS);
  const converter =
    options.conversion && createConverter({ ...options.conversion, tempDir, logger: options.logger });
  // The client reads /status once and again after a 403, so asking it each time costs nothing.
  const batchAllowed = async (): Promise<boolean> => (await options.bitmind.permissions()).batch;
  const dispatchOptions = {
    concurrency: options.concurrency,
    batchAllowed,
    maxBatchBytes: options.maxBatchBytes,
  };
  const dispatchers: Record<MediaKind, BatchDispatcher> = {
    image: new BatchDispatcher('image', options.bitmind, dispatchOptions),
    video: new BatchDispatcher('video', options.bitmind, dispatchOptions),
  };

  type Fetched = { readonly ref: MediaRef; readonly media: SpooledMedia; readonly plan: Plan } | ItemResult;

  /**
   * Downloads one medium to memory or a temporary file, learning its type and hash on the way. It
   * first waits for one of the process's download slots, holding nothing meanwhile; from then on one
   * deadline covers everything from the request's first byte to the body's last.
   */
  async function download(
    ref: MediaRef,
    priority: Priority,
    signal: AbortSignal,
    bytes: { remaining: number },
    followPages: boolean,
  ): Promise<Fetched[]> {
    try {
      checkSizeHint(ref);
      return await downloads.run(priority, signal, async () => {
        const limit = deadline(options.maxDownloadMs, signal);
        const room = disk.claim();
        try {
          // Announced too large for memory: the file's room is reserved before a socket is opened.
          if (ref.sizeHint !== undefined && ref.sizeHint > memory.perItemBytes) {
            await room.cover(ref.sizeHint, limit.signal);
          }
          const stream = await ref.open(limit.signal);
          const media = await spool(stream, {
            signal: limit.signal,
            tempDir,
            memory,
            disk: room,
            sizeHint: ref.sizeHint,
            accepts: converter?.accepts,
            count: requestAllowance(bytes, options.maxRequestBytes),
          });
          options.metrics?.bytesDownloaded.inc(media.size);
          return [{ ref, media, plan: await planFor(ref, media) }];
        } catch (err) {
          room.release();
          throw err;
        } finally {
          limit.clear();
        }
      });
    } catch (err) {
      let failure = err;
      try {
        if (err instanceof LinkedPage && followPages)
          return await pageMedia(err, ref, priority, signal, bytes);
      } catch (pageErr) {
        failure = pageErr;
      }
      if (err instanceof LinkedPage) err.discard();
      if (signal.aborted) throw signal.reason;
      return [{ ref, error: describeFailure(failure, ref), ...sourceOf(ref) }];
    }
  }

  /**
   * A link a person asked about answered with a web page: what they mean is the picture or video
   * its card tags name (at most 4), each downloaded like any link, through the same guarded
   * fetcher, and never followed into another page. Auto-scan never gets here.
   */
  async function pageMedia(
    page: LinkedPage,
    ref: MediaRef,
    priority: Priority,
    signal: AbortSignal,
    bytes: { remaining: number },
  ): Promise<Fetched[]> {
    // The page is read under the same overall deadline as any download.
    const limit = deadline(options.maxDownloadMs, signal);
    let found: MediaRef[];
    try {
      found = await page.media({ signal: limit.signal });
    } finally {
      limit.clear();
    }
    if (found.length === 0) {
      const message = `No image or video was found on the linked page ${page.shown}.`;
      return [{ ref, error: { code: 'unsupported_type', message } }];
    }
    // Each through the download gate like any link, two at a time, never followed into another page.
    const ours = new PQueue({ concurrency: 2 });
    const each = await Promise.all(
      found.map((child) => ours.add(() => download(child, priority, signal, bytes, false))),
    );
    return each.flat();
  }

  /**
   * The verdict for one downloaded medium: from the cache, from a check of the same bytes already
   * under way, or from BitMind. Everything up to the submit runs synchronously, so all of a
   * request's media reach the dispatcher in one tick and share batches.
   */
  async function judge(
    ref: MediaRef,
    media: SpooledMedia,
    plan: Plan,
    priority: Priority,
    permissions: Permissions,
    fresh = false,
  ): Promise<ItemResult> {
    const { kind } = plan;
    const source = sourceOf(ref, plan.source);
    try {
      if (!permissions[kind]) {
        throw new CheckError('forbidden', `This BitMind account is not permitted to check ${kind}s.`);
      }
      // Keyed on the original's bytes: the same GIF posted twice is converted and sent once. A
      // Recheck (`fresh`) asks BitMind anew, and the verdict it gets replaces the one kept.
      const lookup = fresh ? 'refresh' : 'resolve';
      const { verdict, cached } = await cache[lookup](media.sha256, async (): Promise<CachedVerdict> => {
        const converted = await plan.convert?.();
        try {
          const sent = converted ?? media;
          const upload: Upload = {
            ...('bytes' in sent ? { bytes: sent.bytes } : { path: sent.path }),
            size: sent.size,
            contentType: sent.mime,
            filename: `upload.${extensionOfMime(sent.mime)}`,
          };
          const result = await dispatchers[kind].submit(upload, priority);
          return { ...result, simulated: options.simulated };
        } finally {
          await converted?.dispose();
        }
      });
      options.metrics?.cache.inc({ result: cached ? 'hit' : 'miss' });
      const { isAI, confidence, processingTime, simulated } = verdict;
      const { sha256 } = media;
      return { ref, kind, isAI, confidence, processingTime, cached, simulated, sha256, ...source };
    } catch (err) {
      return { ref, kind, sha256: media.sha256, error: describeFailure(err, ref), ...source };
    } finally {
      await media.dispose();
    }
  }

  /**
   * What will be sent for a downloaded medium, read from its header alone: a decompression bomb is
   * refused here, and the kind (an animated GIF goes as a video) is known before the permission check.
   */
  async function planFor(ref: MediaRef, media: SpooledMedia): Promise<Plan> {
    try {
      return converter ? await converter.plan(media) : { kind: media.kind };
    } catch (err) {
      await media.dispose();
      throw err;
    }
  }

  function describeFailure(err: unknown, ref: MediaRef): { code: ErrorCode; message: string } {
    const error = toItemError(err);
    if (error.code === 'unavailable' && !(err instanceof CheckError)) {
      options.logger.warn({ err, media: ref.name }, 'check failed');
    }
    return error;
  }

  /** What this account may check; when /status cannot be read, assume everything and let BitMind say no. */
  async function currentPermissions(): Promise<Permissions> {
    try {
      return await options.bitmind.permissions();
    } catch {
      return { image: true, video: true, batch: false };
    }
  }

  return {
    tempDir,
    accepts: converter?.accepts ?? READ_AS_IS,
    async check(request: CheckRequest, checkOptions: CheckOptions = {}): Promise<CheckReport> {
      const signal = checkOptions.signal ?? new AbortController().signal;
      // The operator at a terminal is trusted: the caps against abuse and cost are for chat.
      const fromCli = request.trigger === 'cli';
      const wanted = fromCli ? request.media : request.media.slice(0, options.maxMedia);
      const priority: Priority = request.trigger === 'autoscan' ? 'background' : 'interactive';
      const { budget } = request;
      const granted = budget?.granted ?? wanted.length;
      const bytes = { remaining: options.maxRequestBytes };

      let done = 0;
      // A linked page may stand for several media: the total grows as pages are read.
      let total = wanted.length;
      const finished = (result: ItemResult): ItemResult => {
        checkOptions.onProgress?.({ done: ++done, total });
        return result;
      };
      const followPages = request.trigger !== 'autoscan';
      // A request's own share of the process-wide download gate, so one request cannot take it all.
      const ours = new PQueue({ concurrency: options.downloadConcurrency ?? 4 });
      const perRef = await Promise.all(
        wanted.map((ref, index) =>
          ours.add(async (): Promise<Fetched[]> => {
            if (budget && index >= granted) return [finished({ ref, error: budgetError(budget) })];
            const results = await download(ref, priority, signal, bytes, followPages);
            total += results.length - 1;
            return results.map((r) => ('media' in r ? r : finished(r)));
          }),
        ),
      );
      const fetched = perRef.flat();
      const permissions = fetched.some((f) => 'media' in f) ? await currentPermissions() : undefined;
      const items = await Promise.all(
        fetched.map((f) =>
          'media' in f && permissions
            ? judge(f.ref, f.media, f.plan, priority, permissions, request.bypassCache).then(finished)
            : Promise.resolve(f as ItemResult),
        ),
      );
      if (signal.aborted) throw signal.reason;

      for (const item of items) {
        const outcome = 'error' in item ? item.error.code : item.isAI ? 'ai' : 'not_ai';
        options.metrics?.checks.inc({
          platform: request.requester.platform,
          trigger: request.trigger,
          outcome,
        });
      }
      return { request, items, skipped: request.media.length - wanted.length };
    },
    async close() {
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/** `{ source }` when there is anything to say of what was checked, else nothing. */
function sourceOf(ref: MediaRef, converted?: MediaSource): { source?: MediaSource } {
  const source: MediaSource = { ...converted, ...(ref.foundOn !== undefined && { foundOn: ref.foundOn }) };
  return Object.keys(source).length > 0 ? { source } : {};
}

/**
 * Counts a request's downloads against its total allowance as the bytes arrive, so media fetched
 * side by side cannot each take the whole allowance.
 */
function requestAllowance(bytes: { remaining: number }, total: number): (chunk: number) => void {
  return (chunk) => {
    bytes.remaining -= chunk;
    if (bytes.remaining < 0) {
      throw new CheckError(
        'too_large',
        `This request is over its ${formatSize(total)} download allowance; check fewer or smaller files at once.`,
      );
    }
  };
}
