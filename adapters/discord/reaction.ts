import type { Message, MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { LRUCache } from 'lru-cache';
import { checkRequest, mention, settingsChannelId, type DiscordContext } from './context.js';
import { messageMediaRefs } from './media.js';
import { replyToMessage } from './message-reply.js';
import { renderProblem, renderReport } from './render.js';
import { problemText } from './reply.js';

const ANSWERED_FOR_MS = 60 * 60 * 1000;

/** A custom emoji trigger may be configured by name, id or its <:name:id> form. */
function isTrigger(reaction: MessageReaction | PartialMessageReaction, trigger: string): boolean {
  const { emoji } = reaction;
  return emoji.name === trigger || emoji.id === trigger || emoji.toString() === trigger;
}

/**
 * messageReactionAdd: the trigger emoji on a message with media asks for a check. The message may be
 * uncached (a partial): it is fetched, which also brings fresh attachment URLs. A message answered
 * within the hour is not answered again, however many people add the emoji.
 */
export function createReactionTrigger(ctx: DiscordContext) {
  const answered = new LRUCache<string, true>({ max: 10_000, ttl: ANSWERED_FOR_MS });

  return async function onReactionAdd(
    reaction: MessageReaction | PartialMessageReaction,
    user: User | PartialUser,
  ): Promise<void> {
    if (user.bot) return;
    const { message: partial } = reaction;
    const settings = await ctx.settings.get('discord', settingsChannelId(partial.channel, partial.channelId));
    if (!isTrigger(reaction, settings.triggerReaction ?? ctx.discord.triggerReaction)) return;
    if (answered.has(partial.id)) return;
    answered.set(partial.id, true);

    let message: Message;
    try {
      message = partial.partial ? await partial.fetch() : partial;
    } catch (err) {
      // Deleted, or out of the bot's sight: there is nothing left to reply to.
      answered.delete(partial.id);
      ctx.logger.warn({ err, messageId: partial.id }, 'Discord reaction: the message could not be fetched');
      return;
    }
    const askedBy = `Asked by ${mention(user.id)} with ${reaction.emoji.toString()}`;
    const media = messageMediaRefs(message, ctx.source);
    if (media.length === 0) {
      await replyToMessage(
        ctx,
        message,
        renderProblem('That message has no image or video attached.', askedBy),
      );
      return;
    }
    try {
      const report = await ctx.checker.check(checkRequest('reaction', user.id, message.channelId, media));
      await replyToMessage(ctx, message, renderReport(report, askedBy));
    } catch (err) {
      // A failed check may be asked for again at once.
      answered.delete(partial.id);
      await replyToMessage(ctx, message, renderProblem(problemText(ctx, err, 'reaction check'), askedBy));
    }
  };
}
