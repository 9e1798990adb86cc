import type { RespondFn } from '@slack/bolt';
import type { MediaRef } from '../../../src/domain/types.js';
import { urlMediaRef } from '../../../src/media/index.js';
import type { SlackContext } from '../context.js';
import { mediaFiles, refsForFiles, slackFileIdOf } from '../files.js';
import { CANNOT_READ_CHANNEL, NOT_A_LINK, NO_RECENT_MEDIA } from '../messages.js';
import { SlackApiError } from '../web.js';

export interface CommandCall {
  readonly teamId: string;
  readonly channelId: string;
  readonly userId: string;
  readonly respond: RespondFn;
}

/** Slack may wrap a pasted link as <https://…> or <https://…|label>. */
function unwrapLink(text: string): string {
  const wrapped = /^<([^|>]+)(?:\|[^>]*)?>$/.exec(text);
  return wrapped?.[1] ?? text;
}

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

/**
 * `/bitmind check <link>`: a Slack file link is downloaded as a Slack file (files.info, bot token);
 * any other link through the guarded fetcher. The answer goes where the command was typed.
 */
export async function checkLink(ctx: SlackContext, call: CommandCall, raw: string): Promise<void> {
  const link = unwrapLink(raw);
  if (!isHttpUrl(link)) {
    await ctx.replier.privately(call.respond, { text: NOT_A_LINK });
    return;
  }
  const fileId = slackFileIdOf(link);
  const media = (): Promise<MediaRef[]> =>
    fileId ? refsForFiles([{ id: fileId }], ctx.files) : Promise.resolve([urlMediaRef(link, ctx.fetcher)]);
  await ctx.runner.interactive({
    trigger: 'command',
    teamId: call.teamId,
    userId: call.userId,
    channelId: call.channelId,
    target: { channel: call.channelId, respond: call.respond },
    count: 1,
    media,
    requestedBy: call.userId,
  });
}

/** `/bitmind check` alone: the latest message with media among the last 20, answered in its thread. */
export async function checkLatest(ctx: SlackContext, call: CommandCall): Promise<void> {
  let messages;
  try {
    messages = await ctx.web.history(call.channelId, { limit: 20 });
  } catch (err) {
    if (!(err instanceof SlackApiError)) throw err;
    ctx.logger.info({ slackError: err.slackError }, 'could not read the channel history');
    await ctx.replier.privately(call.respond, { text: CANNOT_READ_CHANNEL });
    return;
  }
  const message = messages.find((m) => mediaFiles(m, 'explicit').length > 0);
  if (!message) {
    await ctx.replier.privately(call.respond, { text: NO_RECENT_MEDIA });
    return;
  }
  const files = mediaFiles(message, 'explicit');
  await ctx.runner.interactive({
    trigger: 'command',
    teamId: call.teamId,
    userId: call.userId,
    channelId: call.channelId,
    target: { channel: call.channelId, threadTs: message.thread_ts ?? message.ts },
    count: files.length,
    media: () => refsForFiles(files, ctx.files),
    requestedBy: call.userId,
  });
}
