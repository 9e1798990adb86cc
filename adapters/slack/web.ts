import type { App, types } from '@slack/bolt';
import type { z } from 'zod';
import {
  emptyResponseSchema,
  fileInfoResponseSchema,
  messagesResponseSchema,
  permalinkResponseSchema,
  postedMessageSchema,
  userInfoResponseSchema,
  type SlackFileInfo,
  type SlackMessage,
} from './schemas.js';
import type { SlackMethod } from './surface.js';

type WebClient = App['client'];

/** A Web API call that failed: `slackError` is Slack's own code (not_in_channel, missing_scope…). */
export class SlackApiError extends Error {
  constructor(
    readonly method: SlackMethod,
    readonly slackError: string,
    options?: { cause?: unknown },
  ) {
    super(`Slack ${method} failed: ${slackError}`, options);
    this.name = 'SlackApiError';
  }
}

/** Slack's error code in whatever the Web API client threw (`ratelimited`, `not_in_channel`…). */
export function slackErrorOf(err: unknown): string {
  const data = (err as { data?: { error?: unknown } }).data;
  if (typeof data?.error === 'string') return data.error;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'no answer';
}

export interface OutgoingMessage {
  readonly text: string;
  readonly blocks?: types.KnownBlock[];
}

/**
 * The Web API as the adapter uses it in one workspace: only the methods listed in surface.ts, each
 * with that workspace's bot token (looked up per call: it may have been refreshed), each answer
 * validated. Retries and Retry-After are the WebClient's (its retryConfig is set where the App is
 * built).
 */
export function createSlackWeb(client: WebClient, token: () => Promise<string>) {
  async function call<S extends z.ZodType>(
    method: SlackMethod,
    args: Record<string, unknown>,
    schema: S,
  ): Promise<z.output<S>> {
    let result: unknown;
    try {
      result = await client.apiCall(method, { ...args, token: await token() });
    } catch (err) {
      throw new SlackApiError(method, slackErrorOf(err), { cause: err });
    }
    const parsed = schema.safeParse(result);
    if (!parsed.success) throw new SlackApiError(method, 'unexpected_response', { cause: parsed.error });
    return parsed.data;
  }

  return {
    postMessage: (channel: string, message: OutgoingMessage, threadTs?: string) =>
      call(
        'chat.postMessage',
        { channel, thread_ts: threadTs, text: message.text, blocks: message.blocks, unfurl_links: false },
        postedMessageSchema,
      ),

    /** A message only `user` sees (a refusal where there is no response URL: a reaction). */
    postEphemeral: (channel: string, user: string, message: OutgoingMessage, threadTs?: string) =>
      call(
        'chat.postEphemeral',
        { channel, user, thread_ts: threadTs, text: message.text, blocks: message.blocks },
        emptyResponseSchema,
      ),

    update: (channel: string, ts: string, message: OutgoingMessage) =>
      call(
        'chat.update',
        { channel, ts, text: message.text, blocks: message.blocks ?? [] },
        emptyResponseSchema,
      ),

    delete: (channel: string, ts: string) => call('chat.delete', { channel, ts }, emptyResponseSchema),

    permalink: async (channel: string, ts: string): Promise<string> =>
      (await call('chat.getPermalink', { channel, message_ts: ts }, permalinkResponseSchema)).permalink,

    async addReaction(channel: string, ts: string, name: string): Promise<void> {
      try {
        await call('reactions.add', { channel, timestamp: ts, name }, emptyResponseSchema);
      } catch (err) {
        // Someone (or an earlier delivery) already left that reaction: the outcome is the same.
        if (!(err instanceof SlackApiError && err.slackError === 'already_reacted')) throw err;
      }
    },

    /** Newest first, top-level messages only, as Slack returns them. */
    history: async (
      channel: string,
      range: { latest?: string; inclusive?: boolean; limit: number },
    ): Promise<SlackMessage[]> =>
      (await call('conversations.history', { channel, ...range }, messagesResponseSchema)).messages,

    /** A thread: its parent first, then replies in the range asked for. */
    replies: async (
      channel: string,
      ts: string,
      range: { latest?: string; oldest?: string; inclusive?: boolean; limit: number },
    ): Promise<SlackMessage[]> =>
      (await call('conversations.replies', { channel, ts, ...range }, messagesResponseSchema)).messages,

    fileInfo: async (file: string): Promise<SlackFileInfo> =>
      (await call('files.info', { file }, fileInfoResponseSchema)).file,

    userInfo: async (user: string) => (await call('users.info', { user }, userInfoResponseSchema)).user,
    /** The user's language tag, which users.info gives only when asked to. */
    userLocale: async (user: string) =>
      (await call('users.info', { user, include_locale: true }, userInfoResponseSchema)).user.locale,

    /** Shows `view` as `user`'s Home tab. */
    publishHome: async (user: string, view: types.HomeView): Promise<void> => {
      await call('views.publish', { user_id: user, view }, emptyResponseSchema);
    },
  };
}

export type SlackWeb = ReturnType<typeof createSlackWeb>;
