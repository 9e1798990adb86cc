import { resolveLocale, type Locale } from '../../src/i18n/i18n.js';
import type { MediaSpec, Place } from '../../src/pipeline/trigger.js';
import type { Scope } from '../../src/settings/store.js';
import { messageSpecs } from './embeds.js';
import {
  OPTION_TYPE,
  type ChatInputData,
  type CommandOption,
  type InteractionPayload,
  type MessageCommandData,
} from './payloads.js';

/** One interaction as the adapter reads it, after its payload was validated: plain data only. */
export interface Invocation {
  readonly id: string;
  readonly applicationId: string;
  readonly token: string;
  readonly user: string;
  /** The guild; `dm` outside one. */
  readonly workspace: string;
  readonly channel: string;
  readonly settingsChannel: string;
  /** The member's permissions in this channel, as Discord resolved them (absent in DMs). */
  readonly permissions: string | undefined;
  /** The member's role ids (none in DMs). */
  readonly roles: readonly string[];
  /** The subcommand path (`['check']`, `['autoscan', 'enable']`) of a slash command. */
  readonly path: readonly string[];
  /** The leaf options by name. */
  readonly options: Readonly<Record<string, string | number | boolean | undefined>>;
  /** The asker's language (their client's, else the guild's, else English): every answer speaks it. */
  readonly locale: Locale;
  /** The guild's preferred language, when Discord sent it. */
  readonly audienceLocale: Locale | undefined;
}

export function invocationOf(
  i: InteractionPayload,
  user: string,
  settingsChannel: string,
  data?: ChatInputData,
): Invocation {
  const { path, options } = data ? flatten(data.options) : { path: [], options: {} };
  return {
    id: i.id,
    applicationId: i.application_id,
    token: i.token,
    user,
    workspace: i.guild_id ?? 'dm',
    channel: i.channel_id,
    settingsChannel,
    permissions: i.member?.permissions ?? undefined,
    roles: i.member?.roles ?? [],
    path,
    options,
    locale: resolveLocale(i.locale ?? i.guild_locale),
    audienceLocale: i.guild_locale ? resolveLocale(i.guild_locale) : undefined,
  };
}

/** Subcommand group → subcommand → options, as Discord nests them. */
function flatten(top: readonly CommandOption[]): Pick<Invocation, 'path' | 'options'> {
  const path: string[] = [];
  let level = top;
  for (;;) {
    const nested = level.find(
      (o) => o.type === OPTION_TYPE.subcommandGroup || o.type === OPTION_TYPE.subcommand,
    );
    if (!nested) break;
    path.push(nested.name);
    level = nested.options ?? [];
  }
  return { path, options: Object.fromEntries(level.map((o) => [o.name, o.value])) };
}

/** Whose settings an interaction reads and changes: its guild's. */
export function scopeOf(asked: Invocation): Scope {
  return { platform: 'discord', workspace: asked.workspace };
}

export function placeOf(asked: Invocation, message?: string): Place {
  return {
    platform: 'discord',
    workspace: asked.workspace,
    channel: asked.channel,
    ...(asked.settingsChannel !== asked.channel ? { settingsChannel: asked.settingsChannel } : {}),
    ...(message ? { message } : {}),
  };
}

/** `/bitmind check`'s media: the `media` attachment as given (the person chose it) and the `url` link. */
export function checkMedia(asked: Invocation, data: ChatInputData): MediaSpec[] | 'unreadable' {
  const specs: MediaSpec[] = [];
  const attachmentId = asked.options.media;
  if (attachmentId !== undefined) {
    const attachment =
      typeof attachmentId === 'string' ? data.resolved?.attachments?.[attachmentId] : undefined;
    if (!attachment) return 'unreadable';
    // Explicit: taken whatever it looks like, so the person hears why it could not be checked.
    specs.push({
      source: 'platform',
      name: attachment.filename,
      sizeHint: attachment.size,
      ...(attachment.content_type ? { mimeHint: attachment.content_type } : {}),
      locator: { url: attachment.url, attachmentId: attachment.id },
    });
  }
  const url = asked.options.url;
  if (typeof url === 'string' && url.trim() !== '')
    specs.push({ source: 'link', url: url.trim(), name: linkName(url.trim()) });
  return specs;
}

/** "Check with BitMind": the images and videos of the message it was used on, attached or embedded. */
export function targetMedia(data: MessageCommandData, apiHost: string): MediaSpec[] {
  const target = data.resolved?.messages?.[data.target_id];
  if (!target) return [];
  return messageSpecs(target, apiHost);
}

/** A link's name without its query string (which may be signed). */
function linkName(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'a link';
  }
}
