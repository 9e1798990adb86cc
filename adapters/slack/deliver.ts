import { request } from 'undici';
import type { Logger } from '../../src/log.js';
import type { Metrics } from '../../src/metrics.js';
import type { Mark, ReplyPlan } from '../../src/pipeline/plan.js';
import type { PlaceholderHandle } from '../../src/pipeline/platform.js';
import type { Trigger } from '../../src/pipeline/trigger.js';
import { fetchMessage } from './lookup.js';
import { localeOf } from '../../src/pipeline/locale.js';
import { resultButtons } from '../../src/pipeline/result-actions.js';
import { renderBody, renderPlaceholder, type RenderOptions } from './render.js';
import { SlackApiError, type OutgoingMessage, type SlackWeb } from './web.js';
import { isSlackHost } from './slack-hosts.js';

/** What auto-scan's quiet modes leave on a message instead of a reply. */
export const QUIET_REACTIONS: Readonly<Record<Mark, string>> = {
  flagged: 'warning',
  clean: 'white_check_mark',
  failed: 'grey_question',
};

/** Slack's refusals to let the bot post in a channel: a slash command's response URL still works there. */
export const CANNOT_POST: readonly string[] = [
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
];

const RESPONSE_URL_TIMEOUT_MS = 10_000;

class ResponseUrlError extends Error {
  constructor(readonly reason: string) {
    // The URL is a credential (anyone holding it may post): never part of the message.
    super(`Slack's response URL refused the answer (${reason})`);
    this.name = 'ResponseUrlError';
  }
}

/**
 * A handle is plain data; these are the kinds the Slack adapter makes:
 * - `message`: a message of the bot's, edited with chat.update;
 * - `response_url`: the ephemeral "Checking…" of a command in a channel the bot is not in; the answer
 *   is a new post on the trigger's response URL;
 * - `pressed`: a result posted through a response URL whose button was pressed: only the press's own
 *   response URL can replace it (made for one Recheck, in this process, never stored; see results.ts).
 */
type Handle =
  | { kind: 'message'; channel: string; ts: string }
  | { kind: 'response_url' }
  | { kind: 'pressed'; url: string; ephemeral: boolean };

function handleOf(raw: PlaceholderHandle | undefined): Handle | undefined {
  if (raw?.kind === 'message' && raw.channel && raw.ts)
    return { kind: 'message', channel: raw.channel, ts: raw.ts };
  if (raw?.kind === 'response_url') return { kind: 'response_url' };
  if (raw?.kind === 'pressed' && raw.url)
    return { kind: 'pressed', url: raw.url, ephemeral: raw.ephemeral === 'true' };
  return undefined;
}

/** The handle of a result posted through a response URL, from a press on it (`url`: the press's own). */
export function pressedHandle(url: string, ephemeral: boolean): PlaceholderHandle {
  return { kind: 'pressed', url, ephemeral: String(ephemeral) };
}

/** The response URL a press on a result posted through one acts through; undefined for any other result. */
export function pressedUrl(handle: PlaceholderHandle): string | undefined {
  const parsed = handleOf(handle);
  return parsed?.kind === 'pressed' ? parsed.url : undefined;
}

/** What a response URL is asked to do: post a message, replace the pressed one, or delete it. */
type ResponseBody =
  | ({ response_type: 'ephemeral' | 'in_channel'; replace_original?: false } & OutgoingMessage)
  | ({ replace_original: true } & OutgoingMessage)
  | { delete_original: true };

export interface DeliveryDeps {
  readonly web: SlackWeb;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** The configured Web API base: response URLs on its origin are trusted (tests). */
  readonly apiUrl: string;
}

/**
 * Every message the Slack adapter sends, from plain data only (the trigger, the plan, a handle):
 * placeholders, results, quiet reactions, refusals, and the private answers to commands. Each is
 * counted in `metrics.replies`; a failure is logged and rethrown, so the pipeline keeps it owed.
 */
