import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/log.js';

/**
 * Bolt's debug lines quote whole payloads, which carry the legacy verification token and response
 * URLs (anyone holding one may post to the channel); pino's redaction sees only keys, not text
 * inside a string, so those are removed here.
 */
const PAYLOAD_SECRETS = /"(token|response_url|bot_access_token)"\s*:\s*"[^"]*"/g;

function scrub(text: string): string {
  return text.replace(PAYLOAD_SECRETS, '"$1":"[redacted]"');
}

/**
 * Install-flow errors a person causes (a stale, replayed or foreign link, a cancelled consent):
 * the failure page and the installer's one warning say so, so Bolt's copy with its stack is debug.
 */
const PERSON_CAUSED: readonly string[] = [
  'slack_oauth_invalid_state',
  'slack_oauth_missing_state',
  'slack_oauth_missing_code',
  'slack_oauth_installer_authorization_error',
];

function levelOf(level: 'debug' | 'info' | 'warn' | 'error', err: Error | undefined) {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && PERSON_CAUSED.includes(code) ? 'debug' : level;
}

const FROM_PINO: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/** Bolt, the Web API client and the Socket Mode client all log through this bridge into pino. */
export function boltLogger(logger: Logger): BoltLogger {
  const log =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]): void => {
      const err = parts.find((p): p is Error => p instanceof Error);
      const text = scrub(
        parts
          .filter((p) => p !== err)
          .map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))
          .join(' '),
      );
      if (err) logger[levelOf(level, err)]({ err }, text || err.message);
      else logger[level](text);
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    // The level is pino's, set from LOG_LEVEL; Bolt only asks for it.
    setLevel: () => undefined,
    getLevel: () => FROM_PINO[logger.level] ?? LogLevel.ERROR,
    setName: () => undefined,
  };
}
