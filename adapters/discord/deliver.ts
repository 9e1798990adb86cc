import { placeholderText } from '../../src/check/wording.js';
import { localeOf } from '../../src/pipeline/locale.js';
import type { Mark, ReplyPlan } from '../../src/pipeline/plan.js';
import type { PlaceholderHandle } from '../../src/pipeline/platform.js';
import type { Trigger } from '../../src/pipeline/trigger.js';
import type { DiscordContext } from './context.js';
import { askedBy, renderBody, renderProblem } from './render.js';
import { editMessage, editOriginal, react, replyTo, type Body } from './rest.js';

/** Auto-scan's quiet marks, as reactions on the message. */
export const QUIET: Readonly<Record<Mark, string>> = { flagged: '⚠️', clean: '✅', failed: '❌' };

/** Where an interaction is answered: its deferred response, named by plain ids and its token. */
function interactionOf(trigger: Trigger): { applicationId: string; token: string } | undefined {
  return interactionIn(trigger.replyVia);
}

function interactionIn(
  via: Readonly<Record<string, string>> | undefined,
): { applicationId: string; token: string } | undefined {
  const applicationId = via?.applicationId;
  const token = via?.token;
  return applicationId && token ? { applicationId, token } : undefined;
}

function messageOf(trigger: Trigger): { channelId: string; messageId: string } {
  const messageId = trigger.place.message;
  if (!messageId) throw new Error(`a Discord ${trigger.kind} trigger names no message to answer`);
  return { channelId: trigger.place.channel, messageId };
}

/**
 * "Checking N files…". A deferred interaction already shows Discord's own "thinking…", so its
 * placeholder is the deferral itself: a handle naming it, nothing posted. A message trigger gets a
 * reply to the message, which the answer then edits.
 */
export async function postPlaceholder(
  ctx: DiscordContext,
  trigger: Trigger,
  count: number,
): Promise<PlaceholderHandle> {
  const interaction = interactionOf(trigger);
  if (interaction) return { kind: 'interaction', ...interaction };
  const { channelId, messageId } = messageOf(trigger);
  try {
    const id = await replyTo(ctx.rest, channelId, messageId, {
      content: placeholderText(count, localeOf(trigger)),
    });
    return { kind: 'message', channelId, messageId: id };
  } catch (err) {
    ctx.logger.warn({ err, channelId }, 'Discord: the "Checking…" reply could not be posted');
    throw err;
  }
}

/**
 * Delivers a plan from plain data alone (the trigger, the plan, the placeholder's handle). A
 * failure is counted, logged and rethrown: the pipeline keeps the answer owed.
 */
export async function deliverPlan(
  ctx: DiscordContext,
  trigger: Trigger,
  plan: ReplyPlan,
  placeholder?: PlaceholderHandle,
): Promise<void> {
  if (plan.kind === 'nothing') return;
  try {
    await send(ctx, trigger, plan, placeholder);
    ctx.metrics.replies.inc({ platform: 'discord', result: 'posted' });
  } catch (err) {
    ctx.metrics.replies.inc({ platform: 'discord', result: 'failed' });
    ctx.logger.error({ err, kind: trigger.kind, plan: plan.kind }, 'Discord: the answer could not be sent');
    throw err;
  }
}

async function send(
  ctx: DiscordContext,
  trigger: Trigger,
  plan: Exclude<ReplyPlan, { kind: 'nothing' }>,
  placeholder: PlaceholderHandle | undefined,
): Promise<void> {
  // A Recheck's placeholder is the pressed button's interaction: it edits the message the button is on.
  const interaction =
    (placeholder?.kind === 'interaction' ? interactionIn(placeholder) : undefined) ?? interactionOf(trigger);
  if (interaction) {
    // The deferral fixed who sees the answer (Discord cannot change it afterwards, and the first
    // follow-up inherits it too), so a refusal edits the deferred response like any answer: it is
    // private whenever the deferral could know it would be (a private check, a bot draining).
    await editOriginal(ctx.rest, interaction.applicationId, interaction.token, bodyOf(trigger, plan));
    return;
  }
  const { channelId, messageId } = messageOf(trigger);
  if (plan.kind === 'reaction') {
    await react(ctx.rest, channelId, messageId, QUIET[plan.mark]);
    return;
  }
  // A message has no private answer on Discord: a refusal is a reply, as any other answer.
  const body = bodyOf(trigger, plan);
  if (placeholder?.kind === 'message' && placeholder.channelId && placeholder.messageId)
    await editMessage(ctx.rest, placeholder.channelId, placeholder.messageId, body);
  else await replyTo(ctx.rest, channelId, messageId, body);
}

function bodyOf(trigger: Trigger, plan: Exclude<ReplyPlan, { kind: 'nothing' }>): Body {
  switch (plan.kind) {
    case 'reply':
      return { content: '', ...renderBody(plan.body, askedBy(trigger), localeOf(trigger), plan.result) };
    case 'refusal':
      return interactionOf(trigger)
        ? { content: plan.text }
        : renderProblem(plan.text, askedBy(trigger), localeOf(trigger));
    case 'reaction':
      return { content: QUIET[plan.mark] };
  }
}
