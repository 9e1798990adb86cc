import {
  DiscordAPIError,
  Routes,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type REST,
} from 'discord.js';
import { z } from 'zod';
import { channelSchema, messageSchema, type MessagePayload } from './payloads.js';

/**
 * The Discord calls the adapter makes, over discord.js's REST client (which waits out 429s and
 * retries 5xx). Every one takes plain data: ids, a token, a body. Interaction calls carry the
 * interaction's token instead of the bot's, as Discord asks. Interaction tokens live 15 minutes:
 * an answer owed past that cannot be delivered through them.
 */

/** Replies quote the message they answer but ping nobody, not even its author. */
export const NO_PINGS = { parse: [], replied_user: false } as const;

/** A message body as the adapter sends it. */
export interface Body {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  /** Buttons (a result's); absent, a message keeps or gets none. */
  readonly components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
}

const EPHEMERAL = 64;
const CALLBACK = { message: 4, deferred: 5, deferredUpdate: 6 } as const;

/** What every message the bot sends carries: its text, embeds, buttons where it has them, and no pings. */
function messageBody(body: Body) {
  return {
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    ...(body.components ? { components: body.components } : {}),
    allowed_mentions: NO_PINGS,
  };
}

/** Discord's code for an interaction acknowledged already: a second delivery of the same one. */
export const ALREADY_ACKNOWLEDGED = 40060;

const createdSchema = z.object({ id: z.string().regex(/^\d+$/) });

/** Acknowledges an interaction within Discord's 3 s; the answer then edits the deferred response. */
export async function deferInteraction(
  rest: REST,
  id: string,
  token: string,
  ephemeral: boolean,
): Promise<void> {
  await rest.post(Routes.interactionCallback(id, token), {
    body: { type: CALLBACK.deferred, ...(ephemeral ? { data: { flags: EPHEMERAL } } : {}) },
    auth: false,
  });
}

/** Answers an interaction at once, for its asker alone (an interaction the bot could not read). */
export async function answerPrivately(rest: REST, id: string, token: string, content: string): Promise<void> {
  await rest.post(Routes.interactionCallback(id, token), {
    body: { type: CALLBACK.message, data: { content, flags: EPHEMERAL, allowed_mentions: NO_PINGS } },
    auth: false,
  });
}

/** Replaces the deferred response ("thinking…") with the answer. */
export async function editOriginal(
  rest: REST,
  applicationId: string,
  token: string,
  body: Body,
): Promise<void> {
  await rest.patch(Routes.webhookMessage(applicationId, token, '@original'), {
    body: messageBody(body),
    auth: false,
  });
}

/**
 * Acknowledges a button press without answering yet (Discord allows 3 s): the press's token then
 * edits or deletes the message the button is on (`@original`), or answers the presser privately.
 */
export async function deferUpdate(rest: REST, id: string, token: string): Promise<void> {
  await rest.post(Routes.interactionCallback(id, token), {
    body: { type: CALLBACK.deferredUpdate },
    auth: false,
  });
}

/** A private follow-up to an acknowledged interaction: only the presser sees it. */
export async function followUpPrivately(
  rest: REST,
  applicationId: string,
  token: string,
  content: string,
): Promise<void> {
  await rest.post(Routes.webhook(applicationId, token), {
    body: { content, flags: EPHEMERAL, allowed_mentions: NO_PINGS },
    auth: false,
  });
}

/** Deletes the message an interaction is about (for a button: the message it is on). */
export async function deleteOriginal(rest: REST, applicationId: string, token: string): Promise<void> {
  await rest.delete(Routes.webhookMessage(applicationId, token, '@original'), { auth: false });
}

/** Posts a message in a channel (a mod-log post); returns its id. */
export async function postTo(rest: REST, channelId: string, body: Body): Promise<string> {
  return createdSchema.parse(await rest.post(Routes.channelMessages(channelId), { body: messageBody(body) }))
    .id;
}

/** The direct-message channel with a user, opened if need be. */
export async function dmChannel(rest: REST, userId: string): Promise<string> {
  return createdSchema.parse(await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })).id;
}

/** Posts a reply to a message, in its channel (so in its thread when it is in one); returns its id. */
export async function replyTo(rest: REST, channelId: string, messageId: string, body: Body): Promise<string> {
  const created = await rest.post(Routes.channelMessages(channelId), {
    body: { ...messageBody(body), message_reference: { message_id: messageId, fail_if_not_exists: false } },
  });
  return createdSchema.parse(created).id;
}

export async function editMessage(
  rest: REST,
  channelId: string,
  messageId: string,
  body: Body,
): Promise<void> {
  await rest.patch(Routes.channelMessage(channelId, messageId), { body: messageBody(body) });
}

export async function react(rest: REST, channelId: string, messageId: string, emoji: string): Promise<void> {
  await rest.put(Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(emoji)));
}

/** A message as Discord has it now (fresh attachment URLs); undefined when it is gone or out of sight. */
export async function fetchMessage(
  rest: REST,
  channelId: string,
  messageId: string,
  signal?: AbortSignal,
): Promise<MessagePayload | undefined> {
  try {
    return messageSchema.parse(await rest.get(Routes.channelMessage(channelId, messageId), { signal }));
  } catch (err) {
    if (isGone(err)) return undefined;
    throw err;
  }
}

export async function fetchChannel(rest: REST, channelId: string): Promise<z.infer<typeof channelSchema>> {
  return channelSchema.parse(await rest.get(Routes.channel(channelId)));
}

/** Deleted, or out of the bot's sight (404 unknown message or channel, 403 missing access). */
export function isGone(err: unknown): boolean {
  return err instanceof DiscordAPIError && (err.status === 404 || err.status === 403);
}

export function isAlreadyAcknowledged(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === ALREADY_ACKNOWLEDGED;
}
