import { pino } from 'pino';
import pretty from 'pino-pretty';
import { createLogger, type Logger } from '../log.js';
import type { CommandIO } from './command.js';

/**
 * Logs for one-shot commands go to stderr, so stdout stays clean for tables and JSON; and only
 * warnings unless LOG_LEVEL asks for more, since a person is reading.
 */
export function cliLogger(io: CommandIO, configuredLevel: string): Logger {
  const level = io.env.LOG_LEVEL ? configuredLevel : 'warn';
  const toTerminal = (io.stderr as { isTTY?: boolean }).isTTY === true;
  const destination = toTerminal
    ? pretty({ colorize: true, sync: true, destination: 2 })
    : pino.destination(2);
  return createLogger({ level, destination });
}
