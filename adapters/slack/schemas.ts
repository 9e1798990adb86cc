import { z } from 'zod';

/**
 * The parts of Slack's payloads the adapter reads, validated where they enter, before any field is
 * read. Unknown fields are dropped; a payload missing what we need, or with a field of another
 * type, fails here with a clear error rather than deep inside a handler. The shapes follow Slack's
 * documentation; `fixtures/` holds real payloads, and a test parses every one of them.
 */

export const slackFileSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  title: z.string().nullish(),
  mimetype: z.string().nullish(),
  size: z.number().nullish(),
  /** hosted, external (a link to Google Drive and the like), snippet, tombstone (deleted)… */
  mode: z.string().nullish(),
  url_private_download: z.string().nullish(),
  url_private: z.string().nullish(),
  /** "check_file_info" when the event carries only a stub (Slack Connect): ask files.info. */
  file_access: z.string().nullish(),
});
export type SlackFile = z.infer<typeof slackFileSchema>;

/**
 * A message attachment: for a person's message, the preview Slack unfurled from a link in it (the
 * page's picture or video, hosted anywhere on the web, never by Slack).
 */
export const slackAttachmentSchema = z.object({
  image_url: z.string().nullish(),
  video_url: z.string().nullish(),
  thumb_url: z.string().nullish(),
});

export const slackMessageSchema = z.object({
  ts: z.string(),
  thread_ts: z.string().optional(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().nullish(),
  files: z.array(slackFileSchema).optional(),
  attachments: z.array(slackAttachmentSchema).optional(),
});
export type SlackMessage = z.infer<typeof slackMessageSchema>;

/** The Events API envelope (HTTP body, or a Socket Mode `events_api` payload). */
export const eventCallbackSchema = z.object({
  type: z.literal('event_callback'),
  team_id: z.string(),
  event_id: z.string(),
  event: z.object({ type: z.string() }).loose(),
});

export const messageEventSchema = slackMessageSchema.extend({
  type: z.literal('message'),
  channel: z.string(),
});

/** An edit, and how Slack adds a link's unfurl to a message after it was posted. */
export const messageChangedSchema = z.object({
  type: z.literal('message'),
  subtype: z.literal('message_changed'),
  channel: z.string(),
  message: slackMessageSchema,
  previous_message: slackMessageSchema.optional(),
});

export const reactionAddedSchema = z.object({
  type: z.literal('reaction_added'),
  user: z.string(),
  reaction: z.string(),
  /** A message (channel and ts), or a file or file comment, which the bot does not check. */
  item: z.object({ type: z.string(), channel: z.string().optional(), ts: z.string().optional() }),
});

/** Someone opened the bot's App Home; `tab` is `home` for the Home tab, `messages` for the DM. */
export const appHomeOpenedSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string(),
  tab: z.string().optional(),
});

/** A slash command's form fields (all strings, as Slack posts them). */
export const slashCommandSchema = z.object({
  team_id: z.string(),
  channel_id: z.string(),
  user_id: z.string(),
  command: z.string(),
  text: z.string().default(''),
  response_url: z.string(),
  trigger_id: z.string(),
});

export const messageShortcutSchema = z.object({
  type: z.literal('message_action'),
  callback_id: z.string(),
  trigger_id: z.string(),
  response_url: z.string(),
  team: z.object({ id: z.string() }).nullish(),
  channel: z.object({ id: z.string() }),
  user: z.object({ id: z.string() }),
  message: slackMessageSchema,
});

/** Just enough of any payload to answer its sender privately when the rest could not be read. */
export const responseUrlOnlySchema = z.object({ response_url: z.string() });

/**
 * A Socket Mode envelope as it comes off the WebSocket: `hello` and `disconnect` frames carry no
 * envelope id; deliveries carry one and a payload object.
 */
export const socketFrameSchema = z.union([
  z.object({ type: z.enum(['hello', 'disconnect']) }).loose(),
  z
    .object({
      type: z.string(),
      envelope_id: z.string(),
      payload: z.record(z.string(), z.unknown()),
    })
    .loose(),
]);

// Web API responses.
export const postedMessageSchema = z.object({ channel: z.string(), ts: z.string() });
export const messagesResponseSchema = z.object({ messages: z.array(slackMessageSchema).default([]) });
/**
 * files.info's file: what the event gave, and where it is shared, which decides whether a person
 * may have it checked and answered in a channel (visibility.ts).
 */
export const fileInfoSchema = slackFileSchema.extend({
  /** Shared in a public channel: any member of its workspace can open it. */
  is_public: z.boolean().nullish(),
  /** The workspace the file belongs to. */
  user_team: z.string().nullish(),
  channels: z.array(z.string()).nullish(),
  groups: z.array(z.string()).nullish(),
  ims: z.array(z.string()).nullish(),
  /** Conversation id → share records, by kind; only the ids are read. */
  shares: z
    .object({
      public: z.record(z.string(), z.unknown()).nullish(),
      private: z.record(z.string(), z.unknown()).nullish(),
    })
    .nullish(),
});
export type SlackFileInfo = z.infer<typeof fileInfoSchema>;
export const fileInfoResponseSchema = z.object({ file: fileInfoSchema });
export const userInfoResponseSchema = z.object({
  user: z.object({
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    is_primary_owner: z.boolean().optional(),
    /** The user's language (`es-ES`), sent only when asked with `include_locale`. */
    locale: z.string().max(35).optional().catch(undefined),
  }),
});
export const emptyResponseSchema = z.object({});
export const permalinkResponseSchema = z.object({ permalink: z.string() });

/**
 * A button pressed on one of the bot's messages (`block_actions`): who, where (the message's
 * channel and ts, and whether only the presser sees it), which button in which block (the block
 * says whether the message was posted through a response URL, see render.ts), and the response URL
 * that answers the presser alone, or replaces or deletes the pressed message.
 */
export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  team: z.object({ id: z.string() }).nullish(),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  trigger_id: z.string(),
  response_url: z.string(),
  container: z.object({
    channel_id: z.string(),
    message_ts: z.string(),
    is_ephemeral: z.boolean().optional(),
  }),
  actions: z
    .array(z.object({ action_id: z.string().max(255), block_id: z.string().max(255).optional() }))
    .min(1),
});

/** Where zod found a payload wanting, without any of its values (they may hold a token or a URL). */
export function issuesOf(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`);
}
