import type { Readable } from 'node:stream';
import type { MediaRef } from '../../src/domain/types.js';
import { DownloadError, type MediaFetcher } from '../../src/media/index.js';
import type { MediaSpec } from '../../src/pipeline/trigger.js';
import type { Attachment } from './payloads.js';
import { isMediaMime, isMediaName } from '../../src/domain/media-types.js';

type PlatformSpec = Extract<MediaSpec, { source: 'platform' }>;

/** Discord's own file hosts; anything else in an attachment URL is treated like a link a user typed. */
const DISCORD_CDN_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'];

/**
 * What looks like an image or a video, by claimed type or by name: everything a person could mean.
 * Which of these BitMind reads is the pipeline's call (auto-scan) and the bytes' (everyone else).
 */

export function looksLikeMedia(attachment: Attachment): boolean {
  // Any image or video a person could mean, by claimed type or by name: explicit requests hear why
  // one could not be checked; what auto-scan takes is the pipeline's rule.
  const type = attachment.content_type ?? '';
  return /^(image|video)\//i.test(type) || isMediaMime(type) || isMediaName(attachment.filename);
}

/**
 * A message's image and video attachments as the pipeline passes them on. The locator keeps the
 * message's ids, so an expired signed URL can be refreshed by fetching the message again; a slash
 * command's `media` option has no message (and so no refresh).
 */
export function attachmentSpecs(
  attachments: readonly Attachment[],
  where?: { readonly channelId: string; readonly messageId: string },
): MediaSpec[] {
  return attachments.filter(looksLikeMedia).map((a) => ({
    source: 'platform',
    name: a.filename,
    sizeHint: a.size,
    ...(a.content_type ? { mimeHint: a.content_type } : {}),
    locator: {
      url: a.url,
      attachmentId: a.id,
      ...(where ? { channelId: where.channelId, messageId: where.messageId } : {}),
    },
  }));
}

export interface AttachmentSource {
  readonly fetcher: MediaFetcher;
  /** Host (with port) of DISCORD_API_URL: in tests the fake CDN lives there. */
  readonly apiHost: string;
  /** The message's attachments as Discord gives them now (fresh signed URLs); undefined when gone. */
  readonly refetch: (channelId: string, messageId: string) => Promise<readonly Attachment[] | undefined>;
}

/**
 * Opens an attachment spec. Discord's CDN URLs are signed and expire, so when the CDN answers 403 or
 * 404 the URL is refreshed once by fetching the message again (by its ids, through REST) and tried
 * again. The name is the file name alone: the signed query string never reaches a reply.
 */
export function openAttachment(spec: PlatformSpec, source: AttachmentSource): MediaRef {
  const { url, attachmentId, channelId, messageId } = spec.locator;
  const open = (target: string, signal: AbortSignal): Promise<Readable> =>
    isTrustedHost(target, source.apiHost)
      ? source.fetcher.openTrusted(target, { signal })
      : source.fetcher.openUrl(target, signal);
  return {
    name: spec.name,
    ...(spec.sizeHint !== undefined ? { sizeHint: spec.sizeHint } : {}),
    ...(spec.mimeHint ? { mimeHint: spec.mimeHint } : {}),
    async open(signal) {
      if (!url) throw new DownloadError(`${spec.name} has no address to download it from.`);
      try {
        return await open(url, signal);
      } catch (err) {
        if (!channelId || !messageId || !isExpiredLink(err)) throw err;
        const fresh = (await source.refetch(channelId, messageId))?.find((a) => a.id === attachmentId);
        if (!fresh) throw err;
        return open(fresh.url, signal);
      }
    },
  };
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
