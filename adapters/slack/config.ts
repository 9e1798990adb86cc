import { z } from 'zod';
import {
  httpUrl,
  splitList,
  text,
  withTrailingSlash,
  type Config,
  type ConfigSlice,
  type VarSpec,
} from '../../src/config.js';
import { Secret } from '../../src/secret.js';

export interface SlackConfig {
  readonly botToken: Secret;
  readonly mode: 'socket' | 'http';
  readonly appToken: Secret | undefined;
  readonly signingSecret: Secret | undefined;
  /** The Web API base, with its trailing slash (GovSlack and tests use another). */
  readonly apiUrl: string;
  readonly triggerReaction: string;
  readonly adminUsers: readonly string[];
}

const VARS = {
  SLACK_BOT_TOKEN: { group: 'Slack', doc: 'Bot token (xoxb-...).', schema: text.optional(), secret: true },
  SLACK_APP_TOKEN: {
    group: 'Slack',
    doc: 'App-level token (xapp-...) with connections:write: turns on Socket Mode.',
    schema: text.optional(),
    secret: true,
  },
  SLACK_SIGNING_SECRET: {
    group: 'Slack',
    doc: 'Signing secret: turns on HTTP mode at POST /slack/events when there is no app token.',
    schema: text.optional(),
    secret: true,
  },
  SLACK_API_URL: {
    group: 'Slack',
    doc: 'Slack Web API base (GovSlack and tests use another).',
    schema: httpUrl.default('https://slack.com/api/'),
  },
  SLACK_TRIGGER_REACTION: {
    group: 'Slack',
    doc: 'Reaction name that asks for a check.',
    schema: text.default('mag'),
  },
  SLACK_ADMIN_USERS: {
    group: 'Slack',
    doc: 'Comma-separated Slack user ids who may change auto-scan besides workspace admins.',
    schema: z.string().optional(),
  },
} as const satisfies Record<string, VarSpec>;

type Env = { [K in keyof typeof VARS]: z.output<(typeof VARS)[K]['schema']> };

/** Slack's variables, and the settings they make; Slack is on when any of its credentials is set. */
export const slackConfigSlice: ConfigSlice<SlackConfig> = {
  platform: 'slack',
  vars: VARS,
  // Slack ids are upper-case letters and digits, starting with a letter (C…, G…, D…).
  isChannelId: (id) => /^[A-Z][A-Z0-9]+$/.test(id),
  resolve(values, problems) {
    const e = values as Env;
    const bot = e.SLACK_BOT_TOKEN;
    const app = e.SLACK_APP_TOKEN;
    const signing = e.SLACK_SIGNING_SECRET;
    if (!bot && !app && !signing) return undefined;
    const before = problems.length;
    if (!bot)
      problems.push(
        'SLACK_BOT_TOKEN is missing: Slack needs the bot token (xoxb-...) beside SLACK_APP_TOKEN or SLACK_SIGNING_SECRET',
      );
    else if (!bot.startsWith('xoxb-'))
      problems.push(
        'SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions page of your Slack app)',
      );
    if (app && !app.startsWith('xapp-'))
      problems.push(
        'SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)',
      );
    if (bot && !app && !signing) {
      problems.push(
        'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing: set the app token for Socket Mode, or the signing secret for HTTP mode',
      );
    }
    if (problems.length > before || !bot) return undefined;
    return {
      botToken: new Secret(bot),
      mode: app ? 'socket' : 'http',
      appToken: app ? new Secret(app) : undefined,
      signingSecret: signing ? new Secret(signing) : undefined,
      apiUrl: withTrailingSlash(e.SLACK_API_URL),
      triggerReaction: e.SLACK_TRIGGER_REACTION.replace(/^:|:$/g, ''),
      adminUsers: splitList(e.SLACK_ADMIN_USERS),
    };
  },
};

/** This platform's settings in a loaded configuration; undefined when Slack is off. */
export function slackConfigOf(config: Config): SlackConfig | undefined {
  // Put there by slackConfigSlice.resolve, and by nothing else.
  return config.platforms[slackConfigSlice.platform] as SlackConfig | undefined;
}
