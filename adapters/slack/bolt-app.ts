import { App, HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger } from '@slack/bolt';
import type { CallbackOptions, InstallationStore, StateStore as OAuthStateStore } from '@slack/oauth';
import { INSTALL_PATH, OAUTH_REDIRECT_PATH, type SlackConfig } from './config.js';
import type { Authorize } from './install/refresh-guard.js';
import { BOT_SCOPES } from './surface.js';

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
/** The longest one Web API call may take, its retries included (a token refresh is one). */
export const WEB_CLIENT_LONGEST_MS = WEB_CLIENT_RETRY.maxRetryTime + WEB_CLIENT_TIMEOUT_MS;

export interface BoltParts {
  readonly app: App;
  /** Present in HTTP mode: the receiver whose request listener the project's server mounts. */
  readonly http: HTTPReceiver | undefined;
  /** Present in Socket Mode. */
  readonly socket: SocketModeReceiver | undefined;
}

/**
 * What distributed mode adds to Bolt: where installations live, the install flow's pages, and a
 * guard around the installer's `authorize` (install/refresh-guard.ts: one token refresh of an
 * installation at a time).
 */
export interface BoltInstaller {
  readonly installationStore: InstallationStore;
  readonly stateStore: OAuthStateStore;
  readonly callbackOptions: CallbackOptions;
  readonly guardAuthorize: (authorize: Authorize) => Authorize;
}

/**
 * Bolt with the receiver the configuration asks for: Socket Mode with an app token, HTTP with a
 * signing secret (Bolt checks each request's signature and timestamp), and in distributed mode
 * HTTP with Bolt's own installer, which authorises every event with its workspace's token from the
 * installation store (refreshing it first when token rotation is on). All of it talks to
 * `SLACK_API_URL`, oauth.v2.access included; the HTTP receiver never opens a server of its own.
 */
export function createBoltApp(slack: SlackConfig, logger: BoltLogger, installer?: BoltInstaller): BoltParts {
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
    const install = slack.install;
    if (install && !installer) throw new Error('distributed mode needs an installation store');
    http = new HTTPReceiver({
      signingSecret: slack.signingSecret.reveal(),
      logger,
      endpoints: '/slack/events',
      ...(install &&
        installer && {
          clientId: install.clientId,
          clientSecret: install.clientSecret.reveal(),
          scopes: [...BOT_SCOPES],
          redirectUri: install.redirectUrl,
          installationStore: installer.installationStore,
          installerOptions: {
            // The install path sends the person straight on to Slack, with the state in a cookie.
            directInstall: true,
            installPath: INSTALL_PATH,
            redirectUriPath: OAUTH_REDIRECT_PATH,
            stateStore: installer.stateStore,
            callbackOptions: installer.callbackOptions,
            // Slack's consent page beside the configured Web API (GovSlack's, or a test's fake).
            authorizationUrl: new URL('../oauth/v2/authorize', slack.apiUrl).href,
            // oauth.v2.access, its refresh grant and auth.test go to SLACK_API_URL like every call.
            clientOptions,
          },
        }),
    });
    // Bolt takes the installer's `authorize` for events when the app initialises, and botTokenOf
    // calls it for everything else: guarded here, before either, both go through the guard.
    if (installer && http.installer) {
      const bolts = http.installer.authorize.bind(http.installer);
      http.installer.authorize = installer.guardAuthorize(bolts);
    }
  }
  const app = new App({
    ...(slack.botToken && { token: slack.botToken.reveal() }),
    receiver: socket ?? http,
    logger,
    clientOptions,
    // auth.test runs in start(), where a bad token becomes one clear error, not a stray rejection.
    deferInitialization: true,
  });
  return { app, http, socket };
}
