import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { captureLogger } from './capture.js';

describe('createLogger', () => {
  it('writes one JSON object per line, with the level, time and message', () => {
    const { log, lines } = captureLogger();
    log.info({ channel: 'C1' }, 'checked');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 30, msg: 'checked', channel: 'C1' });
  });

  it('drops lines below the level it is given (LOG_LEVEL)', () => {
    const { log, lines } = captureLogger('warn');
    log.info('quiet');
    log.warn('loud');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['loud']);
  });

  it('starts at info', () => {
    const lines: string[] = [];
    const log = createLogger({ destination: { write: (l: string) => void lines.push(l) } });
    log.debug('hidden');
    log.info('shown');
    expect(lines).toHaveLength(1);
  });
});
