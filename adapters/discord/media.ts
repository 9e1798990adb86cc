import type { Readable } from 'node:stream';
import type { Attachment, Message, PartialMessage } from 'discord.js';
import type { MediaRef } from '../../src/domain/types.js';
import { DownloadError, type MediaFetcher } from '../../src/media/index.js';

/** Discord's own file hosts; anything else in an attachment URL is treated like a link a user typed. */
const DISCORD_CDN_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'];

/** Content types and file names worth sending to BitMind; others are not media auto-scan should touch. */
const MEDIA_TYPE = /^(image|video)\//i;
const MEDIA_NAME = /\.(jpe?g|png|webp|gif|mp4|m4v|mov|avi|webm|mkv)$/i;

export interface AttachmentSource {
  readonly fetcher: MediaFetcher;
  /** Host (with port) of DISCORD_API_URL: in tests the fake CDN lives there. */
  readonly apiHost: string;
}

export function isMediaAttachment(attachment: Attachment): boolean {
  return MEDIA_TYPE.test(attachment.contentType ?? '') || MEDIA_NAME.test(attachment.name);
}

export function mediaAttachments(message: Message | PartialMessage): Attachment[] {
  return [...message.attachments.values()].filter(isMediaAttachment);
}

/**
 * A Discord attachment as a MediaRef. Discord's CDN URLs are signed and expire, so when the CDN
 * answers 403 or 404 the URL is refreshed once through `refresh` (re-fetching the message) and
 * tried again. The name is the file name alone: the signed query string never reaches a reply.
 */
export function attachmentRef(
  attachment: Attachment,
  source: AttachmentSource,
  refresh?: () => Promise<Attachment | undefined>,
): MediaRef {
  const open = (url: string, signal: AbortSignal): Promise<Readable> =>
    isTrustedHost(url, source.apiHost)
      ? source.fetcher.openTrusted(url, { signal })
      : source.fetcher.openUrl(url, signal);
  return {
    name: attachment.name,
    sizeHint: attachment.size,
    ...(attachment.contentType ? { mimeHint: attachment.contentType } : {}),
    async open(signal) {
      try {
        return await open(attachment.url, signal);
      } catch (err) {
        if (!refresh || !isExpiredLink(err)) throw err;
        const fresh = await refresh();
        if (!fresh) throw err;
        return open(fresh.url, signal);
      }
    },
  };
}

/**
 * Refs for a message's media attachments; an expired URL is refreshed by fetching the message anew
 * (a forced REST fetch, since the cached copy holds the same stale URLs).
 */
export function messageMediaRefs(message: Message, source: AttachmentSource): MediaRef[] {
  return mediaAttachments(message).map((attachment) =>
    attachmentRef(attachment, source, async () => {
      const fresh = await message.channel.messages.fetch({ message: message.id, force: true });
      return fresh.attachments.get(attachment.id);
    }),
  );
}

function isExpiredLink(err: unknown): boolean {
  return err instanceof DownloadError && (err.status === 403 || err.status === 404);
}

export function isTrustedHost(url: string, apiHost: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return DISCORD_CDN_HOSTS.includes(parsed.hostname) ? parsed.protocol === 'https:' : parsed.host === apiHost;
}
