const MiB = 1024 * 1024;

/**
 * How much small media may hold in memory instead of a temporary file. A 1 MB image sent from memory
 * skips writing it to disk and reading it back (a few ms each); the total bounds what a burst costs.
 */
export const MEMORY_LIMITS = {
  /** Shared by every medium being checked at once. */
  totalBytes: 64 * MiB,
  /** A medium larger than this goes to disk whatever the budget has left. */
  perItemBytes: 8 * MiB,
} as const;

/**
 * The memory media may hold, shared by a Checker's checks. Each medium claims its bytes as they
 * arrive, since its size is known only at the end; a claim that cannot grow sends it to disk.
 */
export class MemoryBudget {
  #used = 0;

  constructor(
    readonly totalBytes: number = MEMORY_LIMITS.totalBytes,
    readonly perItemBytes: number = MEMORY_LIMITS.perItemBytes,
  ) {}

  /** Bytes held by claims not yet released. */
  get usedBytes(): number {
    return this.#used;
  }

  /**
   * A claim for one medium, or none when it is announced larger than a medium may hold (the
   * announcement is not trusted otherwise: a claim stops growing at the per-item limit).
   */
  claim(expectedBytes?: number): MemoryClaim | undefined {
    if (expectedBytes !== undefined && expectedBytes > this.perItemBytes) return undefined;
    let held = 0;
    return {
      grow: (bytes) => {
        if (held + bytes > this.perItemBytes || this.#used + bytes > this.totalBytes) return false;
        held += bytes;
        this.#used += bytes;
        return true;
      },
      release: () => {
        this.#used -= held;
        held = 0;
      },
    };
  }
}

export interface MemoryClaim {
  /** Adds `bytes` if both the medium's limit and the shared budget have room; false otherwise. */
  grow(bytes: number): boolean;
  /** Gives the bytes back; safe to call more than once. */
  release(): void;
}
