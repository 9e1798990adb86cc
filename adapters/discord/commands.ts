import type { SlashCommandSubcommandBuilder } from 'discord.js';
import {
  ApplicationCommandType,
  ChannelType,
  ContextMenuCommandBuilder,
  SlashCommandBuilder,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { REPLY_MODES, type ReplyMode } from '../../src/config.js';

/**
 * The one definition of the bot's Discord commands. `manifest/discord-commands.json` is generated
 * from it (`bitmind-bot register-commands --print`) and a test keeps the two equal.
 */
export const COMMAND = 'bitmind';
export const CONTEXT_MENU = 'Check with BitMind';
export const SUB = {
  check: 'check',
  help: 'help',
  status: 'status',
  autoscan: 'autoscan',
  roles: 'roles',
  modlog: 'modlog',
} as const;
export const AUTOSCAN_SUB = { enable: 'enable', disable: 'disable', status: 'status' } as const;
export const ROLES_SUB = { add: 'add', remove: 'remove', list: 'list' } as const;
export const MODLOG_SUB = { set: 'set', off: 'off', status: 'status' } as const;
export const OPTION = {
  media: 'media',
  url: 'url',
  private: 'private',
  mode: 'mode',
  role: 'role',
  channel: 'channel',
} as const;

const REPLY_MODE_CHOICES: Readonly<Record<ReplyMode, string>> = {
  flagged: 'flagged: reply only when a file shows evidence of AI generation (default)',
  all: 'all: reply to every file',
  silent: 'silent: reactions only',
};

function bitmindCommand(): SlashCommandBuilder {
  // Discord sets default_member_permissions per top-level command only, and /bitmind check is for
  // everyone, so the Manage Server rule for auto-scan is enforced when the command runs.
  const command = new SlashCommandBuilder()
    .setName(COMMAND)
    .setDescription('Check images and videos for signs of AI generation with BitMind');
  command.addSubcommand((sub) =>
    sub
      .setName(SUB.check)
      .setDescription('Check an attached file or a link')
      .addAttachmentOption((o) => o.setName(OPTION.media).setDescription('An image or video to check'))
      .addStringOption((o) =>
        o.setName(OPTION.url).setDescription('A link to an image or video').setMaxLength(2048),
      )
      .addBooleanOption((o) =>
        o.setName(OPTION.private).setDescription('Show the result to you only (default: everyone here)'),
      ),
  );
  command.addSubcommand((sub) => sub.setName(SUB.help).setDescription('How to use BitMind here'));
  command.addSubcommand((sub) =>
    sub.setName(SUB.status).setDescription('Is BitMind reachable, and what is auto-scan doing here?'),
  );
  command.addSubcommandGroup((group) =>
    group
      .setName(SUB.autoscan)
      .setDescription('Automatic checks of new files in this channel (Manage Server)')
      .addSubcommand((sub) =>
        sub
          .setName(AUTOSCAN_SUB.enable)
          .setDescription('Check every new image and video posted in this channel')
          .addStringOption((o) =>
            o
              .setName(OPTION.mode)
              .setDescription('When to reply')
              .addChoices(REPLY_MODES.map((mode) => ({ name: REPLY_MODE_CHOICES[mode], value: mode }))),
          ),
      )
      .addSubcommand((sub) =>
        sub.setName(AUTOSCAN_SUB.disable).setDescription('Stop checking new files in this channel'),
      )
      .addSubcommand((sub) =>
        sub.setName(AUTOSCAN_SUB.status).setDescription('Is auto-scan on in this channel?'),
      ),
  );
  command.addSubcommandGroup((group) =>
    group
      .setName(SUB.roles)
      .setDescription('Roles whose members may change auto-scan, besides Manage Server')
      .addSubcommand(withRole(ROLES_SUB.add, 'Let the members of a role change auto-scan (Manage Server)'))
      .addSubcommand(withRole(ROLES_SUB.remove, 'Stop a role from changing auto-scan (Manage Server)'))
      .addSubcommand((sub) => sub.setName(ROLES_SUB.list).setDescription('The moderator roles here')),
  );
  command.addSubcommandGroup((group) =>
    group
      .setName(SUB.modlog)
      .setDescription(
        'The channel where results with evidence and wrong-result reports are posted (Manage Server)',
      )
      .addSubcommand((sub) =>
        sub
          .setName(MODLOG_SUB.set)
          .setDescription('Post the mod log in a channel')
          .addChannelOption((o) =>
            o
              .setName(OPTION.channel)
              .setDescription('The mod log channel')
              .setRequired(true)
              .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
          ),
      )
      .addSubcommand((sub) => sub.setName(MODLOG_SUB.off).setDescription('Stop posting the mod log'))
      .addSubcommand((sub) => sub.setName(MODLOG_SUB.status).setDescription('Where is the mod log?')),
  );
  return command;
}

/** A `/bitmind roles` subcommand that takes one role. */
function withRole(name: string, description: string) {
  return (sub: SlashCommandSubcommandBuilder) =>
    sub
      .setName(name)
      .setDescription(description)
      .addRoleOption((o) => o.setName(OPTION.role).setDescription('The role').setRequired(true));
}

/** The body of PUT /applications/{id}/commands: everything the bot registers, in order. */
export function commandDefinitions(): RESTPutAPIApplicationCommandsJSONBody {
  return [
    bitmindCommand().toJSON(),
    new ContextMenuCommandBuilder().setName(CONTEXT_MENU).setType(ApplicationCommandType.Message).toJSON(),
  ];
}
