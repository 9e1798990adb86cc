import type { App } from '@slack/bolt';
import { truncate, visibleName } from '../../../src/check/wording.js';
import { DEFAULT_LOCALE, t, type Locale } from '../../../src/i18n/i18n.js';
import { failureOf } from '../../../src/pipeline/failure.js';
import { UNREAD_WORKSPACE, type SlackContext } from '../context.js';
import { CANNOT_READ_COMMAND, helpText } from '../messages.js';
import { issuesOf, responseUrlOnlySchema, slashCommandSchema } from '../schemas.js';
import { SLASH_COMMAND } from '../surface.js';
import { autoscanCommand } from './autoscan-command.js';
import { checkLatest, checkLink, type CommandCall } from './check-command.js';
import { deliveryKeys } from './keys.js';
import { modlogCommand } from './modlog-command.js';
import { statusMessage } from './status.js';

/**
 * `/bitmind …`: acknowledged before anything else (Slack gives three seconds), then answered from
 * a tracked task. `check` becomes a trigger for the pipeline; help, status and auto-scan are
 * answered here, once per delivery. Anything that goes wrong is answered too, privately.
 */
export function registerCommand(app: App, ctx: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ ack, body, context }) => {
    await ack();
    const parsed = slashCommandSchema.safeParse(body);
    if (!parsed.success) {
      ctx.logger.warn({ issues: issuesOf(parsed.error) }, 'Slack slash command payload not readable');
      const url = responseUrlOnlySchema.safeParse(body);
      if (url.success)
        ctx.deps.tasks.run('command refusal', () =>
          ctx.at(UNREAD_WORKSPACE).delivery.privately(url.data.response_url, { text: CANNOT_READ_COMMAND }),
        );
      return;
    }
    const command = parsed.data;
    const keys = deliveryKeys({ triggerId: command.trigger_id }, context);
    ctx.deps.tasks.run('command', async () => {
      let locale: Locale = DEFAULT_LOCALE;
      try {
        locale = await ctx.deps.pipeline.askerLocale('slack', command.team_id, command.user_id);
        const call: CommandCall = {
          teamId: command.team_id,
          channelId: command.channel_id,
          userId: command.user_id,
          responseUrl: command.response_url,
          keys,
          locale,
        };
        await dispatch(ctx, call, command.text.trim().split(/\s+/).filter(Boolean));
      } catch (err) {
        const failure = failureOf(err, locale);
        ctx.logger[failure.level]({ err }, 'slash command failed');
        await ctx.at(command.team_id).delivery.privately(command.response_url, {
          text: t(locale, 'failure.sorry', { message: failure.text }),
        });
      }
    });
  });
}

async function dispatch(ctx: SlackContext, call: CommandCall, words: readonly string[]): Promise<void> {
  const [verb, ...rest] = words;
  if (verb?.toLowerCase() === 'check') {
    if (rest[0] === undefined) await checkLatest(ctx, call);
    else await checkLink(ctx, call, rest[0]);
    return;
  }
  // Not a check: answered here, once however often Slack delivers it.
  if (!(await ctx.deps.pipeline.isFirstDelivery('slack', call.keys))) return;
  switch (verb?.toLowerCase()) {
    case 'status':
      await ctx.at(call.teamId).delivery.privately(call.responseUrl, await statusMessage(ctx, call));
      return;
    case 'autoscan':
      await autoscanCommand(
        ctx,
        call,
        rest.map((w) => w.toLowerCase()),
      );
      return;
    case 'modlog':
      await modlogCommand(ctx, call, rest[0]);
      return;
    case undefined:
    case 'help':
      await ctx.at(call.teamId).delivery.privately(call.responseUrl, {
        text: helpText(ctx.slack.triggerReaction, call.locale),
      });
      return;
    default: {
      const shown = truncate(visibleName(verb ?? ''), 40).replace(/[`<>&]/g, '');
      const unknown = t(call.locale, 'slack.unknownVerb', { verb: shown });
      await ctx.at(call.teamId).delivery.privately(call.responseUrl, {
        text: `${unknown}\n${helpText(ctx.slack.triggerReaction, call.locale)}`,
      });
    }
  }
}
