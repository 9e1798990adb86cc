import { z } from 'zod';

/**
 * The shapes the adapter reads from Discord, checked before any field is read: gateway dispatches
 * (INTERACTION_CREATE, MESSAGE_CREATE, MESSAGE_UPDATE, MESSAGE_REACTION_ADD) and the REST answers it asks for (a
 * message, a channel). Only the fields the bot uses are named; others pass unread, so a new field
 * from Discord changes nothing, and a missing or mistyped one makes the payload unreadable instead
 * of crashing a handler. Real examples of each live in `fixtures/`, and a test parses every one.
 */

/** A Discord id. */
export const snowflake = z.string().regex(/^\d{1,20}$/);

export const attachmentSchema = z.object({
  id: snowflake,
  filename: z.string(),
  size: z.number().int().nonnegative(),
  url: z.string(),
  content_type: z.string().nullish(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

const userSchema = z.object({ id: snowflake, bot: z.boolean().nullish() });

/** An image, thumbnail or video of an embed: where it is, and its copy on Discord's media proxy. */
const embedMediaSchema = z.object({ url: z.string().nullish(), proxy_url: z.string().nullish() });

/**
 * An embed: Discord's preview of a link (its picture already fetched), or a bot's rich embed. A
 * Tenor or Giphy GIF is a `gifv` embed whose `video` is the MP4 the GIF really is.
 */
export const embedSchema = z.object({
  type: z.string().nullish(),
  url: z.string().nullish(),
  image: embedMediaSchema.nullish(),
  thumbnail: embedMediaSchema.nullish(),
  video: embedMediaSchema.nullish(),
});
export type Embed = z.infer<typeof embedSchema>;

/** A message, from MESSAGE_CREATE or GET /channels/{c}/messages/{m}. */
export const messageSchema = z.object({
  id: snowflake,
  channel_id: snowflake,
  guild_id: snowflake.nullish(),
  author: userSchema,
  type: z.number().int(),
  webhook_id: snowflake.nullish(),
  attachments: z.array(attachmentSchema).default([]),
  embeds: z.array(embedSchema).default([]),
});
export type MessagePayload = z.infer<typeof messageSchema>;

/**
 * MESSAGE_UPDATE: Discord has sent the whole message, and (for the embeds it resolved after
 * MESSAGE_CREATE) only its ids and `embeds`; the rest is then read through REST.
 */
export const messageUpdateSchema = z.object({
  id: snowflake,
  channel_id: snowflake,
  embeds: z.array(embedSchema).nullish(),
  attachments: z.array(attachmentSchema).nullish(),
});

export const reactionAddSchema = z.object({
  user_id: snowflake,
  channel_id: snowflake,
  message_id: snowflake,
  guild_id: snowflake.nullish(),
  member: z.object({ user: userSchema.nullish() }).nullish(),
  emoji: z.object({
    id: snowflake.nullish(),
    name: z.string().nullish(),
    animated: z.boolean().nullish(),
  }),
});
export type ReactionPayload = z.infer<typeof reactionAddSchema>;

/** A channel as GET /channels/{id} and an interaction's `channel` give it: a thread has a parent. */
export const channelSchema = z.object({
  id: snowflake,
  type: z.number().int(),
  parent_id: snowflake.nullish(),
});

export interface CommandOption {
  readonly name: string;
  readonly type: number;
  readonly value?: string | number | boolean | undefined;
  readonly options?: readonly CommandOption[] | undefined;
}

const optionSchema: z.ZodType<CommandOption> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.number().int(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    options: z.array(optionSchema).optional(),
  }),
);

/**
 * What every interaction must carry to be answered at all: its id and token, who and where. Its
 * `data` is read separately, so an interaction whose data is unreadable can still be told so.
 */
export const interactionSchema = z.object({
  id: snowflake,
  application_id: snowflake,
  type: z.number().int(),
  token: z.string().min(1).max(1000),
  data: z.unknown(),
  guild_id: snowflake.nullish(),
  channel_id: snowflake,
  channel: channelSchema.nullish(),
  member: z
    .object({
      user: userSchema,
      permissions: z.string().regex(/^\d+$/),
      // The member's roles here, to tell a guild's moderator roles (`/bitmind roles`).
      roles: z.array(snowflake).default([]),
    })
    .nullish(),
  user: userSchema.nullish(),
  /**
   * The asker's client language, and the guild's preferred one (BCP 47 tags, e.g. `es-ES`). One
   * that cannot be read is as none (English): it is no reason to refuse the command.
   */
  locale: z.string().max(35).nullish().catch(undefined),
  guild_locale: z.string().max(35).nullish().catch(undefined),
  /**
   * The message a component (a button) is on; only its id is read, since Discord once sent an
   * ephemeral message (a private answer's) as `{ id, flags }` alone.
   */
  message: z.object({ id: snowflake }).nullish(),
});
export type InteractionPayload = z.infer<typeof interactionSchema>;

export const chatInputSchema = z.object({
  type: z.literal(1),
  name: z.string(),
  options: z.array(optionSchema).default([]),
  resolved: z.object({ attachments: z.record(snowflake, attachmentSchema).optional() }).nullish(),
});
export type ChatInputData = z.infer<typeof chatInputSchema>;

export const messageCommandSchema = z.object({
  type: z.literal(3),
  name: z.string(),
  target_id: snowflake,
  resolved: z
    .object({
      messages: z
        .record(
          snowflake,
          z.object({
            id: snowflake,
            channel_id: snowflake,
            attachments: z.array(attachmentSchema).default([]),
            embeds: z.array(embedSchema).default([]),
          }),
        )
        .optional(),
    })
    .nullish(),
});
export type MessageCommandData = z.infer<typeof messageCommandSchema>;

export const commandDataSchema = z.discriminatedUnion('type', [chatInputSchema, messageCommandSchema]);

/** A button pressed on one of the bot's messages: its custom_id is all the bot reads. */
export const componentDataSchema = z.object({
  custom_id: z.string().max(100),
  component_type: z.number().int(),
});

/** Interaction types Discord defines; the bot registers application commands and result buttons. */
export const INTERACTION_TYPE = {
  ping: 1,
  applicationCommand: 2,
  messageComponent: 3,
  autocomplete: 4,
} as const;

/** Option types (https://discord.com/developers/docs/interactions/application-commands). */
export const OPTION_TYPE = { subcommand: 1, subcommandGroup: 2, role: 8, attachment: 11 } as const;

/** Message types people post (default, reply); the rest are system messages (joins, pins, boosts). */
export const PERSON_MESSAGE_TYPES: readonly number[] = [0, 19];

/** Channel types that are threads (announcement, public, private): their settings are the parent's. */
export const THREAD_TYPES: readonly number[] = [10, 11, 12];

/** Why a payload could not be read, without its values (a token may be among them). */
export function problemsOf(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`);
}
