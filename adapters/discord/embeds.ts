import { isMediaName } from '../../src/domain/media-types.js';
import type { MediaSpec } from '../../src/pipeline/trigger.js';
import { attachmentSpecs, isTrustedHost } from './media.js';
import type { Attachment, Embed } from './payloads.js';

/**
 * The medium an embed shows, full size: a `gifv`'s MP4 (the GIF a person sees is that video); else
 * the image (a link preview's thumbnail is a smaller copy of it); else a video that is a media file
 * (a YouTube embed's `video` is a player page, not one); else the thumbnail, which for a link
 * straight to a picture is that picture.
 */
function pickUrl(embed: Embed): string | undefined {
  const video = embed.video?.url ?? embed.video?.proxy_url ?? undefined;
  if (embed.type === 'gifv' && video) return video;
  const image = embed.image?.url ?? embed.image?.proxy_url;
  if (image) return image;
  if (video && isMediaName(pathOf(video) ?? '')) return video;
  return embed.thumbnail?.url ?? embed.thumbnail?.proxy_url ?? undefined;
}

function pathOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.pathname : undefined;
  } catch {
    return undefined;
  }
}

function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * One spec per embed that shows a medium. On Discord's own CDN (or the tests' fake CDN) it is a
 * platform medium, opened like an attachment; anywhere else it is a link, fetched by the core's
 * guarded fetcher under the SSRF rules like any link a person typed. The name is the file's name,
 * without the query string (a CDN URL's is signed).
 */
export function embedSpecs(embeds: readonly Embed[], apiHost: string): MediaSpec[] {
  const urls = embeds.flatMap((embed) => {
    const url = pickUrl(embed);
    return url && pathOf(url) !== undefined ? [url] : [];
  });
  // Several embeds may show the same medium: it is checked once.
  return [...new Set(urls)].map((url): MediaSpec => {
    const parsed = new URL(url);
    if (isTrustedHost(url, apiHost)) {
      return { source: 'platform', name: fileNameOf(parsed) || 'embed', locator: { url } };
    }
    return { source: 'link', url, name: `${parsed.host}${parsed.pathname}` };
  });
}

/** A message's media: its image and video attachments, then what its embeds show. */
export function messageSpecs(
  message: {
    readonly id: string;
    readonly channel_id: string;
    readonly attachments: readonly Attachment[];
    readonly embeds: readonly Embed[];
  },
  apiHost: string,
): MediaSpec[] {
  return [
    ...attachmentSpecs(message.attachments, { channelId: message.channel_id, messageId: message.id }),
    ...embedSpecs(message.embeds, apiHost),
  ];
}
