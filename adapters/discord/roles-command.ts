import { t, type Locale } from '../../src/i18n/i18n.js';
import { commandSurface, OPTION, ROLES_SUB } from './commands.js';
import type { DiscordContext } from './context.js';
import { scopeOf, type Invocation } from './invocation.js';
import { canManageServer } from './moderators.js';

/** Bounds what one guild stores; far above what a server names as moderator roles. */
const MAX_MODERATOR_ROLES = 25;

/**
 * `/bitmind roles add|remove <role> | list`: the guild's moderator roles, whose members may change
 * auto-scan like members with Manage Server. Naming them needs Manage Server itself, so a
 * moderator role cannot hand out more. Answers are for the asker only, in their language. Role
 * mentions (`<@&id>`) never ping: the bot sends no allowed mentions.
 */
export async function rolesAnswer(ctx: DiscordContext, asked: Invocation, sub: string): Promise<string> {
  const { locale } = asked;
  if (asked.workspace === 'dm') return t(locale, 'discord.roles.guildOnly');
  const scope = scopeOf(asked);
  const current = (await ctx.settings.workspace(scope)).moderatorRoles;
  if (sub === ROLES_SUB.list)
    return current.length === 0
      ? t(locale, 'discord.roles.none')
      : t(locale, 'discord.roles.list', { roles: listOf(locale, current) });
  if (!canManageServer(asked)) return t(locale, 'discord.roles.needsManageServer');
  const role = asked.options[OPTION.role];
  if (typeof role !== 'string') return t(locale, 'discord.roles.noRole', commandSurface(locale));
  // The @everyone role has the guild's id; every member has it, so it would make everyone a moderator.
  if (role === asked.workspace) return t(locale, 'discord.roles.everyone');
  const id = { id: role };

  if (sub === ROLES_SUB.remove) {
    if (!current.includes(role)) return t(locale, 'discord.roles.notThere', id);
    await ctx.settings.updateWorkspace(scope, { moderatorRoles: current.filter((r) => r !== role) });
    ctx.logger.info(
      { guildId: asked.workspace, roleId: role, userId: asked.user },
      'Discord moderator role removed',
    );
    return t(locale, 'discord.roles.removed', id);
  }
  if (current.includes(role)) return t(locale, 'discord.roles.alreadyAdded', id);
  if (current.length >= MAX_MODERATOR_ROLES)
    return t(locale, 'discord.roles.tooMany', { count: MAX_MODERATOR_ROLES });
  await ctx.settings.updateWorkspace(scope, { moderatorRoles: [...current, role] });
  ctx.logger.info(
    { guildId: asked.workspace, roleId: role, userId: asked.user },
    'Discord moderator role added',
  );
  return t(locale, 'discord.roles.added', id);
}

/** Role mentions as the language lists them ("a, b, c"; "a, b und c"; "a、b、c"). */
function listOf(locale: Locale, roles: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }).format(
    roles.map((r) => `<@&${r}>`),
  );
}
