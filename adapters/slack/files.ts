import type { Readable } from 'node:stream';
import { CheckError, type MediaRef } from '../../src/domain/types.js';
import { DownloadError, type MediaFetcher } from '../../src/media/index.js';
import type { Secret } from '../../src/secret.js';
import type { SlackFile, SlackMessage } from './schemas.js';
import { SlackApiError, type SlackWeb } from './web.js';

/** Types BitMind reads; auto-scan looks only at these, so a GIF or a PDF never starts a reply. */
const CHECKABLE_TYPES = new Set([
  'image/jpeg',
  'image/jpg',
  'image/png',
  'image/webp',
  'video/mp4',
  'video/quicktime',
  'video/x-msvideo',
  'video/avi',
]);

/**
 * Where the bot token may be sent: Slack's file host over HTTPS (files.slack.com, or files.<domain>
 * of the configured Web API, as GovSlack's files.slack-gov.com), or the Web API's own origin (tests).
 */
export function isTrustedFileUrl(url: string, apiUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const api = new URL(apiUrl);
  const fileHosts = ['files.slack.com', `files.${api.hostname}`];
  if (target.protocol === 'https:' && target.port === '' && fileHosts.includes(target.hostname)) return true;
  return target.origin === api.origin;
}

/**
 * The files of a message worth checking. An explicit request (command, shortcut, reaction) takes any
 * image or video, so a user hears why an unsupported one could not be checked; auto-scan takes only
 * the types BitMind reads.
 */
export function mediaFiles(message: SlackMessage, scope: 'explicit' | 'autoscan'): SlackFile[] {
  return (message.files ?? []).filter((file) => {
    if (file.mode === 'external' || file.mode === 'tombstone' || file.mode === 'snippet') return false;
    // A stub (Slack Connect) says nothing of its type yet; files.info will.
    if (file.file_access === 'check_file_info') return true;
    const type = file.mimetype?.toLowerCase() ?? '';
    return scope === 'autoscan' ? CHECKABLE_TYPES.has(type) : /^(image|video)\//.test(type);
  });
}

/** The file id in a Slack file link: a permalink (…slack.com/files/U…/F…/name) or a files-pri URL. */
export function slackFileIdOf(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.hostname !== 'slack.com' && !url.hostname.endsWith('.slack.com')) return undefined;
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] === 'files' && segments[2] && /^F[A-Z0-9]+$/.test(segments[2])) return segments[2];
  if (segments[0] === 'files-pri' && segments[1]) return /-(F[A-Z0-9]+)$/.exec(segments[1])?.[1];
  return undefined;
}

export interface SlackFileDeps {
  readonly web: SlackWeb;
  readonly fetcher: MediaFetcher;
  readonly botToken: Secret;
  readonly apiUrl: string;
}

const MISSING_SCOPE =
  'Slack sent a sign-in page instead of the file: the app is missing the files:read scope. Add files:read to the app (see docs/slack.md) and reinstall it.';

/** Completes a stub from files.info when the event did not carry what a download needs. */
export async function resolveFile(file: SlackFile, web: SlackWeb): Promise<SlackFile> {
  if (file.url_private_download && file.file_access !== 'check_file_info') return file;
  return web.fileInfo(file.id);
}

/**
 * A Slack file as the Checker sees it: its size is known before any download, and opening it sends
 * the bot token only to a vetted host. A file elsewhere is refused rather than fetched with the token.
 */
export function slackFileRef(file: SlackFile, deps: SlackFileDeps): MediaRef {
  const url = file.url_private_download ?? file.url_private;
  const name = file.name ?? file.title ?? file.id;
  return {
    name,
    sizeHint: file.size,
    mimeHint: file.mimetype,
    async open(signal: AbortSignal): Promise<Readable> {
      if (url === undefined)
        throw new CheckError('download_failed', 'Slack gave no download link for this file.');
      if (!isTrustedFileUrl(url, deps.apiUrl)) {
        throw new CheckError(
          'blocked_url',
          'This file is not hosted by Slack, so it was not downloaded with the bot token.',
        );
      }
      try {
        return await deps.fetcher.openTrusted(url, {
          headers: { authorization: `Bearer ${deps.botToken.reveal()}` },
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

/**
 * The media of some files, details completed from files.info where needed. A file Slack will not
 * describe becomes one item's error in the reply rather than the failure of the whole check.
 */
export async function refsForFiles(files: readonly SlackFile[], deps: SlackFileDeps): Promise<MediaRef[]> {
  return Promise.all(
    files.map(async (file) => {
      try {
        return slackFileRef(await resolveFile(file, deps.web), deps);
      } catch (err) {
        const reason = err instanceof SlackApiError ? ` (${err.slackError})` : '';
        return unavailableRef(file.name ?? file.id, `Slack would not share this file${reason}.`);
      }
    }),
  );
}

function unavailableRef(name: string, message: string): MediaRef {
  return {
    name,
    open: () => Promise.reject(new CheckError('download_failed', message)),
  };
}
