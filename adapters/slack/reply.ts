import type { RespondFn } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import type { Metrics } from '../../src/metrics.js';
import { SlackApiError, type OutgoingMessage, type SlackWeb } from './web.js';

/** Where a reply goes: a thread, or the channel itself (`threadTs` absent). */
export interface ReplyTarget {
  readonly channel: string;
  readonly threadTs?: string;
  /**
   * A slash command's response URL: used when the bot may not post in the channel (a DM or a
   * private channel it was not invited to), so the person who asked still gets the answer.
   */
  readonly respond?: RespondFn;
}

/** A reply in progress: the placeholder's message, or the response URL that will carry the result. */
export type ReplyHandle =
  | { readonly kind: 'message'; readonly channel: string; readonly ts: string }
  | { readonly kind: 'respond'; readonly respond: RespondFn };

const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

export function createReplier(deps: { web: SlackWeb; logger: Logger; metrics: Metrics }) {
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

  return {
    /** Posts the placeholder that `finish` will replace with the result. */
    async begin(target: ReplyTarget, placeholder: OutgoingMessage): Promise<ReplyHandle> {
      try {
        const posted = await counted('placeholder', () =>
          web.postMessage(target.channel, placeholder, target.threadTs),
        );
        return { kind: 'message', channel: posted.channel, ts: posted.ts };
      } catch (err) {
        if (!(target.respond && err instanceof SlackApiError && CANNOT_POST.has(err.slackError))) throw err;
        const respond = target.respond;
        await counted('placeholder', () => respond({ response_type: 'ephemeral', text: placeholder.text }));
        return { kind: 'respond', respond };
      }
    },

    async finish(handle: ReplyHandle, message: OutgoingMessage): Promise<void> {
      await counted('result', async () => {
        if (handle.kind === 'message') await web.update(handle.channel, handle.ts, message);
        else
          await handle.respond({ response_type: 'in_channel', text: message.text, blocks: message.blocks });
      });
    },

    /** A reply in one step (auto-scan's flagged mode, where no placeholder announces it). */
    async post(target: ReplyTarget, message: OutgoingMessage): Promise<void> {
      await counted('result', () => web.postMessage(target.channel, message, target.threadTs));
    },

    async react(channel: string, ts: string, name: string): Promise<void> {
      await counted('reaction', () => web.addReaction(channel, ts, name));
    },

    /** Something only the person who asked should see (help, refusals, status). */
    async privately(respond: RespondFn, message: OutgoingMessage): Promise<void> {
      await counted('ephemeral', () =>
        respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks }),
      );
    },

    /** A note the whole channel should see (auto-scan turned on or off). */
    async publicly(respond: RespondFn, message: OutgoingMessage): Promise<void> {
      await counted('announcement', () =>
        respond({ response_type: 'in_channel', text: message.text, blocks: message.blocks }),
      );
    },
  };
}

export type Replier = ReturnType<typeof createReplier>;
