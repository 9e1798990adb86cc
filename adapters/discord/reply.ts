import type { MessageMentionOptions } from 'discord.js';
import { toItemError } from '../../src/check/item-error.js';
import type { DiscordContext } from './context.js';

/** Replies quote the message they answer but ping nobody, not even its author. */
export const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false };

/**
 * What a person is told when a check threw: the error's own words when it is one of ours, else a
 * plain apology. The details go to the log (which scrubs secrets), never to the channel.
 */
export function problemText(ctx: DiscordContext, err: unknown, what: string): string {
  ctx.logger.warn({ err }, `Discord ${what} failed`);
  return toItemError(err).message;
}

/** Sends one reply, counting it; a failure to send is logged, since nobody is left to tell. */
export async function deliver(
  ctx: DiscordContext,
  what: string,
  send: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await send();
    ctx.metrics.replies.inc({ platform: 'discord', result: 'posted' });
    return true;
  } catch (err) {
    ctx.metrics.replies.inc({ platform: 'discord', result: 'failed' });
    ctx.logger.error({ err }, `Discord ${what}: the reply could not be sent`);
    return false;
  }
}
