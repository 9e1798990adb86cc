import { createLogger, type Logger } from '../../src/log.js';

/** A logger whose every line is kept, raw, for a test to search. */
export function captureLogger(level = 'trace'): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  return { log, lines };
}
