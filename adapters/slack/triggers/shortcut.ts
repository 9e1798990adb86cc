import type { App } from '@slack/bolt';
import { UNREAD_WORKSPACE, type SlackContext } from '../context.js';
import { messageSpecs } from '../files.js';
import { t } from '../../../src/i18n/i18n.js';
import { CANNOT_READ_SHORTCUT } from '../messages.js';
import { issuesOf, messageShortcutSchema, responseUrlOnlySchema } from '../schemas.js';
import { SHORTCUT_CALLBACK_ID } from '../surface.js';
import { deliveryKeys } from './keys.js';

/** "Check with BitMind" on any message: acknowledged at once, answered in the message's thread. */
export function registerShortcut(app: App, ctx: SlackContext): void {
  app.shortcut(
    { callback_id: SHORTCUT_CALLBACK_ID, type: 'message_action' },
    async ({ ack, body, context }) => {
      await ack();
      const parsed = messageShortcutSchema.safeParse(body);
      if (!parsed.success) {
        ctx.logger.warn({ issues: issuesOf(parsed.error) }, 'Slack shortcut payload not readable');
        const url = responseUrlOnlySchema.safeParse(body);
        if (url.success)
          ctx.deps.tasks.run('shortcut refusal', () =>
            ctx
              .at(UNREAD_WORKSPACE)
              .delivery.privately(url.data.response_url, { text: CANNOT_READ_SHORTCUT }),
          );
        return;
      }
      const shortcut = parsed.data;
      const workspace = shortcut.team?.id ?? UNREAD_WORKSPACE;
      const keys = deliveryKeys({ triggerId: shortcut.trigger_id }, context);
      const media = messageSpecs(shortcut.message);
      if (media.length === 0) {
        ctx.deps.tasks.run('shortcut refusal', async () => {
          if (!(await ctx.deps.pipeline.isFirstDelivery('slack', keys))) return;
          const { pipeline } = ctx.deps;
          const locale = await pipeline.askerLocale('slack', workspace, shortcut.user.id);
          await ctx
            .at(workspace)
            .delivery.privately(shortcut.response_url, { text: t(locale, 'slack.noMediaInMessage') });
        });
        return;
      }
      const { message } = shortcut;
      ctx.deps.pipeline.accept({
        kind: 'shortcut',
        place: {
          platform: 'slack',
          workspace,
          channel: shortcut.channel.id,
          message: message.ts,
          thread: message.thread_ts ?? message.ts,
        },
        user: shortcut.user.id,
        media,
        deliveryKeys: keys,
        replyVia: { responseUrl: shortcut.response_url },
      });
    },
  );
}
