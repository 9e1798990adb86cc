/**
 * The words of `/bitmind roles` and of the moderator rule, together so they move into the message
 * catalogues in one step. Role mentions (`<@&id>`) never ping: the bot sends no allowed mentions.
 */
const role = (id: string) => `<@&${id}>`;

export const ROLES_WORDING = {
  needsManageServer: 'Only members with the Manage Server permission can choose the moderator roles.',
  guildOnly: 'Moderator roles work in servers only.',
  noRole: 'Choose a role with the `role` option.',
  everyone: 'Everyone cannot be a moderator role: pick a role that only some members have.',
  tooMany: (max: number) => `A server can have at most ${max} moderator roles; remove one first.`,
  added: (id: string) =>
    `${role(id)} is now a moderator role: its members can turn auto-scan on or off here.`,
  alreadyAdded: (id: string) => `${role(id)} is already a moderator role.`,
  removed: (id: string) => `${role(id)} is no longer a moderator role.`,
  notThere: (id: string) => `${role(id)} is not a moderator role.`,
  none: 'No moderator roles: only members with the Manage Server permission can change auto-scan.',
  helpLine: (command: string) =>
    `• \`/${command} roles add|remove|list\`: roles whose members may change auto-scan too (Manage Server).`,
  list: (ids: readonly string[]) => `Moderator roles (besides Manage Server): ${ids.map(role).join(', ')}.`,
} as const;
