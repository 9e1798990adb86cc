import { t } from '../../src/i18n/i18n.js';
import { mayModerate } from './moderators.js';
import { commandSurface, MODLOG_SUB, OPTION } from './commands.js';
import type { DiscordContext } from './context.js';
import { scopeOf, type Invocation } from './invocation.js';
import { snowflake } from './payloads.js';

/**
 * `/bitmind modlog set channel:#x | off | status`: the guild's mod log, changed by the guild's
 * moderators (Manage Server or a moderator role), as auto-scan. Answered privately, in the asker's
 * language.
 */
export async function modlogAnswer(ctx: DiscordContext, asked: Invocation, sub: string): Promise<string> {
  const { locale } = asked;
  if (asked.workspace === 'dm') return t(locale, 'discord.modlog.guildOnly');
  const scope = scopeOf(asked);
  if (sub === MODLOG_SUB.status) {
    const channel = await ctx.pipeline.modlogChannel(scope);
    return channel ? t(locale, 'moderation.modlog.status', { channel }) : t(locale, 'moderation.modlog.off');
  }
  if (!(await mayModerate(ctx, asked))) return t(locale, 'discord.modlog.needsManageServer');
  const given = snowflake.safeParse(asked.options[OPTION.channel]);
  const channel = sub === MODLOG_SUB.set && given.success ? given.data : undefined;
  if (sub === MODLOG_SUB.set && channel === undefined)
    return t(locale, 'discord.modlog.needsChannel', commandSurface(locale));
  await ctx.pipeline.setModlog(scope, channel, asked.user, locale);
  ctx.logger.info({ channel: channel ?? 'off', userId: asked.user }, 'Discord mod log changed');
  return channel ? t(locale, 'moderation.modlog.set', { channel }) : t(locale, 'moderation.modlog.off');
}
