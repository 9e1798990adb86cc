import { CheckError } from '../domain/types.js';

/** Said when a global bound (downloads, temporary disk) stayed full for longer than a person should wait. */
export const BUSY_MESSAGE = 'The bot is busy, try again in a moment.';

export function busyError(): CheckError {
  return new CheckError('busy', BUSY_MESSAGE);
}

/**
 * The longest a medium waits for a download slot or for disk room before it is answered `busy`.
 * A minute: long enough to ride out a burst (eight 90 MB downloads on a slow link), short enough
 * that the person watching "Checking…" hears something well inside Slack's and Discord's patience,
 * and far below DOWNLOAD_MAX_SECONDS, so a busy bot says so rather than timing out.
 */
export const MAX_WAIT_FOR_ROOM_MS = 60_000;