export function createDelivery(deps: DeliveryDeps) {
  const { web, logger, metrics } = deps;

  async function counted<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      metrics.replies.inc({ platform: 'slack', result: 'posted' });
      return result;
    } catch (err) {
      metrics.replies.inc({ platform: 'slack', result: 'failed' });
      logger.warn({ err, what }, 'Slack reply failed');
      throw err;
    }
  }

  /** Sends to a response URL, only if it is Slack's, as Bolt's `respond` does. */
  async function toResponseUrl(url: string, body: ResponseBody): Promise<void> {
    if (!isSlackHost(url, deps.apiUrl, 'hooks')) throw new ResponseUrlError('not a Slack host');
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      headersTimeout: RESPONSE_URL_TIMEOUT_MS,
      bodyTimeout: RESPONSE_URL_TIMEOUT_MS,
    });
    const text = (await response.body.text()).slice(0, 100);
    if (response.statusCode >= 300) throw new ResponseUrlError(`${response.statusCode} ${text}`.trim());
  }

  function postToResponseUrl(
    url: string,
    type: 'ephemeral' | 'in_channel',
    message: OutgoingMessage,
  ): Promise<void> {
    return toResponseUrl(url, { response_type: type, text: message.text, blocks: message.blocks });
  }

  /** The thread an answer goes in: the trigger's, else the thread of the message it is about. */
  async function threadOf(trigger: Trigger): Promise<string | undefined> {
    const { place } = trigger;
    if (place.thread !== undefined || place.message === undefined) return place.thread;
    // A reaction names a message, not its thread: look it up (a reply answers in its thread).
    const message = await fetchMessage(web, place.channel, place.message);
    return message?.thread_ts ?? place.message;
  }

  /** Who asked (not for auto-scan) and the language the answer speaks. */
  function renderOptions(trigger: Trigger): RenderOptions {
    const locale = localeOf(trigger);
    return trigger.kind === 'autoscan' ? { locale } : { requestedBy: trigger.user, locale };
  }

  /**
   * A message in the channel (or thread); through the response URL when the bot may not post there,
   * as `viaUrl` (its buttons say so: a press on it acts through the press's own response URL).
   */
  async function post(trigger: Trigger, message: OutgoingMessage, viaUrl = message): Promise<void> {
    const thread = await threadOf(trigger);
    try {
      await web.postMessage(trigger.place.channel, message, thread);
    } catch (err) {
      const url = trigger.replyVia?.responseUrl;
      if (!(url && err instanceof SlackApiError && CANNOT_POST.includes(err.slackError))) throw err;
      await postToResponseUrl(url, 'in_channel', viaUrl);
    }
  }

  /** Something only the person who asked should see. */
  async function refuse(trigger: Trigger, text: string): Promise<void> {
    const url = trigger.replyVia?.responseUrl;
    if (url) await postToResponseUrl(url, 'ephemeral', { text });
    else await web.postEphemeral(trigger.place.channel, trigger.user, { text }, trigger.place.thread);
  }

  return {
    /** Posts "Checking N files…" where the answer will go, and says where for `deliver`. */
    placeholder(trigger: Trigger, count: number): Promise<PlaceholderHandle> {
      const message = renderPlaceholder(count, renderOptions(trigger));
      return counted('placeholder', async (): Promise<PlaceholderHandle> => {
        const thread = await threadOf(trigger);
        try {
          const posted = await web.postMessage(trigger.place.channel, message, thread);
          return { kind: 'message', channel: posted.channel, ts: posted.ts };
        } catch (err) {
          const url = trigger.replyVia?.responseUrl;
          if (!(url && err instanceof SlackApiError && CANNOT_POST.includes(err.slackError))) throw err;
          // Not in the channel (a DM, a private channel it was not invited to): the asker still hears.
          await postToResponseUrl(url, 'ephemeral', { text: message.text });
          return { kind: 'response_url' };
        }
      });
    },

    async deliver(trigger: Trigger, plan: ReplyPlan, placeholder?: PlaceholderHandle): Promise<void> {
      switch (plan.kind) {
        case 'nothing':
          return;
        case 'refusal':
          await counted('refusal', () => refuse(trigger, plan.text));
          return;
        case 'reaction': {
          const ts = trigger.place.message;
          if (ts === undefined) throw new Error('a quiet mark needs the message it goes on');
          await counted('reaction', () =>
            web.addReaction(trigger.place.channel, ts, QUIET_REACTIONS[plan.mark]),
          );
          return;
        }
        case 'reply': {
          const handle = plan.placeholder ? handleOf(placeholder) : undefined;
          const render = (viaUrl: boolean, result = plan.result) =>
            renderBody(plan.body, { ...renderOptions(trigger), ...(result && { result }), viaUrl });
          await counted('result', async () => {
            if (handle?.kind === 'message') await web.update(handle.channel, handle.ts, render(false));
            else if (handle?.kind === 'pressed') {
              // Only its asker sees an ephemeral result, and can dismiss it: no Delete, as a private answer.
              const result =
                handle.ephemeral && plan.result ? resultButtons(plan.result.id, true) : plan.result;
              await toResponseUrl(handle.url, { replace_original: true, ...render(true, result) });
            } else if (handle?.kind === 'response_url' && trigger.replyVia?.responseUrl)
              await postToResponseUrl(trigger.replyVia.responseUrl, 'in_channel', render(true));
            else await post(trigger, render(false), render(true));
          });
          return;
        }
      }
    },

    /** A command's private answer (help, status, settings, refusals), on its response URL. */
    privately(responseUrl: string, message: OutgoingMessage): Promise<void> {
      return counted('ephemeral', () => postToResponseUrl(responseUrl, 'ephemeral', message));
    },

    /**
     * A private answer to a button's presser, on the press's response URL: a new message, never in
     * place of the pressed one (which Slack would replace by default when it is ephemeral).
     */
    answerPress(responseUrl: string, text: string): Promise<void> {
      return counted('ephemeral', () =>
        toResponseUrl(responseUrl, { response_type: 'ephemeral', replace_original: false, text }),
      );
    },

    /** Deletes a result posted through a response URL, through the response URL of a press on it. */
    deletePressed(responseUrl: string): Promise<void> {
      return counted('deletion', () => toResponseUrl(responseUrl, { delete_original: true }));
    },

    /** A note the whole channel should see (auto-scan turned on or off), on the response URL. */
    publicly(responseUrl: string, message: OutgoingMessage): Promise<void> {
      return counted('announcement', () => postToResponseUrl(responseUrl, 'in_channel', message));
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
