/**
 * The audit trail: what was checked, reported wrong and deleted, by whom and where, for moderators
 * and operators (docs/privacy.md says what it holds and for how long). The first part is the port
 * the pipeline and the moderation actions write through; its entry types are shared with them.
 */
import type { Band } from '../check/wording.js';
import type { Scope } from '../settings/store.js';

/** One medium of a check, as the audit trail keeps it: never the bytes, never a URL with a token. */
export interface AuditItem {
  readonly sha256?: string;
  readonly kind: 'image' | 'video' | 'unknown';
  readonly band?: Band;
  readonly confidence?: number;
  /** An ItemError code when the medium could not be checked. */
  readonly error?: string;
  readonly cached?: boolean;
}

interface AuditBase {
  /** ISO 8601 time the event happened. */
  readonly at: string;
  readonly platform: string;
  readonly workspace: string;
  readonly channel: string;
  /** The CheckJob id of the check this is about: the result's id, carried by its buttons. */
  readonly resultId: string;
}

export type AuditEntry =
  | (AuditBase & {
      readonly type: 'check';
      /** A link to the original message, where there is one. */
      readonly link?: string;
      /** Who asked (for auto-scan: who posted). */
      readonly asker: string;
      /** command | shortcut | autoscan | reaction | recheck */
      readonly trigger: string;
      readonly items: readonly AuditItem[];
    })
  | (AuditBase & { readonly type: 'feedback'; readonly by: string; readonly band?: Band })
  | (AuditBase & { readonly type: 'deletion'; readonly by: string });

/** The audit trail's port: embedded (JSON-lines files under DATA_DIR) or Redis streams. */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

// ---- Beyond the agreed port: what reads the trail (export, App Home) and keeps it in bounds ----

/** Which entries to read: a time range (ms since the epoch, `since` inclusive, `until` exclusive) and a workspace. */
export interface AuditQuery {
  readonly since?: number;
  readonly until?: number;
  readonly scope?: Scope;
}

/** The whole trail: written by the pipeline and the moderation actions, read by export and App Home. */
export interface AuditTrail extends AuditLog {
  /**
   * Entries within the retention that match `query`, oldest first. Entries another version wrote
   * that do not validate are left out (and said once in the log).
   */
  entries(query?: AuditQuery): AsyncIterable<AuditEntry>;
  /** Deletes everything recorded about one workspace (on request: see docs/privacy.md). */
  forget(scope: Scope): Promise<void>;
  /** Deletes what is older than the retention now; also done at open and on a timer. */
  trim(): Promise<void>;
  /** Stops the retention timer and waits for writes under way. */
  close(): Promise<void>;
}
