import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import type { ChannelSettings } from '../../src/settings/store.js';
import { AUTOSCAN_SUB, OPTION, REPLY_MODES } from './commands.js';
import { settingsChannelId, type DiscordContext } from './context.js';
import type { Answer, Plan } from './plan.js';
import { QUIET } from './autoscan.js';

const modeSchema = z.enum(REPLY_MODES as ['flagged', 'all', 'silent']);

const MODE_TEXT: Readonly<Record<z.infer<typeof modeSchema>, string>> = {
  flagged: `I reply when a file shows evidence of AI generation or could not be checked, and otherwise react ${QUIET.clean}`,
  all: 'I reply to every image and video',
  silent: `I only react: ${QUIET.flagged} evidence of AI generation, ${QUIET.clean} none, ${QUIET.failed} could not check`,
};

export const NEEDS_MANAGE_SERVER =
  'Only members with the Manage Server permission can turn auto-scan on or off.';
export const GUILD_ONLY = 'Auto-scan works in server channels only.';

function describe(settings: ChannelSettings, channelId: string): string {
  return settings.autoscan
    ? `Auto-scan is **on** in <#${channelId}> (mode \`${settings.replyMode}\`): ${MODE_TEXT[settings.replyMode]}.`
    : `Auto-scan is **off** in <#${channelId}>.`;
}

/**
 * `/bitmind autoscan enable [mode] | disable | status` for the current channel (a thread's parent).
 * Changing it needs Manage Server, checked here: Discord's default_member_permissions cannot be set
 * on one subcommand. Answers are for the asker only.
 */
export function autoscanPlan(
  ctx: DiscordContext,
  interaction: ChatInputCommandInteraction,
  sub: string,
): Plan {
  return { ephemeral: true, run: () => autoscan(ctx, interaction, sub) };
}

async function autoscan(
  ctx: DiscordContext,
  interaction: ChatInputCommandInteraction,
  sub: string,
): Promise<Answer> {
  if (!interaction.inGuild()) return { content: GUILD_ONLY };
  const channelId = settingsChannelId(interaction.channel, interaction.channelId);
  const current = await ctx.settings.get('discord', channelId);
  if (sub === AUTOSCAN_SUB.status) return { content: describe(current, channelId) };
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild))
    return { content: NEEDS_MANAGE_SERVER };

  if (sub === AUTOSCAN_SUB.disable) {
    const next = await ctx.settings.update('discord', channelId, { autoscan: false });
    return { content: describe(next, channelId) };
  }
  const mode = modeSchema.safeParse(interaction.options.getString(OPTION.mode) ?? current.replyMode);
  if (!mode.success) return { content: `The mode must be one of ${REPLY_MODES.join(', ')}.` };
  const next = await ctx.settings.update('discord', channelId, { autoscan: true, replyMode: mode.data });
  ctx.logger.info(
    { channelId, replyMode: mode.data, userId: interaction.user.id },
    'Discord auto-scan turned on',
  );
  return { content: describe(next, channelId) };
}
