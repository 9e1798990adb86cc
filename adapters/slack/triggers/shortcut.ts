import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { mediaFiles, refsForFiles } from '../files.js';
import { CANNOT_READ_SHORTCUT, NO_MEDIA_IN_MESSAGE } from '../messages.js';
import { messageShortcutSchema } from '../schemas.js';
import { SHORTCUT_CALLBACK_ID } from '../surface.js';

/** "Check with BitMind" on any message: acknowledged at once, answered in the message's thread. */
export function registerShortcut(app: App, ctx: SlackContext): void {
  app.shortcut(
    { callback_id: SHORTCUT_CALLBACK_ID, type: 'message_action' },
    async ({ ack, body, respond }) => {
      await ack();
      ctx.tasks.run('shortcut', async () => {
        const parsed = messageShortcutSchema.safeParse(body);
        if (!parsed.success) {
          ctx.logger.warn({ issues: parsed.error.issues }, 'unexpected shortcut payload');
          await ctx.replier.privately(respond, { text: CANNOT_READ_SHORTCUT });
          return;
        }
        const shortcut = parsed.data;
        const files = mediaFiles(shortcut.message, 'explicit');
        if (files.length === 0) {
          await ctx.replier.privately(respond, { text: NO_MEDIA_IN_MESSAGE });
          return;
        }
        const channel = shortcut.channel.id;
        await ctx.runner.interactive({
          trigger: 'shortcut',
          teamId: shortcut.team?.id ?? 'unknown',
          userId: shortcut.user.id,
          channelId: channel,
          target: { channel, threadTs: shortcut.message.thread_ts ?? shortcut.message.ts },
          count: files.length,
          media: () => refsForFiles(files, ctx.files),
          requestedBy: shortcut.user.id,
        });
      });
    },
  );
}
