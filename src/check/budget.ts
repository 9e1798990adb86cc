/**
 * How many checks one person may ask for per hour: a fixed window per person, so the message can say
 * exactly when it resets. Off when the limit is 0.
 */
export class PersonBudget {
  readonly #windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly perHour: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes up to `wanted` checks for `person`; returns how many were granted and when the window resets. */
  take(person: string, wanted: number): { granted: number; resetsAt: number } {
    if (this.perHour <= 0) return { granted: wanted, resetsAt: 0 };
    const now = this.now();
    let window = this.#windows.get(person);
    if (!window || now - window.start >= HOUR) {
      window = { start: now, used: 0 };
      this.#windows.set(person, window);
      this.#forgetExpired(now);
    }
    const granted = Math.max(0, Math.min(wanted, this.perHour - window.used));
    window.used += granted;
    return { granted, resetsAt: window.start + HOUR };
  }

  #forgetExpired(now: number): void {
    for (const [person, window] of this.#windows)
      if (now - window.start >= HOUR) this.#windows.delete(person);
  }
}

const HOUR = 3_600_000;
