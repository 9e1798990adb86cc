import type { Readable } from 'node:stream';

export type MediaKind = 'image' | 'video';

/** Every way a single medium can fail, as shown to a user and in `check --json`. */
export type ErrorCode =
  | 'unsupported_type'
  | 'too_large'
  | 'download_failed'
  | 'blocked_url'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'bad_request'
  | 'unavailable'
  | 'timeout'
  /** A process-wide bound (downloads, temporary disk) stayed full: try again in a moment. */
  | 'busy';

export type TriggerKind = 'command' | 'autoscan' | 'reaction' | 'shortcut' | 'cli';

/**
 * One medium to check. The adapter that makes it knows how to open its bytes (Slack adds the bot
 * token, Discord refreshes signed URLs, the CLI reads a file); the Checker only ever calls `open`.
 */
export interface MediaRef {
  /** What a person calls it: a file name or a URL without its query string. Never used as a path. */
  readonly name: string;
  /** Size the platform claims, checked against the limits before any download. */
  readonly sizeHint?: number;
  /** Type the platform claims; informative only, the bytes decide. */
  readonly mimeHint?: string;
  /** The linked page (as shown, without its query) this medium was found on, when it came from one. */
  readonly foundOn?: string;
  open(signal: AbortSignal): Promise<Readable>;
}

export interface Requester {
  readonly platform: string;
  readonly userId: string;
  readonly channelId: string;
}

/**
 * The asker's hourly budget, as data: a medium it refuses is told in each reader's language from
 * this (how many checks an hour, and when more are available), not from a sentence made once.
 */
export interface BudgetLimit {
  readonly perHour: number;
  /** When the next clock hour starts and the asker may check again (milliseconds since the epoch). */
  readonly resetsAt: number;
}

/** What the budget allows of one request: the first `granted` media are checked. */
export interface BudgetGrant extends BudgetLimit {
  readonly granted: number;
}

/**
 * Why a medium could not be checked. `message` is English and precise (what `check --json` shows);
 * `budget` is there when the asker's budget refused it, for the reader's language to say when.
 */
export interface ItemError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly budget?: BudgetLimit;
}

export interface CheckRequest {
  readonly id: string;
  readonly trigger: TriggerKind;
  readonly requester: Requester;
  readonly media: readonly MediaRef[];
  /**
   * How many media the asker's budget allows (the rest are refused, saying when more are
   * available); absent, all (the terminal's operator is trusted).
   */
  readonly budget?: BudgetGrant;
  /** Judge every medium anew, past the verdict cache (a person pressed Recheck). */
  readonly bypassCache?: boolean;
}

/** What was checked, when it was not simply the file itself: said in replies and `check --json`. */
export interface MediaSource {
  /** The type a file was converted from for BitMind: "HEIC photo", "animated GIF". */
  readonly convertedFrom?: string;
  /** An animation of which BitMind saw only the first frame: "animated GIF". */
  readonly firstFrameOf?: string;
  /** The linked page the medium was found on, as shown: "example.com/news/story". */
  readonly foundOn?: string;
}

export interface Verdict {
  readonly isAI: boolean;
  readonly confidence: number;
  readonly processingTime: number;
}

export type ItemResult =
  | ({
      readonly ref: MediaRef;
      readonly kind: MediaKind;
      readonly cached: boolean;
      readonly simulated: boolean;
      readonly source?: MediaSource;
      /** SHA-256 of the bytes as downloaded (hex): what the audit trail keeps in place of the media. */
      readonly sha256?: string;
    } & Verdict)
  | {
      readonly ref: MediaRef;
      readonly kind?: MediaKind;
      readonly source?: MediaSource;
      /** Present when the bytes were downloaded before the check failed. */
      readonly sha256?: string;
      readonly error: ItemError;
    };

export interface CheckReport {
  readonly request: CheckRequest;
  /**
   * One result per checked medium, in the order of `request.media`; a linked page a person asked
   * about stands for the media found on it (up to 4 results in its place).
   */
  readonly items: readonly ItemResult[];
  /** Media left out because the request held more than the per-request cap. */
  readonly skipped: number;
}

export interface CheckProgress {
  readonly done: number;
  readonly total: number;
}

export interface CheckOptions {
  onProgress?: (progress: CheckProgress) => void;
  signal?: AbortSignal;
}

/** What adapters and the CLI need of the Checker. */
export interface CheckService {
  check(request: CheckRequest, options?: CheckOptions): Promise<CheckReport>;
}

/** An item as a reply shows it: everything but the live reference, so it can be stored and sent on. */
export type ItemView = ItemResult extends infer I
  ? I extends ItemResult
    ? Omit<I, 'ref'> & { readonly name: string }
    : never
  : never;

/** A report as a reply shows it: plain data, fit to store and to hand to another process. */
export interface ReportView {
  readonly items: readonly ItemView[];
  /** Media left out because the request held more than the per-request cap. */
  readonly skipped: number;
}

export function viewOf(report: Pick<CheckReport, 'items' | 'skipped'>): ReportView {
  return {
    items: report.items.map(({ ref, ...rest }) => ({ ...rest, name: ref.name })),
    skipped: report.skipped,
  };
}

/** True for an item with a verdict, false for one that could not be checked. */
export function isVerdict<T extends ItemResult | ItemView>(item: T): item is Exclude<T, { error: unknown }> {
  return !('error' in item);
}

/** An error a user caused or can act on, carrying one of the codes above and a message fit to show. */
export class CheckError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CheckError';
  }
}
