// Types only, agreed with the `audit` helper (issue 18 part 1): its file, with the implementations,
// replaces this one at merge.
import type { Band } from '../check/wording.js';

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
