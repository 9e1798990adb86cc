import { resolveLocale, t } from '../../src/i18n/i18n.js';
import type { Trigger } from '../../src/pipeline/trigger.js';
import { autoscanAnswer } from './autoscan-command.js';
import { COMMAND, commandSurface, CONTEXT_MENU, SUB } from './commands.js';
import { rolesAnswer } from './roles-command.js';
import { logUnreadable, type DiscordContext } from './context.js';
import { helpAnswer, statusAnswer } from './info-command.js';
import { checkMedia, invocationOf, placeOf, targetMedia, type Invocation } from './invocation.js';
import {
  commandDataSchema,
  INTERACTION_TYPE,
  interactionSchema,
  type InteractionPayload,
} from './payloads.js';
import { resolveMessageLinks } from './message-link.js';
import { modlogAnswer } from './modlog-command.js';
import { renderProblem } from './render.js';
import { onResultButton } from './result-buttons.js';
import { answerPrivately, deferInteraction, editOriginal, isAlreadyAcknowledged, type Body } from './rest.js';

/**
 * INTERACTION_CREATE, validated before anything reads it. Checks (the slash command's `check`, the
 * "Check with BitMind" message command) are deferred at once (Discord allows 3 s) and handed to
 * the pipeline, which answers them by editing the deferred response. Help, status and auto-scan
 * settings are answered here, privately. An interaction that cannot be read is told so, privately,
 * when it can be answered at all.
 */
export async function onInteraction(ctx: DiscordContext, d: unknown): Promise<void> {
  const parsed = interactionSchema.safeParse(d);
  if (!parsed.success) {
    logUnreadable(ctx, 'INTERACTION_CREATE', parsed.error);
    return;
  }
  const i = parsed.data;
  if (i.type === INTERACTION_TYPE.messageComponent) {
    await onResultButton(ctx, i);
    return;
  }
  // Pings come over HTTP only; autocomplete: the bot registers none.
  if (i.type !== INTERACTION_TYPE.applicationCommand) return;
  const data = commandDataSchema.safeParse(i.data);
  const user = i.member?.user.id ?? i.user?.id;
  if (!data.success || !user) {
    if (!data.success) logUnreadable(ctx, 'INTERACTION_CREATE data', data.error);
    else ctx.logger.warn('Discord sent an interaction without a user; answered as unreadable');
    await tell(ctx, i, t(resolveLocale(i.locale ?? i.guild_locale), 'discord.unreadableCommand'));
    return;
  }
  const settingsChannel = await ctx.settingsChannelOf(i.channel_id, i.channel ?? undefined);

  if (data.data.type === 3) {
    if (data.data.name !== CONTEXT_MENU) return;
    const asked = invocationOf(i, user, settingsChannel);
    const media = targetMedia(data.data, new URL(ctx.discord.apiUrl).host);
    if (media.length === 0) {
      const text = t(asked.locale, 'discord.noMediaInMessage');
      await answerAlone(ctx, asked, renderProblem(text, undefined, asked.locale));
      return;
    }
    await check(ctx, asked, { kind: 'shortcut', place: placeOf(asked, data.data.target_id), media }, false);
    return;
  }

  if (data.data.name !== COMMAND) return;
  const asked = invocationOf(i, user, settingsChannel, data.data);
  const [first, second] = asked.path;
  if (first === SUB.autoscan && second) {
    await answerAlone(ctx, asked, async () => ({ content: await autoscanAnswer(ctx, asked, second) }));
    return;
  }
  if (first === SUB.roles && second) {
    await answerAlone(ctx, asked, async () => ({ content: await rolesAnswer(ctx, asked, second) }));
    return;
  }
  if (first === SUB.modlog && second) {
    await answerAlone(ctx, asked, async () => ({ content: await modlogAnswer(ctx, asked, second) }));
    return;
  }
  switch (first) {
    case SUB.check: {
      const given = checkMedia(asked, data.data);
      if (given === 'unreadable') {
        await answerAlone(ctx, asked, { content: t(asked.locale, 'discord.unreadableCommand') });
        return;
      }
      if (given.length === 0) {
        const text = t(asked.locale, 'discord.nothingToCheck', commandSurface(asked.locale));
        await answerAlone(ctx, asked, { content: text });
        return;
      }
      const media = await resolveMessageLinks(ctx, asked, given);
      if (typeof media === 'string') {
        await answerAlone(ctx, asked, { content: media });
        return;
      }
      const alone = asked.options.private === true;
      await check(ctx, asked, { kind: 'command', place: placeOf(asked), media, private: alone }, alone);
      return;
    }
    case SUB.help:
      await answerAlone(ctx, asked, async () => ({ content: await helpAnswer(ctx, asked) }));
      return;
    case SUB.status:
      await answerAlone(ctx, asked, async () => ({ content: await statusAnswer(ctx, asked) }));
      return;
    default:
      await answerAlone(ctx, asked, { content: t(asked.locale, 'discord.unreadableCommand') });
  }
}

