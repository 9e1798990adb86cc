import type { types } from '@slack/bolt';
import type { Activity } from '../../src/audit/activity.js';
import { caveat } from '../../src/check/wording.js';
import type { ReplyMode } from '../../src/config.js';
import { t, type Locale, type MessageKey } from '../../src/i18n/i18n.js';
import { triggerWord } from '../../src/pipeline/modlog-lines.js';
import type { ChannelEntry } from '../../src/settings/store.js';
import { SURFACE } from './messages.js';

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

const MODE_KEYS = {
  flagged: 'slack.home.mode.flagged',
  all: 'slack.home.mode.all',
  silent: 'slack.home.mode.silent',
} as const satisfies Record<ReplyMode, MessageKey>;

/** What everyone sees: how to use the bot, and the caveat. The product's name is its own title. */
function everyone(triggerReaction: string, locale: Locale): types.KnownBlock[] {
  const say = (key: MessageKey) => t(locale, key, { ...SURFACE, emoji: triggerReaction });
  return [
    header('BitMind'),
    section(say('slack.home.whatItDoes')),
    section(
      [
        say('slack.home.howTo'),
        say('slack.home.react'),
        say('slack.home.shortcut'),
        say('slack.home.check'),
        say('slack.home.help'),
      ].join('\n'),
    ),
    context(say('slack.home.autoscanNote')),
    context(caveat(locale)),
  ];
}

function autoscanBlocks(channels: readonly ChannelEntry[], locale: Locale): types.KnownBlock[] {
  const heading = t(locale, 'slack.home.autoscanHeading');
  if (channels.length === 0) return [section(`${heading}\n${t(locale, 'slack.home.noAutoscan', SURFACE)}`)];
  const lines = channels.slice(0, MAX_CHANNELS).map((c) =>
    t(locale, 'slack.home.autoscanLine', {
      channel: c.channel,
      mode: c.settings.replyMode,
      meaning: t(locale, MODE_KEYS[c.settings.replyMode]),
    }),
  );
  if (channels.length > MAX_CHANNELS)
    lines.push(t(locale, 'slack.home.moreChannels', { count: channels.length - MAX_CHANNELS }));
  const blocks: types.KnownBlock[] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_SECTION) {
    const chunk = lines.slice(i, i + LINES_PER_SECTION).join('\n');
    blocks.push(section(i === 0 ? `${heading}\n${chunk}` : chunk));
  }
  return blocks;
}

function modlogLine(channel: string | undefined, locale: Locale): string {
  return channel === undefined
    ? t(locale, 'slack.home.modlogNone')
    : t(locale, 'slack.home.modlogSet', { channel });
}

function activityLines(activity: Activity | undefined, locale: Locale): string {
  if (!activity) return t(locale, 'slack.home.unavailable');
  const lines = [
    t(locale, 'slack.home.lastWeek'),
    t(locale, 'slack.home.checks', { count: activity.checks, flagged: activity.flagged }),
    t(locale, 'slack.home.reports', { count: activity.wrongResults }),
  ];
  if (activity.byTrigger.length > 0) {
    const list = activity.byTrigger
      .map(([trigger, count]) =>
        t(locale, 'slack.home.byTriggerItem', { trigger: triggerWord(locale, trigger), count }),
      )
      .join(' · ');
    lines.push(t(locale, 'slack.home.byTrigger', { list }));
  }
  return lines.join('\n');
}

/**
 * The Home tab: for a workspace admin, the auto-scan channels and their modes, the mod log and the
 * last 7 days' counts above the how-to; for everyone else, the how-to alone. Header, section,
 * context and divider blocks only, within Slack's limits (a test holds them). In the viewer's
 * language: the tab is theirs alone. Slack mrkdwn: channel mentions as `<#C…>`, which Slack shows
 * by name to those who may see it.
 */
export function homeView(
  triggerReaction: string,
  admin: AdminHome | undefined,
  locale: Locale,
): types.HomeView {
  if (!admin) return { type: 'home', blocks: everyone(triggerReaction, locale) };
  return {
    type: 'home',
    blocks: [
      header(t(locale, 'slack.home.adminTitle')),
      ...autoscanBlocks(admin.autoscan, locale),
      section(modlogLine(admin.modlog, locale)),
      section(activityLines(admin.activity, locale)),
      context(t(locale, 'slack.home.adminFooter')),
      divider,
      ...everyone(triggerReaction, locale),
    ],
  };
}
