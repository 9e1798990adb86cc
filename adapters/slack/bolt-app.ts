import { App, HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger } from '@slack/bolt';
import type { SlackConfig } from './config.js';

/**
 * The Web API client's manners: a call is retried a few times (a 429 waits for its Retry-After
 * first, which the client honours on its own), never for more than a minute, and no call hangs.
 */
const WEB_CLIENT_RETRY = {
  retries: 3,
  factor: 2,
  minTimeout: 250,
  maxTimeout: 5_000,
  maxRetryTime: 60_000,
};
const WEB_CLIENT_TIMEOUT_MS = 15_000;

export interface BoltParts {
  readonly app: App;
  /** Present in HTTP mode: the receiver whose request listener the project's server mounts. */
  readonly http: HTTPReceiver | undefined;
  /** Present in Socket Mode. */
  readonly socket: SocketModeReceiver | undefined;
}

/**
 * Bolt with the receiver the configuration asks for: Socket Mode with an app token, HTTP with a
 * signing secret (Bolt checks each request's signature and timestamp). Both talk to
 * `SLACK_API_URL`; the HTTP receiver never opens a server of its own.
 */
export function createBoltApp(slack: SlackConfig, logger: BoltLogger): BoltParts {
  const clientOptions = {
    slackApiUrl: slack.apiUrl,
    retryConfig: WEB_CLIENT_RETRY,
    timeout: WEB_CLIENT_TIMEOUT_MS,
  };
  let http: HTTPReceiver | undefined;
  let socket: SocketModeReceiver | undefined;
  if (slack.mode === 'socket') {
    if (!slack.appToken) throw new Error('Socket Mode needs SLACK_APP_TOKEN');
    socket = new SocketModeReceiver({
      appToken: slack.appToken.reveal(),
      logger,
      // Not an installer: this is how the Socket Mode client learns the API URL and retry policy.
      installerOptions: { clientOptions },
      // The envelope id names a delivery, so a redelivered envelope is recognised (a delivery key of the trigger).
      customPropertiesExtractor: (args: { envelope_id?: unknown }) =>
        typeof args.envelope_id === 'string' ? { envelopeId: args.envelope_id } : {},
    });
  } else {
    if (!slack.signingSecret) throw new Error('HTTP mode needs SLACK_SIGNING_SECRET');
    http = new HTTPReceiver({
      signingSecret: slack.signingSecret.reveal(),
      logger,
      endpoints: '/slack/events',
    });
  }
  const app = new App({
    token: slack.botToken.reveal(),
    receiver: socket ?? http,
    logger,
    clientOptions,
    // auth.test runs in start(), where a bad token becomes one clear error, not a stray rejection.
    deferInitialization: true,
  });
  return { app, http, socket };
}
