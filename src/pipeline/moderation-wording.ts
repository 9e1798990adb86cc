import type { Band } from '../check/wording.js';
import type { ModlogPost } from './modlog.js';

/**
 * Every sentence of the moderation tools (the mod log, the buttons on a result), on both
 * platforms, in one place: they move into the message catalogues in one step.
 */

export const PRESS_ANSWERS = {
  expired:
    'This result is too old for its buttons (they work for 7 days), or it was deleted. Ask for a new check.',
  forged: 'That button does not belong to a result of mine here, so I did nothing.',
  feedbackThanks:
    'Thank you: your report that this result looks wrong was recorded, and the moderators were told.',
  feedbackAgain: 'You already reported this result. Thank you.',
  deleteRefused: 'Only the person who asked for this check, or a moderator, can delete it.',
  deleted: 'Deleted.',
  unreadable: 'That button press came in a form I could not read, so I did nothing. Please try again.',
} as const;

export const MODLOG_WORDS = {
  resultTitle: 'Evidence of AI generation',
  feedbackTitle: 'A result was reported wrong',
  verdict: 'Verdict',
  postedBy: 'Posted by',
  askedBy: 'Asked by',
  reportedBy: 'Reported by',
  trigger: 'Trigger',
  original: 'Original message',
  noLink: 'no message to link to',
} as const;

export function recheckFailed(reason: string): string {
  return `The recheck could not be done, so the result stays as it was: ${reason}`;
}

/** The band a mod-log line or a report names, in words. */
export const BAND_WORDS: Readonly<Record<Band | 'none', string>> = {
  strong: 'strong evidence of AI generation',
  some: 'some evidence of AI generation',
  little: 'little evidence of AI generation',
  none: 'nothing could be checked',
};

/** Said privately to whoever set the mod log, once, when the bot cannot post there. */
export function modlogUnpostable(channelMention: string): string {
  return `I cannot post in the mod log channel ${channelMention}: invite me there (or give me permission to send messages), then set it again. Until then the mod log is paused.`;
}

export function modlogSet(channelMention: string): string {
  return `The mod log is now ${channelMention}: results with evidence of AI generation and reports of wrong results go there.`;
}

export const MODLOG_OFF = 'The mod log is off.';

/** What `/bitmind modlog` says when it cannot do as asked. */
export const MODLOG_COMMAND = {
  slackUsage: (command: string) =>
    `Try \`${command} modlog #channel\` (pick the channel from Slack's list), \`${command} modlog off\` or \`${command} modlog status\`.`,
  discordNeedsChannel: 'Pick the mod log channel in the `channel` option.',
  discordGuildOnly: 'The mod log is for servers: there is none in direct messages.',
  discordNeedsManageServer: 'Only members with the Manage Server permission can change the mod log.',
} as const;

export function modlogStatus(channelMention: string | undefined): string {
  return channelMention ? `The mod log is ${channelMention}.` : MODLOG_OFF;
}

/**
 * A mod-log post as a title and labelled lines, for each platform to lay out: the verdict, who
 * posted the media, who asked, who reported it (feedback), the trigger. `mention` writes a user
 * the platform's way; the link to the original message is the platform's to add.
 */
export function modlogLines(
  post: ModlogPost,
  poster: string | undefined,
  mention: (user: string) => string,
): { title: string; lines: Array<readonly [label: string, value: string]> } {
  const w = MODLOG_WORDS;
  const lines: Array<readonly [string, string]> = [
    [w.verdict, `${post.summary} (${BAND_WORDS[post.band ?? 'none']})`],
    [w.postedBy, poster ? mention(poster) : '?'],
    [w.askedBy, post.trigger === 'autoscan' ? 'auto-scan' : mention(post.asker)],
  ];
  if (post.by) lines.push([w.reportedBy, mention(post.by)]);
  lines.push([w.trigger, post.trigger]);
  return { title: post.kind === 'feedback' ? w.feedbackTitle : w.resultTitle, lines };
}
