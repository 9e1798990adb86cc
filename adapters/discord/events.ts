import { resolveLocale } from '../../src/i18n/i18n.js';
import type { Place, Trigger } from '../../src/pipeline/trigger.js';
import { logUnreadable, type DiscordContext } from './context.js';
import { messageSpecs } from './embeds.js';
import {
  messageSchema,
  messageUpdateSchema,
  PERSON_MESSAGE_TYPES,
  reactionAddSchema,
  type MessagePayload,
  type ReactionPayload,
} from './payloads.js';
import { fetchMessage } from './rest.js';

/**
 * MESSAGE_CREATE: a person's message with images or videos, attached or shown by its embeds, is an
 * auto-scan trigger; the pipeline decides from the channel's settings whether and how it is
 * answered. The bot's own messages, other bots', webhooks' and system messages are passed over, as
 * are messages without media.
 */
export async function onMessageCreate(ctx: DiscordContext, d: unknown): Promise<void> {
  const parsed = messageSchema.safeParse(d);
  if (!parsed.success) {
    logUnreadable(ctx, 'MESSAGE_CREATE', parsed.error);
    return;
  }
  await autoscanMessage(ctx, parsed.data);
}

/**
 * MESSAGE_UPDATE: Discord usually fetches a link's preview after the message is posted, and sends
 * the embeds in an update. A message without attachments whose update brings embeds is auto-scanned
 * then; the delivery key it shares with MESSAGE_CREATE (`message:<id>`) makes it one check however
 * many updates follow (an edit of its words sends its embeds again). A message with attachments
 * was taken when it was posted.
 */
export async function onMessageUpdate(ctx: DiscordContext, d: unknown): Promise<void> {
  const parsed = messageUpdateSchema.safeParse(d);
  if (!parsed.success) {
    logUnreadable(ctx, 'MESSAGE_UPDATE', parsed.error);
    return;
  }
  const update = parsed.data;
  if (!update.embeds?.length || update.attachments?.length) return;
  const whole = messageSchema.safeParse(d);
  const message = whole.success ? whole.data : await fetchMessage(ctx.rest, update.channel_id, update.id);
  if (!message || message.attachments.length > 0) return;
  await autoscanMessage(ctx, message);
}

async function autoscanMessage(ctx: DiscordContext, message: MessagePayload): Promise<void> {
  if (message.author.bot || message.webhook_id || !PERSON_MESSAGE_TYPES.includes(message.type)) return;
  const media = messageSpecs(message, new URL(ctx.discord.apiUrl).host);
  if (media.length === 0) return;
  const settingsChannel = await ctx.settingsChannelOf(message.channel_id);
  ctx.pipeline.accept({
    kind: 'autoscan',
    place: placeOf(message.guild_id, message.channel_id, settingsChannel, message.id),
    user: message.author.id,
    ...guildLocale(ctx, message.guild_id),
    media,
    deliveryKeys: [`message:${message.id}`],
  });
}

/**
 * MESSAGE_REACTION_ADD: a reaction asks for a check of the message it is on; whether it is the
 * trigger emoji here, and whether the message was answered already, is the pipeline's rule. The
 * message's media are read when the pipeline asks (`messageMedia`). A reaction has no delivery id:
 * the same person may remove and add it again to retry.
 */
export async function onReactionAdd(ctx: DiscordContext, d: unknown): Promise<void> {
  const parsed = reactionAddSchema.safeParse(d);
  if (!parsed.success) {
    logUnreadable(ctx, 'MESSAGE_REACTION_ADD', parsed.error);
    return;
  }
  const r = parsed.data;
  if (r.user_id === ctx.botId() || r.member?.user?.bot) return;
  const reaction = reactionForms(r.emoji);
  if (reaction.length === 0) return;
  const settingsChannel = await ctx.settingsChannelOf(r.channel_id);
  ctx.pipeline.accept({
    kind: 'reaction',
    place: placeOf(r.guild_id, r.channel_id, settingsChannel, r.message_id),
    user: r.user_id,
    ...guildLocale(ctx, r.guild_id),
    deliveryKeys: [],
    reaction,
  });
}

/** A message event has no reader's language: its answers speak the guild's (`preferred_locale`). */
function guildLocale(
  ctx: DiscordContext,
  guildId: string | null | undefined,
): Pick<Trigger, 'audienceLocale'> {
  const tag = guildId ? ctx.guildLocale(guildId) : undefined;
  return tag ? { audienceLocale: resolveLocale(tag) } : {};
}

/** Every name of an emoji a setting may use: a custom one by name, id or `<:name:id>`. */
export function reactionForms(emoji: ReactionPayload['emoji']): string[] {
  const forms: string[] = [];
  if (emoji.name) forms.push(emoji.name);
  if (emoji.id) {
    forms.push(emoji.id);
    forms.push(`<${emoji.animated ? 'a' : ''}:${emoji.name ?? '_'}:${emoji.id}>`);
  }
  return forms;
}

function placeOf(
  guild: string | null | undefined,
  channel: string,
  settingsChannel: string,
  message: string,
): Place {
  return {
    platform: 'discord',
    workspace: guild ?? 'dm',
    channel,
    ...(settingsChannel !== channel ? { settingsChannel } : {}),
    message,
  };
}
