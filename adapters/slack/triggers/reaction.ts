import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { eventCallbackSchema, issuesOf, reactionAddedSchema } from '../schemas.js';
import { baseReaction, deliveryKeys } from './keys.js';

/**
 * A reaction on a message becomes a `reaction` trigger naming the message; the pipeline decides
 * whether it is the trigger reaction here, applies the once-per-message rule, and asks
 * `messageMedia` what the message holds. Reactions on files are not triggers.
 */
export function registerReaction(app: App, ctx: SlackContext): void {
  app.event('reaction_added', ({ body, context }) => {
    const envelope = eventCallbackSchema.safeParse(body);
    const parsed = reactionAddedSchema.safeParse(envelope.success ? envelope.data.event : undefined);
    if (!envelope.success || !parsed.success) {
      const error = envelope.success ? parsed.error : envelope.error;
      ctx.logger.warn({ issues: error ? issuesOf(error) : [] }, 'Slack reaction event not readable; ignored');
      return Promise.resolve();
    }
    const { user, reaction, item } = parsed.data;
    if (item.type !== 'message' || item.channel === undefined || item.ts === undefined)
      return Promise.resolve();
    ctx.deps.pipeline.accept({
      kind: 'reaction',
      place: { platform: 'slack', workspace: envelope.data.team_id, channel: item.channel, message: item.ts },
      user,
      reaction: [baseReaction(reaction)],
      deliveryKeys: deliveryKeys({ eventId: envelope.data.event_id }, context),
    });
    return Promise.resolve();
  });
}
