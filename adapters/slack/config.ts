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
import { parseEncryptionKey } from './install/encryption.js';

/** A distributable app: workspaces install it through Slack's OAuth flow ("Add to Slack"). */
export interface SlackInstallConfig {
  readonly clientId: string;
  readonly clientSecret: Secret;
  readonly stateSecret: Secret;
  /** The public address of GET /slack/oauth_redirect, as listed in the app's redirect URLs. */
  readonly redirectUrl: string;
  /** Seals the tokens in the installation store (AES-256-GCM). */
  readonly encryptionKey: Secret;
}

export interface SlackConfig {
  /** The one workspace's bot token; undefined in distributed mode, where each workspace has its own. */
  readonly botToken: Secret | undefined;
  /** Set in distributed mode (SLACK_CLIENT_ID…): every workspace's token comes from its installation. */
  readonly install: SlackInstallConfig | undefined;
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
  SLACK_CLIENT_ID: {
    group: 'Slack',
    doc: 'Distributed mode ("Add to Slack" for many workspaces, HTTP mode): the app\'s client id, with SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SLACK_REDIRECT_URL and DATA_ENCRYPTION_KEY instead of SLACK_BOT_TOKEN.',
    schema: text.optional(),
  },
  SLACK_CLIENT_SECRET: {
    group: 'Slack',
    doc: "Distributed mode: the app's client secret (Basic Information).",
    schema: text.optional(),
    secret: true,
  },
  SLACK_STATE_SECRET: {
    group: 'Slack',
    doc: "Distributed mode: a random string of 32 characters or more that signs the install flow's state.",
    schema: text.optional(),
    secret: true,
  },
  SLACK_REDIRECT_URL: {
    group: 'Slack',
    doc: "Distributed mode: the public address of /slack/oauth_redirect, as listed in the app's redirect URLs.",
    schema: httpUrl.optional(),
  },
  DATA_ENCRYPTION_KEY: {
    group: 'Slack',
    doc: 'Distributed mode: 32 bytes in base64 or hex that encrypt the stored workspace tokens (`bitmind-bot doctor` prints a new one).',
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
    if (!bot && !app && !signing && !e.SLACK_CLIENT_ID) return undefined;
    const before = problems.length;
    const install = e.SLACK_CLIENT_ID ? resolveInstall(e, problems) : undefined;
    if (install) {
      if (problems.length > before) return undefined;
      return { ...common(e), botToken: undefined, install, mode: 'http', appToken: undefined };
    }
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
      ...common(e),
      botToken: new Secret(bot),
      install: undefined,
      mode: app ? 'socket' : 'http',
      appToken: app ? new Secret(app) : undefined,
    };
  },
};

function common(e: Env) {
  return {
    signingSecret: e.SLACK_SIGNING_SECRET ? new Secret(e.SLACK_SIGNING_SECRET) : undefined,
    apiUrl: withTrailingSlash(e.SLACK_API_URL),
    triggerReaction: e.SLACK_TRIGGER_REACTION.replace(/^:|:$/g, ''),
    adminUsers: splitList(e.SLACK_ADMIN_USERS),
  };
}

/** Slack's advice, and Bolt's: a state secret long enough not to be guessed. */
export const MIN_STATE_SECRET_LENGTH = 32;

/** Distributed mode's settings; problems for each one missing or wrong, in the variables' words. */
function resolveInstall(e: Env, problems: string[]): SlackInstallConfig | undefined {
  const before = problems.length;
  const need = (name: string, value: string | undefined, why: string): string => {
    if (!value) problems.push(`${name} is missing: distributed mode (SLACK_CLIENT_ID) needs ${why}`);
    return value ?? '';
  };
  const clientSecret = need('SLACK_CLIENT_SECRET', e.SLACK_CLIENT_SECRET, "the app's client secret");
  const stateSecret = need('SLACK_STATE_SECRET', e.SLACK_STATE_SECRET, 'a random state secret');
  const signing = need('SLACK_SIGNING_SECRET', e.SLACK_SIGNING_SECRET, "the app's signing secret");
  const redirectUrl = need(
    'SLACK_REDIRECT_URL',
    e.SLACK_REDIRECT_URL,
    'the public address of /slack/oauth_redirect',
  );
  const key = need(
    'DATA_ENCRYPTION_KEY',
    e.DATA_ENCRYPTION_KEY,
    'a key to encrypt the stored tokens (run bitmind-bot doctor for a new one)',
  );
  if (e.SLACK_BOT_TOKEN)
    problems.push(
      'SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: keep SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID (with its settings) to let many install the app',
    );
  if (e.SLACK_APP_TOKEN)
    problems.push(
      'SLACK_APP_TOKEN is set with SLACK_CLIENT_ID: a distributed app runs in HTTP mode (Slack lists no Socket Mode app), so unset SLACK_APP_TOKEN',
    );
  if (stateSecret && stateSecret.length < MIN_STATE_SECRET_LENGTH)
    problems.push(
      `SLACK_STATE_SECRET must be at least ${MIN_STATE_SECRET_LENGTH} characters long (a random string: openssl rand -hex 32)`,
    );
  if (key && !parseEncryptionKey(key))
    problems.push(
      'DATA_ENCRYPTION_KEY must be 32 bytes written as base64 (44 characters) or hex (64 digits): run bitmind-bot doctor for a new one',
    );
  if (redirectUrl && signing && new URL(redirectUrl).pathname !== OAUTH_REDIRECT_PATH)
    problems.push(
      `SLACK_REDIRECT_URL must end in ${OAUTH_REDIRECT_PATH}, where the bot completes an install`,
    );
  if (problems.length > before) return undefined;
  return {
    clientId: e.SLACK_CLIENT_ID ?? '',
    clientSecret: new Secret(clientSecret),
    stateSecret: new Secret(stateSecret),
    redirectUrl,
    encryptionKey: new Secret(key),
  };
}

/** Where a workspace starts the install, and where Slack sends the person back. */
export const INSTALL_PATH = '/slack/install';
export const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** This platform's settings in a loaded configuration; undefined when Slack is off. */
export function slackConfigOf(config: Config): SlackConfig | undefined {
  // Put there by slackConfigSlice.resolve, and by nothing else.
  return config.platforms[slackConfigSlice.platform] as SlackConfig | undefined;
}
