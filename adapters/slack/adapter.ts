import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthorizationError } from '@slack/bolt';
import type { AdapterDeps, ChatAdapter } from '../../src/adapter.js';
import { createBoltApp } from './bolt-app.js';
import { boltLogger } from './bolt-logger.js';
import { INSTALL_PATH, OAUTH_REDIRECT_PATH, slackConfigOf } from './config.js';
import type { SlackContext, SlackWorkspace } from './context.js';
import { createDelivery } from './deliver.js';
import { messageSpecs, openSlackFile } from './files.js';
import { guardHttp, guardSocketMode } from './guard.js';
import { NotInstalledError } from './install/installation-store.js';
import { botTokenOf, openInstallations } from './install/installations.js';
import { fetchMessage } from './lookup.js';
import { slackMessageLink } from './message-link.js';
import { registerAppHome } from './triggers/app-home.js';
import { registerAutoscan } from './triggers/autoscan.js';
import { registerCommand } from './triggers/command.js';
import { registerReaction } from './triggers/reaction.js';
import { registerResultButtons } from './triggers/result-buttons.js';
import { registerShortcut } from './triggers/shortcut.js';
import { createModeration } from './moderation.js';
import { registerUninstall } from './triggers/uninstall.js';
import { createSlackWeb, slackErrorOf } from './web.js';

export type SlackAdapterDeps = AdapterDeps;

export interface SlackAdapter extends ChatAdapter {
  readonly mode: 'socket' | 'http';
}

export const SLACK_EVENTS_PATH = '/slack/events';

const noop = (): void => undefined;

/** What an authorisation error wraps at its root: Bolt's app wraps its installer's, which wraps the store's. */
function rootCause(err: Error): Error {
  let cause = err;
  for (let depth = 0; depth < 3; depth++) {
    const original = (cause as { original?: unknown }).original;
    if (!(original instanceof Error)) break;
    cause = original;
  }
  return cause;
}

/**
 * Slack as a translator between Bolt and the pipeline: events, commands and shortcuts are parsed
 * into triggers (`triggers/`), and the pipeline's answers are rendered and delivered from plain
 * data (`deliver.ts`). It keeps no state of its own beyond one event.
 */
