import type { Logger } from '../../src/log.js';

/**
 * Work that continues after Slack has been acknowledged. Each task is tracked so `stop()` can give
 * the checks in flight their replies before the process exits, and a task that throws is logged
 * (every task already turns its own failures into a reply; this is the last net).
 */
export function createTaskTracker(logger: Logger) {
  const running = new Set<Promise<void>>();
  return {
    run(label: string, work: () => Promise<void>): void {
      const task = work()
        .catch((err: unknown) => logger.error({ err, task: label }, 'Slack task failed'))
        .finally(() => running.delete(task));
      running.add(task);
    },
    /** Waits for the tasks in flight, at most `timeoutMs`; returns how many were still running. */
    async drain(timeoutMs: number): Promise<number> {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([Promise.allSettled([...running]), deadline]);
      clearTimeout(timer);
      return running.size;
    },
  };
}

export type TaskTracker = ReturnType<typeof createTaskTracker>;
