/**
 * The public surface of the BitMind client. It knows nothing of chat, media fetching or the Checker,
 * so it could be published on its own.
 */
import type { BitmindError } from './errors.js';

export type BitmindErrorCode =
  'unauthorized' | 'forbidden' | 'too_large' | 'rate_limited' | 'bad_request' | 'unavailable' | 'timeout';

/** Who is waiting: a person (command, shortcut, reaction) goes ahead of background auto-scans. */
export type Priority = 'interactive' | 'background';

export interface BitmindVerdict {
  readonly isAI: boolean;
  readonly confidence: number;
  readonly processingTime: number;
}

/**
 * A medium to upload: a file on disk, streamed as it is sent (its size does not matter to memory),
 * or bytes already in memory, sent as they are (every retry sends the same bytes).
 */
export type Upload = UploadSource & UploadInfo;

export type UploadSource = { readonly path: string } | { readonly bytes: Uint8Array };

export interface UploadInfo {
  readonly size: number;
  /** The real type of the bytes (image/jpeg, image/png, image/webp, video/mp4, video/quicktime, video/x-msvideo). */
  readonly contentType: string;
  /** File name sent in multipart parts; never a user-controlled path. */
  readonly filename: string;
}

export interface CallOptions {
  /** Default 'interactive'. */
  readonly priority?: Priority;
  readonly signal?: AbortSignal;
}

export interface Permissions {
  readonly image: boolean;
  readonly video: boolean;
  readonly batch: boolean;
}

export interface RequestEvent {
  /** The endpoint's name: token, health, status, image, video, batchImage, batchVideo. */
  readonly endpoint: string;
  /** HTTP status, or 0 when no response arrived (reset, timeout). */
  readonly status: number;
  readonly durationMs: number;
  /** 0 for the first attempt. */
  readonly attempt: number;
  readonly willRetry: boolean;
}

export interface QueueStats {
  /** Calls waiting for the rate limiter (or paused after a 429). */
  readonly waiting: number;
  /** Calls in flight. */
  readonly running: number;
}

/** One result per input of a batch, in input order. */
export type BatchResult = BitmindVerdict | BitmindError;

export interface BitmindApi {
  health(options?: CallOptions): Promise<Record<string, unknown>>;
  status(options?: CallOptions): Promise<Record<string, unknown>>;
  /** From `/status`, read once and again after a 403. */
  permissions(options?: CallOptions): Promise<Permissions>;
  checkImage(upload: Upload, options?: CallOptions): Promise<BitmindVerdict>;
  checkVideo(upload: Upload, options?: CallOptions): Promise<BitmindVerdict>;
  /**
   * One result per input, in input order: a verdict, or the BitmindError for that input (a failure
   * of the whole request is that error for each of its inputs). Inputs beyond the documented batch
   * size (50 images, 20 videos) are sent in further requests. Rejects only when aborted.
   */
  checkImages(uploads: readonly Upload[], options?: CallOptions): Promise<BatchResult[]>;
  checkVideos(uploads: readonly Upload[], options?: CallOptions): Promise<BatchResult[]>;
  queueStats(): QueueStats;
  close(): Promise<void>;
}
