import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { messageSpecs, unfurlSpecs } from '../files.js';
import type { MediaSpec } from '../../../src/pipeline/trigger.js';
import {
  eventCallbackSchema,
  issuesOf,
  messageChangedSchema,
  messageEventSchema,
  type SlackMessage,
} from '../schemas.js';
import { deliveryKeys } from './keys.js';

/**
 * Auto-scan: a person's message with image or video files, or with link previews showing one,
 * becomes an `autoscan` trigger; the pipeline decides whether the channel scans, which media
 * BitMind reads, and how to answer. Bots' messages (ours included) are not triggers, nor are edits,
 * but for the one Slack makes to add a link's unfurl after the message was posted. The
 * `file_shared` event that accompanies every share is acknowledged and dropped, since the message
 * event carries the same files.
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
    const keys = deliveryKeys({ eventId: envelope.data.event_id }, context);
    const team = envelope.data.team_id;
    const event = parsed.data;
    if (event.subtype === 'message_changed') {
      const edit = messageChangedSchema.safeParse(envelope.data.event);
      if (!edit.success) {
        ctx.logger.warn({ issues: issuesOf(edit.error) }, 'Slack message edit not readable; ignored');
        return Promise.resolve();
      }
      const { message, previous_message: previous } = edit.data;
      // Only unfurls added to a message without files: one with files was taken when it was posted.
      if (message.files?.length || (previous && unfurlSpecs(previous).length > 0)) return Promise.resolve();
      scan(ctx, team, event.channel, message, unfurlSpecs(message), keys);
      return Promise.resolve();
    }
    if (event.subtype !== undefined && event.subtype !== 'file_share') return Promise.resolve();
    scan(ctx, team, event.channel, event, messageSpecs(event), keys);
    return Promise.resolve();
  });

  app.event('file_shared', () => {
    ctx.logger.debug('file_shared acknowledged and ignored: the message event carries the file');
    return Promise.resolve();
  });
}

/**
 * Hands a person's message with media to the pipeline. Beside the event's own ids, the message
 * names the delivery: the message event and the edit that adds its unfurls are one scan.
 */
function scan(
  ctx: SlackContext,
  team: string,
  channel: string,
  message: SlackMessage,
  media: MediaSpec[],
  keys: string[],
): void {
  if (message.bot_id || media.length === 0) return;
  ctx.deps.pipeline.accept({
    kind: 'autoscan',
    place: {
      platform: 'slack',
      workspace: team,
      channel,
      message: message.ts,
      thread: message.thread_ts ?? message.ts,
    },
    user: message.user ?? 'unknown',
    media,
    deliveryKeys: [...keys, `message:${channel}:${message.ts}`],
  });
}
