import { LogLevel, webApi, type Logger as SlackLogger } from '@slack/bolt';
import { z } from 'zod';
import { fail, pass, skip, type Finding, type Section } from '../../src/doctor/checklist.js';
import { messageOf, withDeadline } from '../../src/doctor/deadline.js';
import type { Logger } from '../../src/log.js';
import type { Config } from '../../src/config.js';
import type { SlackConfig } from './config.js';
import { installFindings } from './install/doctor.js';

export interface SlackProbeTarget {
  readonly slack: SlackConfig;
  /** Where the installation store lives (distributed mode). */
  readonly store: Pick<Config, 'dataDir' | 'redis'>;
  /** PORT, to say where Slack must send events in HTTP mode. */
  readonly port: number;
  /** The bot scopes the manifest asks for. */
  readonly requiredScopes: readonly string[];
  /** The scope the app-level token needs for Socket Mode. */
  readonly appTokenScope: string;
  /** The manifest to reinstall from, for the configured mode. */
  readonly manifest: string;
  readonly timeoutMs: number;
  readonly logger: Logger;
}

const authTestShape = z.looseObject({
  team: z.string().optional(),
  user: z.string().optional(),
  response_metadata: z.looseObject({ scopes: z.array(z.string()).optional() }).optional(),
});
const connectionShape = z.looseObject({ url: z.string() });
/** What the WebClient throws: Slack's own error code, or the request that never got an answer. */
const platformError = z.object({ data: z.object({ error: z.string() }) });
const rateLimited = z.object({ code: z.literal(webApi.ErrorCode.RateLimitedError), retryAfter: z.number() });

/** Slack: the bot token and its scopes (auth.test), then the app token (Socket Mode) or the signing secret. */
export async function probeSlack(target: SlackProbeTarget): Promise<Section> {
  const { slack } = target;
  const [bot, mode] = await Promise.all([
    slack.install ? installFindings(slack.install, target.store, target) : botTokenFindings(target),
    slack.mode === 'socket' ? appTokenFinding(target) : Promise.resolve(signingSecretFinding(target)),
  ]);
  return {
    name: `Slack (${slack.mode === 'socket' ? 'Socket Mode' : slack.install ? 'distributed, HTTP mode' : 'HTTP mode'})`,
    findings: [...bot, mode],
  };
}

function clientFor(token: string, target: SlackProbeTarget): webApi.WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl: target.slack.apiUrl,
    timeout: target.timeoutMs,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: quietLogger(target.logger),
  });
}

async function botTokenFindings(target: SlackProbeTarget): Promise<Finding[]> {
  const token = target.slack.botToken;
  if (!token) return [skip('Bot token not set')];
  let answer: z.output<typeof authTestShape>;
  try {
    answer = authTestShape.parse(
      await withDeadline(target.timeoutMs, 'Slack auth.test', () =>
        clientFor(token.reveal(), target).auth.test(),
      ),
    );
  } catch (err) {
    const failure = classify(err);
    return [
      fail(
        failedTitle('Bot token (SLACK_BOT_TOKEN)', 'auth.test', failure),
        botTokenFix(failure, target),
        explain(failure),
      ),
      skip('Scopes not read: auth.test failed'),
    ];
  }
  const who = answer.user && answer.team ? ` (bot @${answer.user} in ${answer.team})` : '';
  const valid = pass(`Bot token valid${who}`);
  const granted = answer.response_metadata?.scopes;
  if (!granted) return [valid, skip('Scopes not read: Slack did not list them (x-oauth-scopes)')];
  const missing = target.requiredScopes.filter((s) => !granted.includes(s));
  return [
    valid,
    missing.length === 0
      ? pass(`Scopes: all ${target.requiredScopes.length} that ${target.manifest} asks for`)
      : fail(
          `Scopes missing: ${missing.join(', ')}`,
          `reinstall the app from ${target.manifest} (Slack shows the new scopes to approve), then put the new bot token in SLACK_BOT_TOKEN if it changed.`,
        ),
  ];
}

