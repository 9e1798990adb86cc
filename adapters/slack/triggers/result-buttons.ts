import type { App } from '@slack/bolt';
import { DEFAULT_LOCALE, t } from '../../../src/i18n/i18n.js';
import { ACTION_PREFIX, parseActionId } from '../../../src/pipeline/result-actions.js';
import { UNREAD_WORKSPACE, type SlackContext } from '../context.js';
import { mayManageAutoscan } from '../permissions.js';
import { pressedHandle } from '../deliver.js';
import { RESULT_BLOCK } from '../render.js';
import { blockActionsSchema, issuesOf, responseUrlOnlySchema } from '../schemas.js';
import { deliveryKeys } from './keys.js';

const OUR_BUTTONS = new RegExp(`^${ACTION_PREFIX}`);

/**
 * The buttons on a result (Recheck, Wrong result?, Delete): acknowledged at once, validated, and
 * handed to the pipeline as a plain `ResultPress`. What the press means is the core's to decide;
 * the adapter adds only what Slack alone can say: whether the presser is a moderator here
 * (asked only for a Delete, the one action that needs it).
 */
export function registerResultButtons(app: App, ctx: SlackContext): void {
  app.action(OUR_BUTTONS, async ({ ack, body, context }) => {
    await ack();
    const parsed = blockActionsSchema.safeParse(body);
    if (!parsed.success) {
      ctx.logger.warn({ issues: issuesOf(parsed.error) }, 'Slack button payload not readable');
      const url = responseUrlOnlySchema.safeParse(body);
      if (url.success)
        ctx.deps.tasks.run('button refusal', () =>
          ctx.at(UNREAD_WORKSPACE).delivery.privately(url.data.response_url, {
            // A payload that could not be read names nobody whose language could be asked.
            text: t(DEFAULT_LOCALE, 'moderation.press.unreadable'),
          }),
        );
      return;
    }
    const press = parsed.data;
    const { action_id: id, block_id: block } = press.actions[0]!;
    const { channel_id: channel, message_ts: ts, is_ephemeral: ephemeral = false } = press.container;
    // A result posted through a response URL (or seen by its asker alone) is acted on through this
    // press's response URL: chat.update and chat.delete cannot reach it.
    const viaUrl = ephemeral || block === RESULT_BLOCK.viaUrl;
    const workspace = press.team?.id ?? press.user.team_id ?? UNREAD_WORKSPACE;
    ctx.deps.tasks.run('button', async () => {
      const moderator =
        parseActionId(id)?.action === 'delete'
          ? await mayManageAutoscan(ctx, workspace, press.user.id)
          : false;
      ctx.deps.pipeline.press({
        id,
        place: {
          platform: 'slack',
          workspace,
          channel,
          message: ts,
        },
        user: press.user.id,
        moderator,
        deliveryKeys: deliveryKeys({ triggerId: press.trigger_id }, context),
        result: viaUrl ? pressedHandle(press.response_url, ephemeral) : { kind: 'message', channel, ts },
        replyVia: { responseUrl: press.response_url },
      });
    });
  });
}
