import type { BitmindApi } from './bitmind/types.js';
import type { Logger } from './log.js';
import { deadline } from './deadline.js';

export interface HealthProbeOptions {
  readonly bitmind: Pick<BitmindApi, 'health'>;
  readonly logger: Logger;
  /** Time between the end of one probe and the start of the next. */
  readonly intervalMs: number;
  /** A probe that takes longer counts as a failure (the client's own retries would take minutes). */
  readonly timeoutMs: number;
}

export interface HealthProbe {
  /** Whether BitMind answered the last probe; false until the first one answers. */
  readonly healthy: boolean;
  /** Why not, in a few words fit for /readyz (never a secret: codes, not messages). */
  readonly problem: string | undefined;
  stop(): void;
}

function describe(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return `health check failed (${code})`;
  return err instanceof Error && err.name === 'TimeoutError'
    ? 'health check timed out'
    : 'health check failed';
}

/** Asks BitMind's /health at once and then periodically, so /readyz can say whether BitMind answers. */
export function startHealthProbe(options: HealthProbeOptions): HealthProbe {
  const { bitmind, logger, intervalMs, timeoutMs } = options;
  let problem: string | undefined = 'no health check answered yet';
  let healthy = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const controller = new AbortController();

  async function probe(): Promise<void> {
    const limit = deadline(timeoutMs, controller.signal);
    try {
      await bitmind.health({ signal: limit.signal });
      if (!healthy) logger.info('BitMind health check answered');
      healthy = true;
      problem = undefined;
    } catch (err) {
      if (stopped) return;
      if (healthy || problem !== describe(err)) logger.warn({ err }, 'BitMind health check failed');
      healthy = false;
      problem = describe(err);
    } finally {
      limit.clear();
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => void probe().then(schedule), intervalMs);
    // The probe never keeps the process alive on its own.
    timer.unref();
  }

  void probe().then(schedule);
  return {
    get healthy() {
      return healthy;
    },
    get problem() {
      return problem;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      controller.abort();
    },
  };
}