export async function createSlackAdapter(deps: SlackAdapterDeps): Promise<SlackAdapter> {
  const slack = slackConfigOf(deps.config);
  if (!slack) {
    throw new Error(
      'Slack is not configured: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET, or SLACK_CLIENT_ID for distributed mode',
    );
  }
  const logger = deps.logger.child({ component: 'slack' });
  const installations = slack.install
    ? await openInstallations(slack.install, deps, logger.child({ component: 'slack-install' }))
    : undefined;
  const { app, http, socket } = createBoltApp(
    slack,
    boltLogger(logger.child({ component: 'bolt' })),
    installations?.bolt,
  );
  const installer = http?.installer;
  const botToken =
    installations && installer
      ? botTokenOf(installer)
      : () => Promise.resolve(slack.botToken?.reveal() ?? '');
  const at = (workspace: string): SlackWorkspace => {
    const token = () => botToken(workspace);
    const web = createSlackWeb(app.client, token);
    return {
      web,
      delivery: createDelivery({ web, logger, metrics: deps.metrics, apiUrl: slack.apiUrl }),
      files: { web, fetcher: deps.fetcher, token, apiUrl: slack.apiUrl },
    };
  };
  const ctx: SlackContext = { slack, logger, deps, at };

  let started = false;
  let stopping = false;
  let stopped: Promise<void> | undefined;
  registerCommand(app, ctx);
  registerShortcut(app, ctx);
  registerAutoscan(app, ctx);
  registerReaction(app, ctx);
  registerUninstall(app, ctx, installations && ((installed) => installations.store.uninstall(installed)));
  registerAppHome(app, ctx);
  registerResultButtons(app, ctx);
  const moderation = (workspace: string) => createModeration({ ...at(workspace), logger });
  app.error((err) => {
    // Distributed mode: a workspace that never installed the app, or removed it since. Nothing of
    // ours went wrong, and nothing is answered (there is no token to answer with). Anything else
    // that stopped the authorisation (the store unreachable, a token refresh held too long by
    // another instance) says so in its own words.
    if (err instanceof AuthorizationError) {
      const cause = rootCause(err);
      logger.warn(
        { reason: cause.message },
        cause instanceof NotInstalledError
          ? 'Slack event from a workspace without an installation; ignored'
          : 'Slack event could not be authorised; ignored',
      );
    } else logger.error({ err }, 'Bolt could not handle a Slack request');
    return Promise.resolve();
  });
  // Every delivery Bolt processes is tracked from its start, before its ack leaves: a shutdown (and
  // a test's `idle()`) waits for handlers still running after Slack was answered.
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => {
    const done = processEvent(event);
    deps.tasks.run('slack delivery', () => done.then(noop, noop));
    return done;
  };
  if (socket) guardSocketMode(socket, logger);
  const guarded =
    http && slack.signingSecret
      ? guardHttp(http.requestListener, slack.signingSecret.reveal(), logger)
      : undefined;

  return {
    platform: 'slack',
    mode: slack.mode,
    defaultTriggerReaction: slack.triggerReaction,

    async start() {
      await deps.settings.seed(deps.config.autoscanChannels.filter((s) => s.platform === 'slack'));
      // auth.test of SLACK_BOT_TOKEN; distributed mode has no token to test here (each
      // workspace's is checked as it is used).
      try {
        await app.init();
      } catch (err) {
        throw new Error(
          `Slack did not accept SLACK_BOT_TOKEN (${slackErrorOf(err)}): check the token and the app's installation`,
          { cause: err },
        );
      }
      if (slack.mode === 'socket') {
        try {
          await app.start();
        } catch (err) {
          throw new Error(
            `Slack Socket Mode did not connect (${slackErrorOf(err)}): check SLACK_APP_TOKEN and its connections:write scope`,
            { cause: err },
          );
        }
      }
      started = true;
      logger.info({ mode: slack.mode }, 'Slack adapter started');
    },

    stop() {
      stopped ??= (async () => {
        stopping = true;
        if (slack.mode === 'socket' && started) await app.stop();
        await installations?.store.close();
      })();
      return stopped;
    },

    isReady: () => started && !stopping,

    routes: [
      {
        path: SLACK_EVENTS_PATH,
        handle(req, res) {
          if (!guarded) {
            res.writeHead(404).end();
            return;
          }
          if (!started || stopping) {
            res.writeHead(503, { 'retry-after': '1' }).end();
            return;
          }
          guarded(req, res).catch((err: unknown) => {
            logger.warn({ err }, 'Slack request could not be handled');
            if (!res.headersSent) res.writeHead(500).end();
          });
        },
      },
      // Distributed mode: "Add to Slack" and its way back, both Bolt's installer's (GET only).
      ...(installer && http ? [INSTALL_PATH, OAUTH_REDIRECT_PATH] : []).map((path) => ({
        path,
        handle(req: IncomingMessage, res: ServerResponse) {
          if (!started || stopping || req.method !== 'GET' || !http) {
            res.writeHead(started && !stopping ? 405 : 503).end();
            return;
          }
          http.requestListener(req, res);
        },
      })),
    ],

    async messageMedia(place) {
      if (place.message === undefined) return undefined;
      const message = await fetchMessage(at(place.workspace).web, place.channel, place.message);
      return message ? messageSpecs(message) : undefined;
    },

    messageLink: (place) => slackMessageLink(slack.apiUrl, place),
    open: (spec, place) => openSlackFile(spec, at(place.workspace).files),
    placeholder: (trigger, count) => at(trigger.place.workspace).delivery.placeholder(trigger, count),
    // Slack's events do not say the reader's language; users.info does (Slack has no workspace
    // default in its API, so the audience's language, for auto-scan, is the fallback: English).
    readerLocale: (workspace, user) => at(workspace).web.userLocale(user),
    deliver: (trigger, plan, placeholder) =>
      at(trigger.place.workspace).delivery.deliver(trigger, plan, placeholder),
    postModlog: (scope, post) => moderation(scope.workspace).postModlog(post),
    tell: (scope, user, text) => moderation(scope.workspace).tell(user, text),
    answerPress: (press, text) => moderation(press.place.workspace).answerPress(press, text),
    removeResult: (press) => moderation(press.place.workspace).removeResult(press),
  };
}
