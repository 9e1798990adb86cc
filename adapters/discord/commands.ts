import type { SlashCommandSubcommandBuilder } from 'discord.js';
import {
  ApplicationCommandType,
  ChannelType,
  ContextMenuCommandBuilder,
  Locale as DiscordLocale,
  SlashCommandBuilder,
  type LocalizationMap,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { REPLY_MODES, type ReplyMode } from '../../src/config.js';
import { DEFAULT_LOCALE, LOCALES, t, type Locale } from '../../src/i18n/i18n.js';
import type en from '../../src/i18n/locales/en.js';

/**
 * The one definition of the bot's Discord commands, with every name and description in each
 * language of the catalogue (`discord.commands.*`). `manifest/discord-commands.json` is generated
 * from it (`bitmind-bot register-commands --print`) and a test keeps the two equal. Discord sends
 * the English names in interactions whatever the member's language, so the handlers match on these.
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

type CommandKey = keyof typeof en.discord.commands;
/** The entries that have a description (the context menu and choices have a name only). */
type DescribedKey = Exclude<CommandKey, 'contextMenu' | 'modeFlagged' | 'modeAll' | 'modeSilent'>;

/** Discord's codes for our languages (it has `es-ES` and `es-419`; ours is Spain's Spanish). */
const DISCORD_LOCALE: Readonly<Record<Exclude<Locale, 'en'>, DiscordLocale>> = {
  es: DiscordLocale.SpanishES,
  fr: DiscordLocale.French,
  de: DiscordLocale.German,
  'pt-BR': DiscordLocale.PortugueseBR,
  ja: DiscordLocale.Japanese,
};
const TRANSLATED = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== DEFAULT_LOCALE);

/** A command's, option's or choice's name in `locale`. */
export function commandName(locale: Locale, key: CommandKey): string {
  return t(locale, `discord.commands.${key}.name`);
}

/**
 * The command, subcommand and option names a member types, as their client shows them (Discord
 * shows the localized names): for the sentences that mention them.
 */
export function commandSurface(locale: Locale): Readonly<Record<string, string>> {
  const name = (key: CommandKey) => commandName(locale, key);
  return {
    command: COMMAND,
    check: name('check'),
    media: name('media'),
    url: name('url'),
    private: name('private'),
    status: name('status'),
    autoscan: name('autoscan'),
    enable: name('enable'),
    disable: name('disable'),
    autoscanStatus: name('autoscanStatus'),
    roles: name('roles'),
    add: name('rolesAdd'),
    remove: name('rolesRemove'),
    list: name('rolesList'),
    role: name('role'),
    modlog: name('modlog'),
    set: name('modlogSet'),
    off: name('modlogOff'),
    modlogStatus: name('modlogStatus'),
    channel: name('channel'),
  };
}

function localizations(text: (locale: Locale) => string): LocalizationMap {
  return Object.fromEntries(TRANSLATED.map((l) => [DISCORD_LOCALE[l], text(l)]));
}

const names = (key: CommandKey) => localizations((l) => commandName(l, key));
const descriptions = (key: DescribedKey) => localizations((l) => t(l, `discord.commands.${key}.description`));
const description = (key: DescribedKey) => t(DEFAULT_LOCALE, `discord.commands.${key}.description`);

/** Sets a builder's English description and every translation of its name and description. */
function described<
  B extends {
    setDescription(text: string): B;
    setNameLocalizations(map: LocalizationMap): B;
    setDescriptionLocalizations(map: LocalizationMap): B;
  },
>(builder: B, key: DescribedKey): B {
  return builder
    .setDescription(description(key))
    .setNameLocalizations(names(key))
    .setDescriptionLocalizations(descriptions(key));
}

const REPLY_MODE_CHOICES: Readonly<Record<ReplyMode, CommandKey>> = {
  flagged: 'modeFlagged',
  all: 'modeAll',
  silent: 'modeSilent',
};

function bitmindCommand(): SlashCommandBuilder {
  // Discord sets default_member_permissions per top-level command only, and /bitmind check is for
  // everyone, so the Manage Server rule for auto-scan is enforced when the command runs. The
  // command keeps its name in every language: it is the product's.
  const command = new SlashCommandBuilder()
    .setName(COMMAND)
    .setDescription(description('bitmind'))
    .setDescriptionLocalizations(descriptions('bitmind'));
  command.addSubcommand((sub) =>
    described(sub.setName(SUB.check), 'check')
      .addAttachmentOption((o) => described(o.setName(OPTION.media), 'media'))
      .addStringOption((o) => described(o.setName(OPTION.url), 'url').setMaxLength(2048))
      .addBooleanOption((o) => described(o.setName(OPTION.private), 'private')),
  );
  command.addSubcommand((sub) => described(sub.setName(SUB.help), 'help'));
  command.addSubcommand((sub) => described(sub.setName(SUB.status), 'status'));
  command.addSubcommandGroup((group) =>
    described(group.setName(SUB.autoscan), 'autoscan')
      .addSubcommand((sub) =>
        described(sub.setName(AUTOSCAN_SUB.enable), 'enable').addStringOption((o) =>
          described(o.setName(OPTION.mode), 'mode').addChoices(
            REPLY_MODES.map((mode) => ({
              name: commandName(DEFAULT_LOCALE, REPLY_MODE_CHOICES[mode]),
              name_localizations: names(REPLY_MODE_CHOICES[mode]),
              value: mode,
            })),
          ),
        ),
      )
      .addSubcommand((sub) => described(sub.setName(AUTOSCAN_SUB.disable), 'disable'))
      .addSubcommand((sub) => described(sub.setName(AUTOSCAN_SUB.status), 'autoscanStatus')),
  );
  command.addSubcommandGroup((group) =>
    described(group.setName(SUB.roles), 'roles')
      .addSubcommand(withRole(ROLES_SUB.add, 'rolesAdd'))
      .addSubcommand(withRole(ROLES_SUB.remove, 'rolesRemove'))
      .addSubcommand((sub) => described(sub.setName(ROLES_SUB.list), 'rolesList')),
  );
  command.addSubcommandGroup((group) =>
    described(group.setName(SUB.modlog), 'modlog')
      .addSubcommand((sub) =>
        described(sub.setName(MODLOG_SUB.set), 'modlogSet').addChannelOption((o) =>
          described(o.setName(OPTION.channel), 'channel')
            .setRequired(true)
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        ),
      )
      .addSubcommand((sub) => described(sub.setName(MODLOG_SUB.off), 'modlogOff'))
      .addSubcommand((sub) => described(sub.setName(MODLOG_SUB.status), 'modlogStatus')),
  );
  return command;
}

/** A `/bitmind roles` subcommand that takes one role. */
function withRole(name: string, key: DescribedKey) {
  return (sub: SlashCommandSubcommandBuilder) =>
    described(sub.setName(name), key).addRoleOption((o) =>
      described(o.setName(OPTION.role), 'role').setRequired(true),
    );
}

/** The body of PUT /applications/{id}/commands: everything the bot registers, in order. */
export function commandDefinitions(): RESTPutAPIApplicationCommandsJSONBody {
  return [
    bitmindCommand().toJSON(),
    new ContextMenuCommandBuilder()
      .setName(CONTEXT_MENU)
      .setNameLocalizations(names('contextMenu'))
      .setType(ApplicationCommandType.Message)
      .toJSON(),
  ];
}
