import type { Readable } from 'node:stream';
import { CheckError, type MediaRef } from '../../src/domain/types.js';
import { DownloadError, type MediaFetcher } from '../../src/media/index.js';
import type { MediaSpec } from '../../src/pipeline/trigger.js';
import type { SlackFile, SlackMessage } from './schemas.js';
import { SlackApiError, type SlackWeb } from './web.js';
import { isSlackHost } from './slack-hosts.js';
import { isMediaName } from '../../src/domain/media-types.js';

export type PlatformSpec = Extract<MediaSpec, { source: 'platform' }>;

/**
 * Whether a file of a message is an image or a video a person could mean: by the type Slack claims
 * or by its name. Which of those BitMind reads is the core's decision, never the adapter's. External
 * links, snippets and deleted files are never media; a stub (Slack Connect) says nothing of its
 * type yet, and is taken: files.info will say.
 */
export function isMediaFile(file: SlackFile): boolean {
  if (file.mode === 'external' || file.mode === 'tombstone' || file.mode === 'snippet') return false;
  if (file.file_access === 'check_file_info') return true;
  if (/^(image|video)\//i.test(file.mimetype ?? '')) return true;
  return isMediaName(file.name ?? file.title ?? '');
}

/**
 * A Slack file as plain data: named, sized and typed as Slack claims, located by its id and, when
 * the event carried it, its download URL. Never the token: `openSlackFile` adds it.
 */
export function fileSpec(file: SlackFile): PlatformSpec {
  const url = file.file_access === 'check_file_info' ? undefined : (file.url_private_download ?? undefined);
  return {
    source: 'platform',
    name: file.name ?? file.title ?? file.id,
    ...(typeof file.size === 'number' ? { sizeHint: file.size } : {}),
    ...(file.mimetype ? { mimeHint: file.mimetype } : {}),
    locator: { fileId: file.id, ...(url ? { url } : {}) },
  };
}

/**
 * What a message's unfurls show, one link per preview: its full-size image or its video, the
 * thumbnail only when there is nothing else. They are hosted anywhere on the web, so the core's
 * guarded fetcher takes them under the SSRF rules, and never with the bot token.
 */
export function unfurlSpecs(message: SlackMessage): MediaSpec[] {
  const urls = (message.attachments ?? []).flatMap((a) => {
    const url = a.image_url ?? a.video_url ?? a.thumb_url;
    return url && isWebUrl(url) ? [url] : [];
  });
  // Named without the query string, which may be signed.
  return [...new Set(urls)].map((url) => {
    const { host, pathname } = new URL(url);
    return { source: 'link', url, name: `${host}${pathname}` };
  });
}

function isWebUrl(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The media of a message, as specs: its files in Slack's order, then its unfurls. */
export function messageSpecs(message: SlackMessage): MediaSpec[] {
  return [...(message.files ?? []).filter(isMediaFile).map(fileSpec), ...unfurlSpecs(message)];
}

/**
 * A file Slack would not describe when it was named (a permalink's files.info failed): opening it
 * fails with the reason, as that item's error in the reply.
 */
export function unavailableSpec(fileId: string, slackError: string): PlatformSpec {
  return { source: 'platform', name: fileId, locator: { fileId, unavailable: slackError } };
}

/** A link on Slack's own web host (slack.com or a workspace's *.slack.com), parsed; else undefined. */
function slackWebUrl(raw: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  return url.hostname === 'slack.com' || url.hostname.endsWith('.slack.com') ? url : undefined;
}

/** The file id in a Slack file link: a permalink (…slack.com/files/U…/F…/name) or a files-pri URL. */
export function slackFileIdOf(raw: string): string | undefined {
  const url = slackWebUrl(raw);
  if (!url) return undefined;
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] === 'files' && segments[2] && /^F[A-Z0-9]+$/.test(segments[2])) return segments[2];
  if (segments[0] === 'files-pri' && segments[1]) return /-(F[A-Z0-9]+)$/.exec(segments[1])?.[1];
  return undefined;
}

/** A Slack message permalink (…slack.com/archives/<channel>/p<ts without its dot>): its channel and ts. */
export function slackMessageLinkOf(raw: string): { channel: string; ts: string } | undefined {
  const url = slackWebUrl(raw);
  if (!url) return undefined;
  const match = /^\/archives\/([CGD][A-Z0-9]+)\/p(\d{7,})\/?$/.exec(url.pathname);
  if (!match) return undefined;
  const digits = match[2]!;
  return { channel: match[1]!, ts: `${digits.slice(0, -6)}.${digits.slice(-6)}` };
}

export interface SlackFileDeps {
  readonly web: SlackWeb;
  readonly fetcher: MediaFetcher;
  /** The bot token of the workspace the file was named in. */
  readonly token: () => Promise<string>;
  readonly apiUrl: string;
}

const MISSING_SCOPE =
  'Slack sent a sign-in page instead of the file: the app is missing the files:read scope. Add files:read to the app (see docs/slack.md) and reinstall it.';

function wouldNotShare(slackError: string): CheckError {
  return new CheckError('download_failed', `Slack would not share this file (${slackError}).`);
}

/** The download URL of a spec: the one the event carried, else files.info's. */
async function downloadUrlOf(spec: PlatformSpec, web: SlackWeb): Promise<string | undefined> {
  const { fileId, url, unavailable } = spec.locator;
  if (unavailable !== undefined) throw wouldNotShare(unavailable);
  if (url !== undefined) return url;
  if (fileId === undefined) return undefined;
  try {
    const file = await web.fileInfo(fileId);
    return file.url_private_download ?? file.url_private ?? undefined;
  } catch (err) {
    if (err instanceof SlackApiError) throw wouldNotShare(err.slackError);
    throw err;
  }
}

/**
 * A Slack file as the Checker sees it: its claimed size is known before any download, and opening
 * it completes the spec through files.info when needed and sends the bot token only to a vetted
 * host. A file elsewhere is refused rather than fetched with the token.
 */
export function openSlackFile(spec: PlatformSpec, deps: SlackFileDeps): MediaRef {
  return {
    name: spec.name,
    sizeHint: spec.sizeHint,
    mimeHint: spec.mimeHint,
    async open(signal: AbortSignal): Promise<Readable> {
      const url = await downloadUrlOf(spec, deps.web);
      if (url === undefined)
        throw new CheckError('download_failed', 'Slack gave no download link for this file.');
      if (!isSlackHost(url, deps.apiUrl, 'files')) {
        throw new CheckError(
          'blocked_url',
          'This file is not hosted by Slack, so it was not downloaded with the bot token.',
        );
      }
      try {
        return await deps.fetcher.openTrusted(url, {
          headers: { authorization: `Bearer ${await deps.token()}` },
          signal,
        });
      } catch (err) {
        if (err instanceof DownloadError && err.htmlBody)
          throw new CheckError('download_failed', MISSING_SCOPE);
        throw err;
      }
    },
  };
}