/**
 * Defers, then hands the check to the pipeline. The deferral decides who sees the answer: the
 * asker alone when asked, or when the bot is draining (the answer will be a refusal, said privately).
 * A deferral Discord refuses as "already acknowledged" is a second delivery of the same interaction:
 * it goes to the pipeline too, which recognises it as a duplicate and answers nothing.
 */
async function check(
  ctx: DiscordContext,
  asked: Invocation,
  what: Pick<Trigger, 'kind' | 'place' | 'media' | 'private'>,
  alone: boolean,
): Promise<void> {
  const deferred = await defer(ctx, asked, alone || !ctx.tasks.accepting);
  if (deferred === 'failed') return;
  ctx.pipeline.accept({
    ...what,
    user: asked.user,
    locale: asked.locale,
    ...(asked.audienceLocale && { audienceLocale: asked.audienceLocale }),
    deliveryKeys: [`interaction:${asked.id}`],
    replyVia: { applicationId: asked.applicationId, token: asked.token },
  });
}

/** Answers an interaction that is not a check, privately: once per delivery, through the deferral. */
async function answerAlone(
  ctx: DiscordContext,
  asked: Invocation,
  answer: Body | (() => Promise<Body>),
): Promise<void> {
  if (!(await ctx.pipeline.isFirstDelivery('discord', [`interaction:${asked.id}`]))) return;
  if ((await defer(ctx, asked, true)) !== 'deferred') return;
  let body: Body;
  try {
    body = typeof answer === 'function' ? await answer() : answer;
  } catch (err) {
    ctx.logger.error({ err, command: asked.path.join(' ') }, 'Discord command failed');
    body = renderProblem(t(asked.locale, 'failure.command'), undefined, asked.locale);
  }
  try {
    await editOriginal(ctx.rest, asked.applicationId, asked.token, body);
    ctx.metrics.replies.inc({ platform: 'discord', result: 'posted' });
  } catch (err) {
    ctx.metrics.replies.inc({ platform: 'discord', result: 'failed' });
    ctx.logger.error({ err }, 'Discord: the answer could not be sent');
  }
}

async function defer(
  ctx: DiscordContext,
  asked: Invocation,
  ephemeral: boolean,
): Promise<'deferred' | 'duplicate' | 'failed'> {
  try {
    await deferInteraction(ctx.rest, asked.id, asked.token, ephemeral);
    return 'deferred';
  } catch (err) {
    if (isAlreadyAcknowledged(err)) return 'duplicate';
    // Past Discord's 3 s, or unknown: the interaction can no longer be answered.
    ctx.metrics.replies.inc({ platform: 'discord', result: 'failed' });
    ctx.logger.warn({ err }, 'Discord interaction could not be acknowledged');
    return 'failed';
  }
}

/** Tells the asker alone, at once (no deferral): for interactions that could not be read. */
async function tell(ctx: DiscordContext, i: InteractionPayload, text: string): Promise<void> {
  try {
    await answerPrivately(ctx.rest, i.id, i.token, text);
    ctx.metrics.replies.inc({ platform: 'discord', result: 'posted' });
  } catch (err) {
    ctx.metrics.replies.inc({ platform: 'discord', result: 'failed' });
    ctx.logger.warn({ err }, 'Discord: an unreadable interaction could not be answered');
  }
}
