import { REPLY_MODES, type ReplyMode } from '../../../src/config.js';
import type { ChannelSettings } from '../../../src/settings/store.js';
import type { SlackContext } from '../context.js';
import { AUTOSCAN_REFUSED } from '../messages.js';
import { mayManageAutoscan } from '../permissions.js';
import { SLASH_COMMAND } from '../surface.js';
import type { CommandCall } from './check-command.js';

const MODE_MEANING: Record<ReplyMode, string> = {
  flagged:
    'I reply only when a file shows evidence of AI generation, and mark the rest with :white_check_mark:',
  all: 'I reply to every image and video',
  silent: 'I only react: :warning: for evidence of AI generation, :white_check_mark: otherwise',
};

function describe(settings: ChannelSettings): string {
  return settings.autoscan
    ? `Auto-scan is *on* in this channel (mode \`${settings.replyMode}\`: ${MODE_MEANING[settings.replyMode]}).`
    : `Auto-scan is *off* in this channel. An admin can turn it on with \`${SLASH_COMMAND} autoscan on\`.`;
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
    await ctx.at(call.teamId).delivery.privately(call.responseUrl, { text: describe(current) });
    return;
  }

  let patch: Partial<ChannelSettings>;
  if (action === 'on' || action === 'off') patch = { autoscan: action === 'on' };
  else if (action === 'mode' && (REPLY_MODES as readonly string[]).includes(mode ?? ''))
    patch = { replyMode: mode as ReplyMode };
  else {
    await ctx.at(call.teamId).delivery.privately(call.responseUrl, {
      text: `Try \`${SLASH_COMMAND} autoscan on\`, \`off\`, \`status\` or \`mode ${REPLY_MODES.join('|')}\`.`,
    });
    return;
  }

  if (!(await mayManageAutoscan(ctx, call.teamId, call.userId))) {
    await ctx.at(call.teamId).delivery.privately(call.responseUrl, { text: AUTOSCAN_REFUSED });
    return;
  }
  const updated = await ctx.deps.settings.update(
    { platform: 'slack', workspace: call.teamId },
    call.channelId,
    patch,
  );
  ctx.logger.info({ channel: call.channelId, user: call.userId, ...patch }, 'auto-scan settings changed');
  const hint =
    updated.autoscan && !current.autoscan
      ? ' I need to be a member of this channel to see new files: `/invite @BitMind`.'
      : '';
  await ctx.at(call.teamId).delivery.publicly(call.responseUrl, {
    text: `<@${call.userId}> changed auto-scan. ${describe(updated)}${hint}`,
  });
}
