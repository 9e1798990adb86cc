import { z } from 'zod';

/**
 * The parts of Slack's payloads the adapter reads, validated where they enter. Unknown fields are
 * dropped; a payload missing what we need fails here with a clear error rather than deep inside.
 */

export const slackFileSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  mimetype: z.string().optional(),
  size: z.number().optional(),
  /** hosted, external (a link to Google Drive and the like), snippet, tombstone (deleted)… */
  mode: z.string().optional(),
  url_private_download: z.string().optional(),
  url_private: z.string().optional(),
  /** "check_file_info" when the event carries only a stub (Slack Connect): ask files.info. */
  file_access: z.string().optional(),
});
export type SlackFile = z.infer<typeof slackFileSchema>;

export const slackMessageSchema = z.object({
  ts: z.string(),
  thread_ts: z.string().optional(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  files: z.array(slackFileSchema).optional(),
});
export type SlackMessage = z.infer<typeof slackMessageSchema>;

export const messageEventSchema = slackMessageSchema.extend({
  type: z.literal('message'),
  channel: z.string(),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

export const reactionAddedSchema = z.object({
  type: z.literal('reaction_added'),
  user: z.string(),
  reaction: z.string(),
  item: z.object({ type: z.string(), channel: z.string().optional(), ts: z.string().optional() }),
});

export const slashCommandSchema = z.object({
  team_id: z.string(),
  channel_id: z.string(),
  user_id: z.string(),
  text: z.string().default(''),
});

export const messageShortcutSchema = z.object({
  type: z.literal('message_action'),
  team: z.object({ id: z.string() }).nullish(),
  channel: z.object({ id: z.string() }),
  user: z.object({ id: z.string() }),
  message: slackMessageSchema,
});

/** Ids that identify one delivery across Slack's retries (Events API) and redeliveries (Socket Mode). */
export const deliveryIdsSchema = z.object({
  event_id: z.string().optional(),
  trigger_id: z.string().optional(),
});

// Web API responses.
export const postedMessageSchema = z.object({ channel: z.string(), ts: z.string() });
export const messagesResponseSchema = z.object({ messages: z.array(slackMessageSchema).default([]) });
export const fileInfoResponseSchema = z.object({ file: slackFileSchema });
export const userInfoResponseSchema = z.object({
  user: z.object({
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    is_primary_owner: z.boolean().optional(),
  }),
});
export const emptyResponseSchema = z.object({});
