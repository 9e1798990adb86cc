import { z } from 'zod';
import type { ChannelSettings } from '../../src/settings/store.js';
import { REPLY_MODES } from '../../src/config.js';
import { AUTOSCAN_SUB, OPTION } from './commands.js';
import type { DiscordContext } from './context.js';
import { QUIET } from './deliver.js';
import { scopeOf, type Invocation } from './invocation.js';
import { mayModerate } from './moderators.js';
import { ROLES_WORDING } from './roles-wording.js';

const modeSchema = z.enum(REPLY_MODES);

const MODE_TEXT: Readonly<Record<z.infer<typeof modeSchema>, string>> = {
  flagged: `I reply when a file shows evidence of AI generation or could not be checked, and otherwise react ${QUIET.clean}`,
  all: 'I reply to every image and video',
  silent: `I only react: ${QUIET.flagged} evidence of AI generation, ${QUIET.clean} none, ${QUIET.failed} could not check`,
};

export const GUILD_ONLY = 'Auto-scan works in server channels only.';

function describe(settings: ChannelSettings, channelId: string): string {
  return settings.autoscan
    ? `Auto-scan is **on** in <#${channelId}> (mode \`${settings.replyMode}\`): ${MODE_TEXT[settings.replyMode]}.`
    : `Auto-scan is **off** in <#${channelId}>.`;
}

/**
 * `/bitmind autoscan enable [mode] | disable | status` for the current channel (a thread's parent).
 * Changing it needs Manage Server or a moderator role (mayModerate), checked here: Discord's
 * default_member_permissions cannot be set on one subcommand. Answers are for the asker only.
 */
export async function autoscanAnswer(ctx: DiscordContext, asked: Invocation, sub: string): Promise<string> {
  if (asked.workspace === 'dm') return GUILD_ONLY;
  const channelId = asked.settingsChannel;
  const current = await ctx.settings.get(scopeOf(asked), channelId);
  if (sub === AUTOSCAN_SUB.status) return describe(current, channelId);
  if (!(await mayModerate(ctx, asked))) return ROLES_WORDING.needsModerator;

  if (sub === AUTOSCAN_SUB.disable) {
    const next = await ctx.settings.update(scopeOf(asked), channelId, { autoscan: false });
    return describe(next, channelId);
  }
  const given = asked.options[OPTION.mode];
  const mode = modeSchema.safeParse(typeof given === 'string' ? given : current.replyMode);
  if (!mode.success) return `The mode must be one of ${REPLY_MODES.join(', ')}.`;
  const next = await ctx.settings.update(scopeOf(asked), channelId, { autoscan: true, replyMode: mode.data });
  ctx.logger.info({ channelId, replyMode: mode.data, userId: asked.user }, 'Discord auto-scan turned on');
  return describe(next, channelId);
}
