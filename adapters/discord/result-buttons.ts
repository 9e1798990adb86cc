import { resolveLocale, t } from '../../src/i18n/i18n.js';
import { logUnreadable, type DiscordContext } from './context.js';
import { componentDataSchema, type InteractionPayload } from './payloads.js';
import { mayModerate } from './moderators.js';
import { answerPrivately, deferUpdate, isAlreadyAcknowledged } from './rest.js';

/**
 * A button pressed on a result (MESSAGE_COMPONENT): acknowledged at once without a visible answer
 * (Discord allows 3 s), then handed to the pipeline as a plain `ResultPress` carrying the press's
 * own token, through which the core's answer edits or deletes the message, or speaks privately.
 * Moderators are the guild's: Manage Server, or one of its moderator roles (as for auto-scan).
 */
export async function onResultButton(ctx: DiscordContext, i: InteractionPayload): Promise<void> {
  const data = componentDataSchema.safeParse(i.data);
  const user = i.member?.user.id ?? i.user?.id;
  // The presser's client language (every interaction carries it, a button's too): the answers are theirs.
  const locale = resolveLocale(i.locale ?? i.guild_locale);
  if (!data.success || !user || !i.message) {
    if (!data.success) logUnreadable(ctx, 'MESSAGE_COMPONENT data', data.error);
    await answerPrivately(ctx.rest, i.id, i.token, t(locale, 'moderation.press.unreadable')).catch(
      (err: unknown) => ctx.logger.warn({ err }, 'Discord: an unreadable button press could not be answered'),
    );
    return;
  }
  try {
    await deferUpdate(ctx.rest, i.id, i.token);
  } catch (err) {
    // Already acknowledged: a second delivery of the same press, which the pipeline passes over too.
    if (!isAlreadyAcknowledged(err)) {
      ctx.metrics.replies.inc({ platform: 'discord', result: 'failed' });
      ctx.logger.warn({ err }, 'Discord: a button press could not be acknowledged');
      return;
    }
  }
  const via = { applicationId: i.application_id, token: i.token };
  const workspace = i.guild_id ?? 'dm';
  const moderator = await mayModerate(ctx, {
    workspace,
    permissions: i.member?.permissions ?? undefined,
    roles: i.member?.roles ?? [],
  });
  ctx.pipeline.press({
    id: data.data.custom_id,
    place: {
      platform: 'discord',
      workspace,
      channel: i.channel_id,
      message: i.message.id,
    },
    user,
    moderator,
    deliveryKeys: [`interaction:${i.id}`],
    result: { kind: 'interaction', ...via },
    replyVia: via,
    locale,
    ...(i.guild_locale && { audienceLocale: resolveLocale(i.guild_locale) }),
  });
}
