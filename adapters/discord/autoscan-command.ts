import { z } from 'zod';
import type { ChannelSettings } from '../../src/settings/store.js';
import { REPLY_MODES, type ReplyMode } from '../../src/config.js';
import { t, type Locale, type MessageKey } from '../../src/i18n/i18n.js';
import { AUTOSCAN_SUB, commandSurface, OPTION } from './commands.js';
import type { DiscordContext } from './context.js';
import { QUIET } from './deliver.js';
import { scopeOf, type Invocation } from './invocation.js';
import { mayModerate } from './moderators.js';

const modeSchema = z.enum(REPLY_MODES);

const MODE_KEY = {
  flagged: 'discord.autoscan.flagged',
  all: 'discord.autoscan.all',
  silent: 'discord.autoscan.silent',
} as const satisfies Record<ReplyMode, MessageKey>;

function describe(settings: ChannelSettings, channel: string, locale: Locale): string {
  if (!settings.autoscan) return t(locale, 'discord.autoscan.off', { channel });
  const meaning = t(locale, MODE_KEY[settings.replyMode], QUIET);
  return t(locale, 'discord.autoscan.on', { channel, mode: settings.replyMode, meaning });
}

/**
 * `/bitmind autoscan enable [mode] | disable | status` for the current channel (a thread's parent).
 * Changing it needs Manage Server or a moderator role (mayModerate), checked here: Discord's
 * default_member_permissions cannot be set on one subcommand. Answers are for the asker only.
 */
export async function autoscanAnswer(ctx: DiscordContext, asked: Invocation, sub: string): Promise<string> {
  const { locale } = asked;
  if (asked.workspace === 'dm') return t(locale, 'discord.autoscan.guildOnly');
  const channelId = asked.settingsChannel;
  const current = await ctx.settings.get(scopeOf(asked), channelId);
  if (sub === AUTOSCAN_SUB.status) return describe(current, channelId, locale);
  if (!(await mayModerate(ctx, asked)))
    return t(locale, 'discord.autoscan.needsModerator', commandSurface(locale));

  if (sub === AUTOSCAN_SUB.disable) {
    const next = await ctx.settings.update(scopeOf(asked), channelId, { autoscan: false });
    return describe(next, channelId, locale);
  }
  const given = asked.options[OPTION.mode];
  const mode = modeSchema.safeParse(typeof given === 'string' ? given : current.replyMode);
  if (!mode.success) return t(locale, 'discord.autoscan.badMode', { modes: REPLY_MODES.join(', ') });
  const next = await ctx.settings.update(scopeOf(asked), channelId, { autoscan: true, replyMode: mode.data });
  ctx.logger.info({ channelId, replyMode: mode.data, userId: asked.user }, 'Discord auto-scan turned on');
  return describe(next, channelId, locale);
}
