/** One line of the BENCHMARKS.md table: a measure, the bot's value, the baseline's, and the target. */
export interface Row {
  readonly measure: string;
  readonly bot: string;
  readonly baseline: string;
  /** Baseline over bot (or the measure's own ratio), as shown. */
  readonly ratio: string;
  readonly target: string;
  /** null: informative only, no target. */
  readonly met: boolean | null;
}

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  /** The settings the scenario ran with (sizes, counts, latencies, limits, arrival model). */
  readonly settings: Readonly<Record<string, unknown>>;
  /** The raw numbers behind the rows. */
  readonly measured: Readonly<Record<string, unknown>>;
  readonly rows: readonly Row[];
}

/** The size of a run: `full` is the recorded one; `quick` checks that the bench works in seconds. */
export interface Scale {
  readonly quick: boolean;
}

export const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const times = (value: number): string => `${value.toFixed(2)}x`;
export const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
