import { z } from 'zod';
import {
  MODLOG_COMMAND,
  MODLOG_OFF,
  modlogSet,
  modlogStatus,
} from '../../src/pipeline/moderation-wording.js';
import { mayModerate } from './moderators.js';
import { MODLOG_SUB, OPTION } from './commands.js';
import type { DiscordContext } from './context.js';
import { scopeOf, type Invocation } from './invocation.js';

const snowflake = z.string().regex(/^\d{1,20}$/);

/**
 * `/bitmind modlog set channel:#x | off | status`: the guild's mod log, changed by the guild's
 * moderators (Manage Server or a moderator role), as auto-scan. Answered privately.
 */
export async function modlogAnswer(ctx: DiscordContext, asked: Invocation, sub: string): Promise<string> {
  if (asked.workspace === 'dm') return MODLOG_COMMAND.discordGuildOnly;
  const scope = scopeOf(asked);
  if (sub === MODLOG_SUB.status) {
    const channel = await ctx.pipeline.modlogChannel(scope);
    return modlogStatus(channel && `<#${channel}>`);
  }
  if (!(await mayModerate(ctx, asked))) return MODLOG_COMMAND.discordNeedsManageServer;
  const given = snowflake.safeParse(asked.options[OPTION.channel]);
  const channel = sub === MODLOG_SUB.set && given.success ? given.data : undefined;
  if (sub === MODLOG_SUB.set && channel === undefined) return MODLOG_COMMAND.discordNeedsChannel;
  await ctx.pipeline.setModlog(scope, channel, asked.user);
  ctx.logger.info({ channel: channel ?? 'off', userId: asked.user }, 'Discord mod log changed');
  return channel ? modlogSet(`<#${channel}>`) : MODLOG_OFF;
}
