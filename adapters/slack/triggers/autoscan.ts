import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { mediaFiles, refsForFiles } from '../files.js';
import { messageEventSchema } from '../schemas.js';

/**
 * Auto-scan: a message with files in a channel where it is on. Bots' messages (ours included) and
 * edits are ignored; the `file_shared` event that accompanies every share is acknowledged and
 * dropped, since the message event carries the same files and checking both would reply twice.
 */
export function registerAutoscan(app: App, ctx: SlackContext): void {
  app.event('message', async ({ event, body }) => {
    const parsed = messageEventSchema.safeParse(event);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.bot_id !== undefined || (message.subtype !== undefined && message.subtype !== 'file_share'))
      return;
    // While the bot drains for a restart auto-scan takes nothing new: nobody asked, so nobody waits.
    if (!ctx.tasks.accepting) return;
    const files = mediaFiles(message, 'autoscan');
    if (files.length === 0) return;
    const settings = await ctx.settings.get('slack', message.channel);
    if (!settings.autoscan) return;

    ctx.tasks.run('autoscan', () =>
      ctx.runner.autoscan(
        {
          trigger: 'autoscan',
          teamId: body.team_id,
          userId: message.user ?? 'unknown',
          channelId: message.channel,
          target: { channel: message.channel, threadTs: message.thread_ts ?? message.ts },
          count: files.length,
          media: () => refsForFiles(files, ctx.files),
        },
        settings.replyMode,
        message.ts,
      ),
    );
  });

  app.event('file_shared', () => {
    ctx.logger.debug('file_shared acknowledged and ignored: the message event carries the file');
    return Promise.resolve();
  });
}
