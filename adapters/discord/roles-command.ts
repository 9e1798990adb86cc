import { OPTION, ROLES_SUB } from './commands.js';
import type { DiscordContext } from './context.js';
import { scopeOf, type Invocation } from './invocation.js';
import { canManageServer } from './moderators.js';
import { ROLES_WORDING as W } from './roles-wording.js';

/** Bounds what one guild stores; far above what a server names as moderator roles. */
const MAX_MODERATOR_ROLES = 25;

/**
 * `/bitmind roles add|remove <role> | list`: the guild's moderator roles, whose members may change
 * auto-scan like members with Manage Server. Naming them needs Manage Server itself, so a
 * moderator role cannot hand out more. Answers are for the asker only.
 */
export async function rolesAnswer(ctx: DiscordContext, asked: Invocation, sub: string): Promise<string> {
  if (asked.workspace === 'dm') return W.guildOnly;
  const scope = scopeOf(asked);
  const current = (await ctx.settings.workspace(scope)).moderatorRoles;
  if (sub === ROLES_SUB.list) return current.length === 0 ? W.none : W.list(current);
  if (!canManageServer(asked)) return W.needsManageServer;
  const role = asked.options[OPTION.role];
  if (typeof role !== 'string') return W.noRole;
  // The @everyone role has the guild's id; every member has it, so it would make everyone a moderator.
  if (role === asked.workspace) return W.everyone;

  if (sub === ROLES_SUB.remove) {
    if (!current.includes(role)) return W.notThere(role);
    await ctx.settings.updateWorkspace(scope, { moderatorRoles: current.filter((r) => r !== role) });
    ctx.logger.info(
      { guildId: asked.workspace, roleId: role, userId: asked.user },
      'Discord moderator role removed',
    );
    return W.removed(role);
  }
  if (current.includes(role)) return W.alreadyAdded(role);
  if (current.length >= MAX_MODERATOR_ROLES) return W.tooMany(MAX_MODERATOR_ROLES);
  await ctx.settings.updateWorkspace(scope, { moderatorRoles: [...current, role] });
  ctx.logger.info(
    { guildId: asked.workspace, roleId: role, userId: asked.user },
    'Discord moderator role added',
  );
  return W.added(role);
}
