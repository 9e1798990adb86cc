import { t, type Locale } from '../../src/i18n/i18n.js';
import type { MediaSpec, Place } from '../../src/pipeline/trigger.js';
import { commandName } from './commands.js';
import { deadline } from '../../src/deadline.js';
import type { DiscordContext } from './context.js';
import type { Invocation } from './invocation.js';
import { attachmentSpecs } from './media.js';
import { fetchMessage } from './rest.js';

/** Discord's web hosts a message link may use (the client's "Copy Message Link"). */
const LINK_HOSTS = new Set([
  'discord.com',
  'ptb.discord.com',
  'canary.discord.com',
  'discordapp.com',
  'ptb.discordapp.com',
  'canary.discordapp.com',
]);

/** Discord allows 3 s to acknowledge; the message lookup comes before the deferral, so it is short. */
const LOOKUP_MS = 2000;

export interface MessageLink {
  /** The guild id, or `dm` for a direct message (`@me`), as `Invocation.workspace` names it. */
  readonly workspace: string;
  readonly channel: string;
  readonly message: string;
}

/** A Discord message link (https://discord.com/channels/<guild|@me>/<channel>/<message>), else undefined. */
export function discordMessageLinkOf(raw: string): MessageLink | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || !LINK_HOSTS.has(url.hostname)) return undefined;
  const match = /^\/channels\/(\d+|@me)\/(\d+)\/(\d+)\/?$/.exec(url.pathname);
  if (!match) return undefined;
  return { workspace: match[1] === '@me' ? 'dm' : match[1]!, channel: match[2]!, message: match[3]! };
}

/** The link Discord's client copies for a message (`@me` for a direct message), or undefined without one. */
export function discordMessageLink(place: Place): string | undefined {
  if (place.message === undefined) return undefined;
  const guild = place.workspace === 'dm' ? '@me' : place.workspace;
  return `https://discord.com/channels/${guild}/${place.channel}/${place.message}`;
}

/**
 * Replaces each Discord message link among `media` by that message's attachments. The answer goes
 * to the interaction's channel, and the bot can read channels the asker (and that channel's
 * audience) cannot, so a link is honoured only from its own guild and channel; otherwise the whole
 * command is refused, privately, before anything is looked up. A string is that private answer.
 */
export async function resolveMessageLinks(
  ctx: DiscordContext,
  asked: Invocation,
  media: readonly MediaSpec[],
): Promise<MediaSpec[] | string> {
  const links = media.map((m) => (m.source === 'link' ? discordMessageLinkOf(m.url) : undefined));
  if (links.some((l) => l && (l.workspace !== asked.workspace || l.channel !== asked.channel)))
    return t(asked.locale, 'discord.onlyMessagesFromHere');
  const resolved: MediaSpec[] = [];
  for (const [index, spec] of media.entries()) {
    const link = links[index];
    if (!link) {
      resolved.push(spec);
      continue;
    }
    const found = await lookUp(ctx, link, asked.locale);
    if (typeof found === 'string') return found;
    resolved.push(...found);
  }
  return resolved;
}

async function lookUp(ctx: DiscordContext, link: MessageLink, locale: Locale): Promise<MediaSpec[] | string> {
  const limit = deadline(LOOKUP_MS);
  try {
    const message = await fetchMessage(ctx.rest, link.channel, link.message, limit.signal);
    const specs = message
      ? attachmentSpecs(message.attachments, { channelId: link.channel, messageId: link.message })
      : [];
    return specs.length > 0 ? specs : t(locale, 'discord.noMediaInMessage');
  } catch (err) {
    ctx.logger.warn({ err }, 'Discord: a linked message could not be read');
    return t(locale, 'discord.cannotReadMessage', { menu: commandName(locale, 'contextMenu') });
  } finally {
    limit.clear();
  }
}
