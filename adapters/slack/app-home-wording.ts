import type { ReplyMode } from '../../src/config.js';
import { CAVEAT } from '../../src/check/wording.js';
import type { Activity } from '../../src/audit/activity.js';
import { SHORTCUT_NAME, SLASH_COMMAND } from './surface.js';

/**
 * Every sentence of the App Home, in one place (to move into the i18n catalogues in one step).
 * Slack mrkdwn: channel mentions as `<#C…>`, which Slack shows by name to those who may see it.
 */

export const HOME_TITLE = 'BitMind';
export const ADMIN_TITLE = 'BitMind for admins';

export const WHAT_IT_DOES = 'BitMind estimates how likely an image or video is to be AI-generated.';

export function howToUse(triggerReaction: string): string {
  return [
    '*How to check something*',
    `• React with :${triggerReaction}: to a message with an image or video`,
    `• Or pick "${SHORTCUT_NAME}" from a message's menu`,
    `• Or type \`${SLASH_COMMAND} check <link>\` in a channel, or \`${SLASH_COMMAND} check\` for the latest image or video there`,
    `• \`${SLASH_COMMAND} help\` lists every command`,
  ].join('\n');
}

export const AUTOSCAN_NOTE =
  'In some channels your admins have turned on auto-scan: every image and video shared there is checked.';

export const CAVEAT_LINE = CAVEAT;

export const AUTOSCAN_HEADING = '*Auto-scan*';
export const NO_AUTOSCAN = `No channel has auto-scan on. Turn it on in a channel with \`${SLASH_COMMAND} autoscan on\`.`;

const MODE_WORDS: Record<ReplyMode, string> = {
  flagged: 'replies to evidence of AI generation, marks the rest',
  all: 'replies to every image and video',
  silent: 'only marks messages with a reaction',
};

export function autoscanLine(channel: string, mode: ReplyMode): string {
  return `• <#${channel}>: ${mode} (${MODE_WORDS[mode]})`;
}

export function moreChannels(count: number): string {
  return `…and ${count} more ${count === 1 ? 'channel' : 'channels'}.`;
}

export function modlogLine(channel: string | undefined): string {
  return channel === undefined
    ? '*Mod log*: none. Results with evidence of AI generation and "wrong result" reports can be posted to a channel of your choice.'
    : `*Mod log*: <#${channel}> receives results with evidence of AI generation and "wrong result" reports.`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function activityLines(activity: Activity): string {
  const lines = [
    '*Last 7 days*',
    `• ${plural(activity.checks, 'check', 'checks')}, ${activity.flagged} with evidence of AI generation`,
    `• ${plural(activity.wrongResults, '"wrong result" report', '"wrong result" reports')}`,
  ];
  if (activity.byTrigger.length > 0)
    lines.push(`• By trigger: ${activity.byTrigger.map(([t, n]) => `${t} ${n}`).join(' · ')}`);
  return lines.join('\n');
}

export const ACTIVITY_UNAVAILABLE = '*Last 7 days*: the audit trail could not be read just now.';

export const ADMIN_FOOTER =
  'Only workspace admins see this part. The audit trail keeps each check for the retention your operator set; see the privacy page.';
