import type { SlackMessage } from './schemas.js';
import { SlackApiError, type SlackWeb } from './web.js';

/** Slack's ways of saying a message is gone or out of the bot's sight: nothing to check, nothing wrong. */
const OUT_OF_SIGHT: readonly string[] = [
  'thread_not_found',
  'message_not_found',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'missing_scope',
];

/**
 * The message at `channel`/`ts`: in the channel's history, or else inside a thread. Undefined when
 * it is gone (deleted since the reaction) or out of the bot's sight.
 */
export async function fetchMessage(
  web: SlackWeb,
  channel: string,
  ts: string,
): Promise<SlackMessage | undefined> {
  try {
    const [top] = await web.history(channel, { latest: ts, inclusive: true, limit: 1 });
    if (top?.ts === ts) return top;
    // A reply: Slack puts the thread's parent first, so ask for two and pick the one reacted to.
    const thread = await web.replies(channel, ts, { oldest: ts, latest: ts, inclusive: true, limit: 2 });
    return thread.find((m) => m.ts === ts);
  } catch (err) {
    if (err instanceof SlackApiError && OUT_OF_SIGHT.includes(err.slackError)) return undefined;
    throw err;
  }
}