async function appTokenFinding(target: SlackProbeTarget): Promise<Finding> {
  const token = target.slack.appToken;
  if (!token) return skip('App-level token not set');
  try {
    // Asks for a Socket Mode URL, which proves the token, without opening the WebSocket.
    connectionShape.parse(
      await withDeadline(target.timeoutMs, 'Slack apps.connections.open', () =>
        clientFor(token.reveal(), target).apps.connections.open(),
      ),
    );
    return pass('App-level token valid (SLACK_APP_TOKEN): Socket Mode can connect');
  } catch (err) {
    const failure = classify(err);
    return fail(
      failedTitle('App-level token (SLACK_APP_TOKEN)', 'apps.connections.open', failure),
      appTokenFix(failure, target),
      explain(failure),
    );
  }
}

function signingSecretFinding(target: SlackProbeTarget): Finding {
  return pass(
    'Signing secret set (SLACK_SIGNING_SECRET)',
    `Slack must send events, the slash command and the shortcut to https://<this service's public address>/slack/events\n` +
      `(this process serves it on port ${target.port}); Slack checks that URL when you save it in the app's settings.`,
  );
}

type Failure =
  | { readonly kind: 'slack'; readonly code: string }
  | { readonly kind: 'rate_limited'; readonly retryAfter: number }
  | { readonly kind: 'no_answer'; readonly message: string };

function classify(err: unknown): Failure {
  const platform = platformError.safeParse(err);
  if (platform.success) return { kind: 'slack', code: platform.data.data.error };
  const limited = rateLimited.safeParse(err);
  if (limited.success) return { kind: 'rate_limited', retryAfter: limited.data.retryAfter };
  return { kind: 'no_answer', message: messageOf(err) };
}

/** "not accepted" only when Slack said so; otherwise the token was never judged. */
function failedTitle(token: string, method: string, failure: Failure): string {
  if (failure.kind === 'slack') return `${token} not accepted`;
  if (failure.kind === 'rate_limited') return `${token} not checked: Slack rate limited ${method}`;
  return `${token} not checked: Slack did not answer ${method}`;
}

function explain(failure: Failure): string {
  if (failure.kind === 'slack') return `Slack answered "${failure.code}".`;
  if (failure.kind === 'rate_limited')
    return `Slack is rate limiting these calls (retry after ${failure.retryAfter} s).`;
  return `No answer from Slack: ${failure.message}`;
}

/** The fix when Slack itself did not answer: the same for both tokens. */
function unansweredFix(failure: Failure, target: SlackProbeTarget): string | undefined {
  if (failure.kind === 'rate_limited') return 'wait a minute and run the doctor again.';
  if (failure.kind === 'no_answer')
    return `check SLACK_API_URL (${target.slack.apiUrl}) and that this machine can reach Slack.`;
  return undefined;
}

function botTokenFix(failure: Failure, target: SlackProbeTarget): string {
  const code = failure.kind === 'slack' ? failure.code : undefined;
  if (code === 'invalid_auth' || code === 'not_authed')
    return 'copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions into SLACK_BOT_TOKEN.';
  if (code === 'token_revoked' || code === 'token_expired' || code === 'account_inactive')
    return `the token no longer works (the app was uninstalled or reinstalled): install the app from ${target.manifest} and put the new bot token in SLACK_BOT_TOKEN.`;
  return unansweredFix(failure, target) ?? 'see what Slack said, then run the doctor again.';
}

function appTokenFix(failure: Failure, target: SlackProbeTarget): string {
  const code = failure.kind === 'slack' ? failure.code : undefined;
  if (code === 'missing_scope')
    return `give the app-level token the ${target.appTokenScope} scope (Basic Information → App-Level Tokens), or make a new one with it.`;
  if (code === 'invalid_auth' || code === 'not_authed' || code === 'token_revoked')
    return `copy an app-level token (xapp-…) with ${target.appTokenScope} from Basic Information → App-Level Tokens into SLACK_APP_TOKEN.`;
  return (
    unansweredFix(failure, target) ??
    `turn on Socket Mode for the app (Settings → Socket Mode), or install it from ${target.manifest}.`
  );
}

/** The WebClient's own lines only repeat what the checklist says: keep them for LOG_LEVEL=debug. */
function quietLogger(logger: Logger): SlackLogger {
  const text = (p: unknown) =>
    typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p);
  const debug = (...parts: unknown[]): void => logger.debug(parts.map(text).join(' '));
  return {
    debug,
    info: debug,
    warn: debug,
    error: debug,
    setLevel: () => undefined,
    getLevel: () => (logger.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.ERROR),
    setName: () => undefined,
  };
}
