import { REPLY_MODES, type ReplyMode } from '../../../src/config.js';
import type { ChannelSettings } from '../../../src/settings/store.js';
import type { SlackContext } from '../context.js';
import { t, type Locale, type MessageKey } from '../../../src/i18n/i18n.js';
import { SURFACE } from '../messages.js';
import { mayManageAutoscan } from '../permissions.js';
import type { CommandCall } from './check-command.js';

const MODE_KEY = {
  flagged: 'slack.autoscan.flagged',
  all: 'slack.autoscan.all',
  silent: 'slack.autoscan.silent',
} as const satisfies Record<ReplyMode, MessageKey>;

function describe(settings: ChannelSettings, locale: Locale): string {
  if (!settings.autoscan) return t(locale, 'slack.autoscan.off', SURFACE);
  const meaning = t(locale, MODE_KEY[settings.replyMode]);
  return t(locale, 'slack.autoscan.on', { mode: settings.replyMode, meaning });
}

/** `/bitmind autoscan on|off|status|mode <mode>` for the channel the command was typed in. */
export async function autoscanCommand(
  ctx: SlackContext,
  call: CommandCall,
  args: readonly string[],
): Promise<void> {
  const [action, mode] = args;
  const current = await ctx.deps.settings.get({ platform: 'slack', workspace: call.teamId }, call.channelId);
  if (action === undefined || action === 'status') {
    await ctx.at(call.teamId).delivery.privately(call.responseUrl, { text: describe(current, call.locale) });
    return;
  }

  let patch: Partial<ChannelSettings>;
  if (action === 'on' || action === 'off') patch = { autoscan: action === 'on' };
  else if (action === 'mode' && (REPLY_MODES as readonly string[]).includes(mode ?? ''))
    patch = { replyMode: mode as ReplyMode };
  else {
    await ctx.at(call.teamId).delivery.privately(call.responseUrl, {
      text: t(call.locale, 'slack.autoscan.usage', { ...SURFACE, modes: REPLY_MODES.join('|') }),
    });
    return;
  }

  if (!(await mayManageAutoscan(ctx, call.teamId, call.userId))) {
    await ctx
      .at(call.teamId)
      .delivery.privately(call.responseUrl, { text: t(call.locale, 'slack.autoscanRefused') });
    return;
  }
  const updated = await ctx.deps.settings.update(
    { platform: 'slack', workspace: call.teamId },
    call.channelId,
    patch,
  );
  ctx.logger.info({ channel: call.channelId, user: call.userId, ...patch }, 'auto-scan settings changed');
  // Said to the whole channel, in the asker's language: Slack names no workspace language.
  const invite = updated.autoscan && !current.autoscan;
  await ctx.at(call.teamId).delivery.publicly(call.responseUrl, {
    text: t(call.locale, invite ? 'slack.autoscan.changedInvite' : 'slack.autoscan.changed', {
      user: call.userId,
      state: describe(updated, call.locale),
    }),
  });
}
