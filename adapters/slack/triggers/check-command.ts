import { urlMediaRef } from '../../../src/media/index.js';
import type { MediaSpec } from '../../../src/pipeline/trigger.js';
import type { SlackContext } from '../context.js';
import { fileSpec, messageSpecs, slackFileIdOf, unavailableSpec } from '../files.js';
import { CANNOT_READ_CHANNEL, NOT_A_LINK, NO_RECENT_MEDIA } from '../messages.js';
import { SlackApiError } from '../web.js';

/** A slash command as parsed: plain strings only. */
export interface CommandCall {
  readonly teamId: string;
  readonly channelId: string;
  readonly userId: string;
  /** Signed: anyone holding it may post here. Never logged. */
  readonly responseUrl: string;
  readonly keys: readonly string[];
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

/** Answers privately, once per delivery (a retried command hears it once). */
async function refuse(ctx: SlackContext, call: CommandCall, text: string): Promise<void> {
  if (await ctx.deps.pipeline.isFirstDelivery('slack', call.keys))
    await ctx.delivery.privately(call.responseUrl, { text });
}

function accept(
  ctx: SlackContext,
  call: CommandCall,
  media: MediaSpec[],
  where: { message?: string; thread?: string } = {},
): void {
  ctx.deps.pipeline.accept({
    kind: 'command',
    place: { platform: 'slack', workspace: call.teamId, channel: call.channelId, ...where },
    user: call.userId,
    media,
    deliveryKeys: call.keys,
    replyVia: { responseUrl: call.responseUrl },
  });
}

/**
 * `/bitmind check <link>`: a Slack file link is a Slack file (described by files.info now, so the
 * reply can name it; downloaded with the bot token later); any other link is opened by the core
 * through the guarded fetcher. The answer goes where the command was typed.
 */
export async function checkLink(ctx: SlackContext, call: CommandCall, raw: string): Promise<void> {
  const link = unwrapLink(raw);
  if (!isHttpUrl(link)) {
    await refuse(ctx, call, NOT_A_LINK);
    return;
  }
  const fileId = slackFileIdOf(link);
  if (fileId === undefined) {
    accept(ctx, call, [{ source: 'link', url: link, name: urlMediaRef(link, ctx.deps.fetcher).name }]);
    return;
  }
  let spec: MediaSpec;
  try {
    spec = fileSpec(await ctx.web.fileInfo(fileId));
  } catch (err) {
    if (!(err instanceof SlackApiError)) throw err;
    // Answered as that file's error in the reply, not as silence.
    spec = unavailableSpec(fileId, err.slackError);
  }
  accept(ctx, call, [spec]);
}

/** `/bitmind check` alone: the latest message with media among the last 20, answered in its thread. */
export async function checkLatest(ctx: SlackContext, call: CommandCall): Promise<void> {
  let messages;
  try {
    messages = await ctx.web.history(call.channelId, { limit: 20 });
  } catch (err) {
    if (!(err instanceof SlackApiError)) throw err;
    ctx.logger.info({ slackError: err.slackError }, 'could not read the channel history');
    await refuse(ctx, call, CANNOT_READ_CHANNEL);
    return;
  }
  const message = messages.find((m) => messageSpecs(m).length > 0);
  if (!message) {
    await refuse(ctx, call, NO_RECENT_MEDIA);
    return;
  }
  accept(ctx, call, messageSpecs(message), { message: message.ts, thread: message.thread_ts ?? message.ts });
}
