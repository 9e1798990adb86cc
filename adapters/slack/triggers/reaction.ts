import type { App } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { CheckReport } from '../../../src/domain/types.js';
import type { SlackContext } from '../context.js';
import { mediaFiles, refsForFiles } from '../files.js';
import { reactionAddedSchema, type SlackMessage } from '../schemas.js';
import { SlackApiError } from '../web.js';

/** What the bot remembers of a message checked by reaction, for an hour. */
interface Checked {
  threadTs: string | undefined;
  report: CheckReport | undefined;
  repeated: boolean;
}

/** "mag::skin-tone-2" asks the same as "mag". */
function baseName(reaction: string): string {
  return reaction.split('::')[0] ?? reaction;
}

/** The message a reaction points at: in the channel's history, or else inside a thread. */
async function fetchMessage(
  ctx: SlackContext,
  channel: string,
  ts: string,
): Promise<SlackMessage | undefined> {
  const [top] = await ctx.web.history(channel, { latest: ts, inclusive: true, limit: 1 });
  if (top?.ts === ts) return top;
  // A reply: Slack puts the thread's parent first, so ask for two and pick the one reacted to.
  try {
    const thread = await ctx.web.replies(channel, ts, { oldest: ts, latest: ts, inclusive: true, limit: 2 });
    return thread.find((m) => m.ts === ts);
  } catch (err) {
    // Deleted since the reaction, or never there: nothing to check, and nothing wrong with the bot.
    if (err instanceof SlackApiError && err.slackError === 'thread_not_found') return undefined;
    throw err;
  }
}

/**
 * The trigger reaction on a message with media, in any channel the bot is in. A message is checked
 * once; reacting again within the hour posts the verdict already given, once, so a crowd adding the
 * same emoji does not fill the thread.
 */
export function registerReaction(app: App, ctx: SlackContext): void {
  const checked = new LRUCache<string, Checked>({ max: 5000, ttl: 3_600_000 });

  app.event('reaction_added', async ({ event, body }) => {
    const parsed = reactionAddedSchema.safeParse(event);
    if (!parsed.success || parsed.data.item.type !== 'message') return;
    const { user, reaction, item } = parsed.data;
    const channel = item.channel;
    const ts = item.ts;
    if (channel === undefined || ts === undefined) return;
    const settings = await ctx.settings.get('slack', channel);
    if (baseName(reaction) !== (settings.triggerReaction ?? ctx.slack.triggerReaction)) return;

    // From here to `checked.set` nothing awaits, so two reactions at once cannot both start a check.
    const key = `${channel}:${ts}`;
    const earlier = checked.get(key);
    if (earlier) {
      const { report, threadTs } = earlier;
      if (report && threadTs && !earlier.repeated) {
        earlier.repeated = true;
        ctx.tasks.run('reaction repeat', () => ctx.runner.repeat({ channel, threadTs }, report, user));
      }
      return;
    }
    const entry: Checked = { threadTs: undefined, report: undefined, repeated: false };
    checked.set(key, entry);

    ctx.tasks.run('reaction', async () => {
      const message = await fetchMessage(ctx, channel, ts);
      const files = message ? mediaFiles(message, 'explicit') : [];
      if (!message || files.length === 0) {
        checked.delete(key);
        return;
      }
      const threadTs = message.thread_ts ?? message.ts;
      entry.threadTs = threadTs;
      entry.report = await ctx.runner.interactive({
        trigger: 'reaction',
        teamId: body.team_id,
        userId: user,
        channelId: channel,
        target: { channel, threadTs },
        count: files.length,
        media: () => refsForFiles(files, ctx.files),
        requestedBy: user,
      });
    });
  });
}
