import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyMiddlewareArgs, App } from '@slack/bolt';
import type { AdapterDeps, ChatAdapter } from '../../src/adapter.js';
import type { Logger } from '../../src/log.js';
import { createWorkTracker } from '../../src/work-tracker.js';
import { createBoltApp } from './bolt-app.js';
import { boltLogger } from './bolt-logger.js';
import type { SlackContext } from './context.js';
import { createDeliveryFilter } from './dedupe.js';
import { createRecentChecks } from './recent.js';
import { createReplier } from './reply.js';
import { createCheckRunner } from './run-check.js';
import { registerAutoscan } from './triggers/autoscan.js';
import { registerCommand } from './triggers/command.js';
import { registerReaction } from './triggers/reaction.js';
import { registerShortcut } from './triggers/shortcut.js';
import { createSlackWeb, slackErrorOf } from './web.js';

export type SlackAdapterDeps = AdapterDeps;

export interface SlackAdapter extends ChatAdapter {
  readonly mode: 'socket' | 'http';
  /**
   * Node request listener for `POST /slack/events` (HTTP mode). Answers 503 until the adapter has
   * started and after it stopped (Slack retries), and 404 in Socket Mode or on any other path.
   */
  handleHttp(req: IncomingMessage, res: ServerResponse): void;
}

/** The ids that name one delivery: event_id (Events API), envelope_id (Socket Mode), trigger_id. */
function deliveryIds(body: unknown, context: Record<string, unknown>): string[] {
  const b = (body ?? {}) as { event_id?: unknown; trigger_id?: unknown };
  const ids: string[] = [];
  if (typeof b.event_id === 'string') ids.push(`event:${b.event_id}`);
  if (typeof b.trigger_id === 'string') ids.push(`trigger:${b.trigger_id}`);
  if (typeof context.envelopeId === 'string') ids.push(`envelope:${context.envelopeId}`);
  return ids;
}

export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const slack = deps.config.slack;
  if (!slack) {
    throw new Error(
      'Slack is not configured: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET',
    );
  }
  const logger = deps.logger.child({ component: 'slack' });
  const { app, http } = createBoltApp(slack, boltLogger(logger.child({ component: 'bolt' })));
  const web = createSlackWeb(app.client);
  const replier = createReplier({ web, logger, metrics: deps.metrics });
  const recent = createRecentChecks();
  const tasks = deps.tasks ?? createWorkTracker(logger);
  const ctx: SlackContext = {
    slack,
    logger,
    web,
    replier,
    recent,
    tasks,
    settings: deps.settings,
    fetcher: deps.fetcher,
    bitmind: deps.bitmind,
    runner: createCheckRunner({ checker: tasks.guard(deps.checker), replier, recent, logger }),
    files: { web, fetcher: deps.fetcher, botToken: slack.botToken, apiUrl: slack.apiUrl },
  };

  let started = false;
  let stopping = false;
  let connected = false;
  let stopped: Promise<void> | undefined;
  registerDeliveryFilter(app, logger, () => stopping);
  registerCommand(app, ctx);
  registerShortcut(app, ctx);
  registerAutoscan(app, ctx);
  registerReaction(app, ctx);
  app.error((err) => {
    logger.error({ err }, 'Bolt could not handle a Slack request');
    return Promise.resolve();
  });

  return {
    name: 'slack',
    mode: slack.mode,

    async start() {
      await deps.settings.seed(deps.config.autoscanChannels.filter((s) => s.platform === 'slack'));
      try {
        await app.init();
      } catch (err) {
        throw new Error(
          `Slack did not accept SLACK_BOT_TOKEN (${slackErrorOf(err)}): check the token and the app's installation`,
          {
            cause: err,
          },
        );
      }
      if (slack.mode === 'socket') {
        try {
          await app.start();
        } catch (err) {
          throw new Error(
            `Slack Socket Mode did not connect (${slackErrorOf(err)}): check SLACK_APP_TOKEN and its connections:write scope`,
            {
              cause: err,
            },
          );
        }
        connected = true;
      }
      started = true;
      logger.info({ mode: slack.mode }, 'Slack adapter started');
    },

    stop() {
      // Connected while draining, so the checks in flight can reply and new triggers hear why not.
      stopped ??= tasks.drain(deps.config.shutdownGraceMs).then(async () => {
        stopping = true;
        if (slack.mode === 'socket' && connected) await app.stop();
        connected = false;
      });
      return stopped;
    },

    isReady: () => started && !stopping,

    handleHttp(req, res) {
      if (!http) {
        res.writeHead(404).end();
        return;
      }
      if (!started || stopping) {
        res.writeHead(503, { 'retry-after': '1' }).end();
        return;
      }
      try {
        http.requestListener(req, res);
      } catch {
        // Bolt throws for paths it does not serve; the project's server routes only /slack/events here.
        res.writeHead(404).end();
      }
    },
  };
}

function registerDeliveryFilter(app: App, logger: Logger, stopping: () => boolean): void {
  const filter = createDeliveryFilter();
  app.use(async (args) => {
    const ids = deliveryIds(args.body, args.context);
    if (!stopping() && (ids.length === 0 || filter.isFirst(ids))) {
      await args.next();
      return;
    }
    logger.info({ ids, retry: args.context.retryNum, stopping: stopping() }, 'Slack delivery not processed');
    // Events were acknowledged by Bolt already; a repeated command or shortcut still needs its ack.
    const ack = (args as AnyMiddlewareArgs & { ack?: () => Promise<void> }).ack;
    if (ack) await ack();
  });
}
