import type { types } from '@slack/bolt';
import type { Activity } from '../../src/audit/activity.js';
import type { ChannelEntry } from '../../src/settings/store.js';
import * as say from './app-home-wording.js';

/** Channels listed before "…and N more": the Home tab holds 100 blocks, and a list past this is not read. */
const MAX_CHANNELS = 50;
/** Lines in one section: a section's text holds 3000 characters, a line about 120. */
const LINES_PER_SECTION = 20;

export interface AdminHome {
  /** Channels with auto-scan on. */
  readonly autoscan: readonly ChannelEntry[];
  readonly modlog: string | undefined;
  /** Undefined when the audit trail could not be read. */
  readonly activity: Activity | undefined;
}

const header = (text: string): types.KnownBlock => ({
  type: 'header',
  text: { type: 'plain_text', text, emoji: true },
});
const section = (text: string): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): types.KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text }],
});
const divider: types.KnownBlock = { type: 'divider' };

/** What everyone sees: how to use the bot, and the caveat. */
function everyone(triggerReaction: string): types.KnownBlock[] {
  return [
    header(say.HOME_TITLE),
    section(say.WHAT_IT_DOES),
    section(say.howToUse(triggerReaction)),
    context(say.AUTOSCAN_NOTE),
    context(say.CAVEAT_LINE),
  ];
}

function autoscanBlocks(channels: readonly ChannelEntry[]): types.KnownBlock[] {
  if (channels.length === 0) return [section(`${say.AUTOSCAN_HEADING}\n${say.NO_AUTOSCAN}`)];
  const lines = channels.slice(0, MAX_CHANNELS).map((c) => say.autoscanLine(c.channel, c.settings.replyMode));
  if (channels.length > MAX_CHANNELS) lines.push(say.moreChannels(channels.length - MAX_CHANNELS));
  const blocks: types.KnownBlock[] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_SECTION) {
    const chunk = lines.slice(i, i + LINES_PER_SECTION).join('\n');
    blocks.push(section(i === 0 ? `${say.AUTOSCAN_HEADING}\n${chunk}` : chunk));
  }
  return blocks;
}

/**
 * The Home tab: for a workspace admin, the auto-scan channels and their modes, the mod log and the
 * last 7 days' counts above the how-to; for everyone else, the how-to alone. Header, section,
 * context and divider blocks only, within Slack's limits (a test holds them).
 */
export function homeView(triggerReaction: string, admin: AdminHome | undefined): types.HomeView {
  if (!admin) return { type: 'home', blocks: everyone(triggerReaction) };
  return {
    type: 'home',
    blocks: [
      header(say.ADMIN_TITLE),
      ...autoscanBlocks(admin.autoscan),
      section(say.modlogLine(admin.modlog)),
      section(admin.activity ? say.activityLines(admin.activity) : say.ACTIVITY_UNAVAILABLE),
      context(say.ADMIN_FOOTER),
      divider,
      ...everyone(triggerReaction),
    ],
  };
}
