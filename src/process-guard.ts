import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';

export interface ProcessGuardOptions {
  readonly logger: Logger;
  readonly metrics: Pick<Metrics, 'unexpectedErrors'>;
  /**
   * Called once after an uncaught exception, to stop taking work and finish what is in flight (the
   * composition root's graceful shutdown). The process exits 1 when it settles or after `graceMs`.
   */
  readonly onFatal?: () => Promise<void>;
  /** 10 s by default: time for the log line to flush and for checks in flight to be answered. */
  readonly graceMs?: number;
  /** `process.exit` by default; tests pass a recorder. */
  readonly exit?: (code: number) => void;
}

/**
 * Installs the last line of defence: an error nothing caught is logged (one line, scrubbed like
 * every line) and counted in `bitmind_bot_unexpected_errors_total` instead of killing the process
 * silently. Returns a function that removes the handlers.
 *
 * What happens next differs by kind, on purpose:
 * - An unhandled rejection is a promise whose failure nobody awaited. The code that made it has
 *   already moved on, and no state was left half-changed by a throw in the middle of a callback, so
 *   the process keeps serving: one bad event must not cost everyone their answers.
 * - An uncaught exception was thrown out of a callback part-way through: a socket, a stream or a
 *   counter may now be in a state no code expects, and Node's own advice is that such a process is
 *   not safe to resume. So it stops taking work, lets the checks in flight finish within a grace,
 *   and exits 1, for the supervisor (systemd, Kubernetes, Docker) to start a clean one.
 */
export function installProcessGuard(options: ProcessGuardOptions): () => void {
  const { logger, metrics } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let dying = false;

  const onRejection = (reason: unknown): void => {
    metrics.unexpectedErrors.inc({ kind: 'unhandled_rejection' });
    logger.error({ err: reason }, 'unhandled promise rejection (a bug): the process keeps serving');
  };

  const onException = (err: unknown): void => {
    metrics.unexpectedErrors.inc({ kind: 'uncaught_exception' });
    if (dying) {
      logger.error({ err }, 'uncaught exception while stopping');
      return;
    }
    dying = true;
    logger.fatal({ err }, 'uncaught exception (a bug): finishing the checks in flight, then exiting');
    const timer = setTimeout(() => exit(1), options.graceMs ?? 10_000);
    void Promise.resolve()
      .then(options.onFatal)
      .catch((stopErr: unknown) =>
        logger.error({ err: stopErr }, 'shutdown after an uncaught exception failed'),
      )
      .finally(() => {
        clearTimeout(timer);
        exit(1);
      });
  };

  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
