import type { Place } from '../../src/pipeline/trigger.js';

/**
 * A Slack message's permalink, made without a call: `<web host>/archives/<channel>/p<ts without
 * its dot>` (with `thread_ts` for a reply), on the host of SLACK_API_URL (slack.com, or GovSlack's).
 * Slack sends whoever opens it to their own workspace.
 */
export function slackMessageLink(apiUrl: string, place: Place): string | undefined {
  if (place.message === undefined) return undefined;
  const link = new URL(`/archives/${place.channel}/p${place.message.replace('.', '')}`, apiUrl);
  if (place.thread !== undefined && place.thread !== place.message) {
    link.searchParams.set('thread_ts', place.thread);
    link.searchParams.set('cid', place.channel);
  }
  return link.href;
}
