import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { messageSpecs } from '../files.js';
import { eventCallbackSchema, issuesOf, messageEventSchema } from '../schemas.js';
import { deliveryKeys } from './keys.js';

/**
 * Auto-scan: a person's message with image or video files becomes an `autoscan` trigger; the
 * pipeline decides whether the channel scans, which files BitMind reads, and how to answer. Bots'
 * messages (ours included) and edits are not triggers; the `file_shared` event that accompanies
 * every share is acknowledged and dropped, since the message event carries the same files.
 */
export function registerAutoscan(app: App, ctx: SlackContext): void {
  app.event('message', ({ body, context }) => {
    const envelope = eventCallbackSchema.safeParse(body);
    const parsed = messageEventSchema.safeParse(envelope.success ? envelope.data.event : undefined);
    if (!envelope.success || !parsed.success) {
      const error = envelope.success ? parsed.error : envelope.error;
      ctx.logger.warn({ issues: error ? issuesOf(error) : [] }, 'Slack message event not readable; ignored');
      return Promise.resolve();
    }
    const message = parsed.data;
    if (message.bot_id || (message.subtype !== undefined && message.subtype !== 'file_share'))
      return Promise.resolve();
    const media = messageSpecs(message);
    if (media.length === 0) return Promise.resolve();
    ctx.deps.pipeline.accept({
      kind: 'autoscan',
      place: {
        platform: 'slack',
        workspace: envelope.data.team_id,
        channel: message.channel,
        message: message.ts,
        thread: message.thread_ts ?? message.ts,
      },
      user: message.user ?? 'unknown',
      media,
      deliveryKeys: deliveryKeys({ eventId: envelope.data.event_id }, context),
    });
    return Promise.resolve();
  });

  app.event('file_shared', () => {
    ctx.logger.debug('file_shared acknowledged and ignored: the message event carries the file');
    return Promise.resolve();
  });
}
