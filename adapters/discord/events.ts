import type { Place } from '../../src/pipeline/trigger.js';
import { logUnreadable, type DiscordContext } from './context.js';
import { attachmentSpecs } from './media.js';
import { messageSchema, PERSON_MESSAGE_TYPES, reactionAddSchema, type ReactionPayload } from './payloads.js';

/**
 * MESSAGE_CREATE: a person's message with images or videos is an auto-scan trigger; the pipeline
 * decides from the channel's settings whether and how it is answered. The bot's own messages, other
 * bots', webhooks' and system messages are passed over, as are messages without media.
 */
export async function onMessageCreate(ctx: DiscordContext, d: unknown): Promise<void> {
  const parsed = messageSchema.safeParse(d);
  if (!parsed.success) {
    logUnreadable(ctx, 'MESSAGE_CREATE', parsed.error);
    return;
  }
  const message = parsed.data;
  if (message.author.bot || message.webhook_id || !PERSON_MESSAGE_TYPES.includes(message.type)) return;
  const media = attachmentSpecs(message.attachments, {
    channelId: message.channel_id,
    messageId: message.id,
  });
  if (media.length === 0) return;
  const settingsChannel = await ctx.settingsChannelOf(message.channel_id);
  ctx.pipeline.accept({
    kind: 'autoscan',
    place: placeOf(message.guild_id, message.channel_id, settingsChannel, message.id),
    user: message.author.id,
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
    deliveryKeys: [],
    reaction,
  });
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
