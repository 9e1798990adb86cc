import { describe, expect, it } from 'vitest';
import { slackConfigOf } from '../../adapters/slack/config.js';
import { ConfigError } from '../../src/config.js';
import { loadBotConfig as loadConfig } from '../../src/platforms.js';

const KEY = Buffer.alloc(32, 3).toString('base64');
const DISTRIBUTED = {
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'client-secret-value-0123',
  SLACK_SIGNING_SECRET: 'signing-secret-value-0123',
  SLACK_STATE_SECRET: 'a-state-secret-of-at-least-thirty-two-chars',
  SLACK_REDIRECT_URL: 'https://bot.example.com/slack/oauth_redirect',
  DATA_ENCRYPTION_KEY: KEY,
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('Slack distributed mode settings', () => {
  it('turns on HTTP mode with the installer and no bot token', () => {
    const slack = slackConfigOf(loadConfig(DISTRIBUTED));
    expect(slack?.mode).toBe('http');
    expect(slack?.botToken).toBeUndefined();
    expect(slack?.install?.clientId).toBe('1234.5678');
    expect(slack?.install?.redirectUrl).toBe(DISTRIBUTED.SLACK_REDIRECT_URL);
    expect(slack?.install?.encryptionKey.reveal()).toBe(KEY);
    expect(JSON.stringify(slack)).not.toContain(DISTRIBUTED.SLACK_CLIENT_SECRET);
  });

  it('accepts the key in hex as well as base64', () => {
    const hex = Buffer.alloc(32, 5).toString('hex');
    expect(slackConfigOf(loadConfig({ ...DISTRIBUTED, DATA_ENCRYPTION_KEY: hex }))?.install).toBeDefined();
  });

  it.each([
    'SLACK_CLIENT_SECRET',
    'SLACK_STATE_SECRET',
    'SLACK_SIGNING_SECRET',
    'SLACK_REDIRECT_URL',
    'DATA_ENCRYPTION_KEY',
  ])('names %s when it is missing', (name) => {
    const env: Record<string, string> = { ...DISTRIBUTED };
    delete env[name];
    expect(problemsOf(env).join('\n')).toMatch(new RegExp(`^${name} is missing: distributed mode`, 'm'));
  });

  it('refuses a short state secret, a key of the wrong size, a redirect elsewhere, and mixed modes', () => {
    const problems = problemsOf({
      ...DISTRIBUTED,
      SLACK_STATE_SECRET: 'short',
      DATA_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64'),
      SLACK_REDIRECT_URL: 'https://bot.example.com/callback',
      SLACK_BOT_TOKEN: 'xoxb-1-2-3',
      SLACK_APP_TOKEN: 'xapp-1-2-3',
    }).join('\n');
    expect(problems).toContain('SLACK_STATE_SECRET must be at least 32 characters long');
    expect(problems).toContain('DATA_ENCRYPTION_KEY must be 32 bytes');
    expect(problems).toContain('SLACK_REDIRECT_URL must end in /slack/oauth_redirect');
    expect(problems).toContain('SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set');
    expect(problems).toContain('unset SLACK_APP_TOKEN');
    expect(problems).not.toContain(Buffer.alloc(16).toString('base64'));
  });
});
