import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import type { DiscordContext } from './context.js';
import type { Invocation } from './invocation.js';

/** Manage Server (or Administrator, which implies it), from the permissions Discord resolved for the member here. */
export function canManageServer(asked: Pick<Invocation, 'permissions'>): boolean {
  if (asked.permissions === undefined) return false;
  return new PermissionsBitField(BigInt(asked.permissions)).has(PermissionFlagsBits.ManageGuild);
}

/**
 * Whether the asker may change how the bot works in this guild (auto-scan, and what else a guild
 * lets its moderators do): members with Manage Server, and members holding one of the roles the
 * guild named with `/bitmind roles add`. The roles are the ones Discord sent with the interaction,
 * so they are the member's roles at the moment of asking. Never in a DM.
 */
export async function mayModerate(
  ctx: DiscordContext,
  asked: Pick<Invocation, 'workspace' | 'permissions' | 'roles'>,
): Promise<boolean> {
  if (asked.workspace === 'dm') return false;
  if (canManageServer(asked)) return true;
  if (asked.roles.length === 0) return false;
  const { moderatorRoles } = await ctx.settings.workspace({
    platform: 'discord',
    workspace: asked.workspace,
  });
  return asked.roles.some((role) => moderatorRoles.includes(role));
}
