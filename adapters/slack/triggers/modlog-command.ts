import type { SlackContext } from '../context.js';
import { t } from '../../../src/i18n/i18n.js';
import { mayManageAutoscan } from '../permissions.js';
import { SURFACE } from '../messages.js';
import type { CommandCall } from './check-command.js';

/** A channel as Slack escapes it in a command's text: `<#C0123|name>` (or `<#C0123>`). */
const ESCAPED_CHANNEL = /^<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>$/;

/**
 * `/bitmind modlog #channel | off | status`: the workspace's mod log, changed by the same people
 * who may change auto-scan. Answered privately.
 */
export async function modlogCommand(
  ctx: SlackContext,
  call: CommandCall,
  arg: string | undefined,
): Promise<void> {
  const scope = { platform: 'slack', workspace: call.teamId };
  const say = (text: string) => ctx.at(call.teamId).delivery.privately(call.responseUrl, { text });
  if (arg === undefined || arg.toLowerCase() === 'status') {
    const channel = await ctx.deps.pipeline.modlogChannel(scope);
    await say(
      channel
        ? t(call.locale, 'moderation.modlog.status', { channel })
        : t(call.locale, 'moderation.modlog.off'),
    );
    return;
  }
  const off = arg.toLowerCase() === 'off';
  const channel = ESCAPED_CHANNEL.exec(arg)?.[1];
  if (!off && channel === undefined) {
    await say(t(call.locale, 'slack.modlogUsage', SURFACE));
    return;
  }
  if (!(await mayManageAutoscan(ctx, call.teamId, call.userId))) {
    await say(t(call.locale, 'slack.autoscanRefused'));
    return;
  }
  await ctx.deps.pipeline.setModlog(scope, channel, call.userId, call.locale);
  ctx.logger.info({ channel: channel ?? 'off', user: call.userId }, 'mod log changed');
  await say(
    channel ? t(call.locale, 'moderation.modlog.set', { channel }) : t(call.locale, 'moderation.modlog.off'),
  );
}
