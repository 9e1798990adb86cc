import type { Message } from 'discord.js';
import type { DiscordContext } from './context.js';
import type { RenderedReply } from './render.js';
import { NO_PINGS, deliver } from './reply.js';

/** A reply quoting `message`, in its channel (so in its thread when it is in one). */
export function replyToMessage(
  ctx: DiscordContext,
  message: Message,
  reply: RenderedReply,
): Promise<boolean> {
  return deliver(ctx, 'reply', () => message.reply({ ...reply, allowedMentions: NO_PINGS }));
}

/** A reaction as the whole answer: the quiet auto-scan modes. */
export function reactTo(ctx: DiscordContext, message: Message, emoji: string): Promise<boolean> {
  return deliver(ctx, 'reaction', () => message.react(emoji));
}
