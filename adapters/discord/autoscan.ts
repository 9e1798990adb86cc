import type { Message } from 'discord.js';
import { isVerdict, type CheckReport } from '../../src/domain/types.js';
import { isFlagged } from '../../src/check/wording.js';
import type { ReplyMode } from '../../src/config.js';
import { checkRequest, mention, settingsChannelId, type DiscordContext } from './context.js';
import { messageMediaRefs } from './media.js';
import { reactTo, replyToMessage } from './message-reply.js';
import { renderProblem, renderReport } from './render.js';
import { problemText } from './reply.js';

/** The quiet answers of auto-scan: a reaction instead of a reply. */
export const QUIET = { flagged: '⚠️', clean: '✅', failed: '❌' } as const;

type Outcome = 'flagged' | 'clean' | 'failed';

function outcomeOf(report: CheckReport): Outcome {
  if (report.items.some(isFlagged)) return 'flagged';
  return report.items.every(isVerdict) ? 'clean' : 'failed';
}

/**
 * messageCreate: checks new media in channels where auto-scan is on. People's messages only (the
 * bot's own and other bots' are ignored). The reply mode decides the answer: `all` replies to every
 * message; `flagged` replies when a file shows evidence or could not be checked (a failure is worth
 * a word, as on Slack) and otherwise reacts; `silent` only reacts (⚠️ evidence, ✅ none, ❌ could not
 * check).
 */
export async function onMessageCreate(ctx: DiscordContext, message: Message): Promise<void> {
  if (message.author.bot || message.system) return;
  // While the bot drains for a restart auto-scan takes nothing new: nobody asked, so nobody waits.
  if (!ctx.tasks.accepting) return;
  const media = messageMediaRefs(message, ctx.source);
  if (media.length === 0) return;
  const settings = await ctx.settings.get('discord', settingsChannelId(message.channel, message.channelId));
  if (!settings.autoscan) return;

  const askedBy = `Auto-scan of a message by ${mention(message.author.id)}`;
  let report: CheckReport;
  try {
    report = await ctx.checker.check(checkRequest('autoscan', message.author.id, message.channelId, media));
  } catch (err) {
    const text = problemText(ctx, err, 'auto-scan');
    await answer(ctx, message, settings.replyMode, 'failed', () => renderProblem(text, askedBy));
    return;
  }
  await answer(ctx, message, settings.replyMode, outcomeOf(report), () => renderReport(report, askedBy));
}

async function answer(
  ctx: DiscordContext,
  message: Message,
  mode: ReplyMode,
  outcome: Outcome,
  render: () => ReturnType<typeof renderReport>,
): Promise<void> {
  const replies = mode === 'all' || (mode === 'flagged' && outcome !== 'clean');
  if (replies) await replyToMessage(ctx, message, render());
  else await reactTo(ctx, message, QUIET[outcome]);
}
