import type { App } from '@slack/bolt';
import { truncate, visibleName } from '../../../src/check/wording.js';
import type { SlackContext } from '../context.js';
import { helpText } from '../messages.js';
import { failureMessage } from '../run-check.js';
import { slashCommandSchema } from '../schemas.js';
import { SLASH_COMMAND } from '../surface.js';
import { autoscanCommand } from './autoscan-command.js';
import { checkLatest, checkLink, type CommandCall } from './check-command.js';
import { statusMessage } from './status.js';

/**
 * `/bitmind …`: acknowledged before anything else (Slack gives three seconds), then answered from
 * a tracked task. Anything that goes wrong is answered too, privately, in plain words.
 */
export function registerCommand(app: App, ctx: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ ack, body, respond }) => {
    await ack();
    ctx.tasks.run('command', async () => {
      const parsed = slashCommandSchema.safeParse(body);
      if (!parsed.success) {
        ctx.logger.warn({ issues: parsed.error.issues }, 'unexpected slash command payload');
        await ctx.replier.privately(respond, { text: `Sorry, ${failureMessage(parsed.error)}` });
        return;
      }
      const command = parsed.data;
      const call: CommandCall = {
        teamId: command.team_id,
        channelId: command.channel_id,
        userId: command.user_id,
        respond,
      };
      try {
        await dispatch(ctx, call, command.text.trim().split(/\s+/).filter(Boolean));
      } catch (err) {
        ctx.logger.error({ err }, 'slash command failed');
        await ctx.replier.privately(respond, { text: `Sorry, ${failureMessage(err)}` });
      }
    });
  });
}

async function dispatch(ctx: SlackContext, call: CommandCall, words: readonly string[]): Promise<void> {
  const [verb, ...rest] = words;
  switch (verb?.toLowerCase()) {
    case 'check':
      if (rest[0] === undefined) await checkLatest(ctx, call);
      else await checkLink(ctx, call, rest[0]);
      return;
    case 'status':
      await ctx.replier.privately(call.respond, await statusMessage(ctx, call.teamId, call.channelId));
      return;
    case 'autoscan':
      await autoscanCommand(
        ctx,
        call,
        rest.map((w) => w.toLowerCase()),
      );
      return;
    case undefined:
    case 'help':
      await ctx.replier.privately(call.respond, { text: helpText(ctx.slack.triggerReaction) });
      return;
    default:
      await ctx.replier.privately(call.respond, {
        text: `I do not know \`${truncate(visibleName(verb ?? ''), 40).replace(/[`<>&]/g, '')}\`.\n${helpText(ctx.slack.triggerReaction)}`,
      });
  }
}
