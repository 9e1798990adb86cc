import { urlMediaRef } from '../../../src/media/index.js';
import type { MediaSpec } from '../../../src/pipeline/trigger.js';
import type { SlackContext } from '../context.js';
import { fileSpec, messageSpecs, slackFileIdOf, slackMessageLinkOf, unavailableSpec } from '../files.js';
import { fetchMessage } from '../lookup.js';
import { t, type Locale, type MessageKey } from '../../../src/i18n/i18n.js';
import { SURFACE } from '../messages.js';
import { isVisibleAt } from '../visibility.js';
import { SlackApiError } from '../web.js';

/** A slash command as parsed: plain strings only. */
export interface CommandCall {
  readonly teamId: string;
  readonly channelId: string;
  readonly userId: string;
  /** Signed: anyone holding it may post here. Never logged. */
  readonly responseUrl: string;
  readonly keys: readonly string[];
  /** The asker's language (users.info), in which every answer to the command is said. */
  readonly locale: Locale;
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
async function refuse(ctx: SlackContext, call: CommandCall, key: MessageKey): Promise<void> {
  if (await ctx.deps.pipeline.isFirstDelivery('slack', call.keys))
    await ctx.at(call.teamId).delivery.privately(call.responseUrl, { text: t(call.locale, key, SURFACE) });
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
    locale: call.locale,
    media,
    deliveryKeys: call.keys,
    replyVia: { responseUrl: call.responseUrl },
  });
}

/**
 * `/bitmind check <link>`: a Slack file link is a Slack file (described by files.info now, so the
 * reply can name it; downloaded with the bot token later), a Slack message link is that message's
 * files; any other link is opened by the core through the guarded fetcher. The answer goes where the
 * command was typed, so a Slack reference is honoured only when what it points at can already be
 * seen there: the bot's token must not carry a file out of a conversation the audience cannot read.
 */
export async function checkLink(ctx: SlackContext, call: CommandCall, raw: string): Promise<void> {
  const link = unwrapLink(raw);
  if (!isHttpUrl(link)) {
    await refuse(ctx, call, 'slack.notALink');
    return;
  }
  const fileId = slackFileIdOf(link);
  if (fileId !== undefined) {
    await checkFileLink(ctx, call, fileId);
    return;
  }
  const message = slackMessageLinkOf(link);
  if (message !== undefined) {
    await checkMessageLink(ctx, call, message);
    return;
  }
  accept(ctx, call, [{ source: 'link', url: link, name: urlMediaRef(link, ctx.deps.fetcher).name }]);
}

async function checkFileLink(ctx: SlackContext, call: CommandCall, fileId: string): Promise<void> {
  let spec: MediaSpec;
  try {
    const file = await ctx.at(call.teamId).web.fileInfo(fileId);
    if (!isVisibleAt(file, { teamId: call.teamId, channelId: call.channelId })) {
      // Neither the name nor the verdict: the asker may not be able to see this file at all.
      ctx.logger.info({ fileId, channel: call.channelId }, 'refused a file not shared where the answer goes');
      await refuse(ctx, call, 'slack.onlyFilesSharedHere');
      return;
    }
    spec = fileSpec(file);
  } catch (err) {
    if (!(err instanceof SlackApiError)) throw err;
    // Answered as that file's error in the reply, not as silence; the id is the asker's own link.
    spec = unavailableSpec(fileId, err.slackError);
  }
  accept(ctx, call, [spec]);
}

/** A message permalink: its files, answered in its thread, only from the message's own channel. */
async function checkMessageLink(
  ctx: SlackContext,
  call: CommandCall,
  link: { channel: string; ts: string },
): Promise<void> {
  if (link.channel !== call.channelId) {
    await refuse(ctx, call, 'slack.onlyMessagesFromHere');
    return;
  }
  let message;
  try {
    message = await fetchMessage(ctx.at(call.teamId).web, link.channel, link.ts);
  } catch (err) {
    if (!(err instanceof SlackApiError)) throw err;
    ctx.logger.info({ slackError: err.slackError }, 'could not read a linked message');
    await refuse(ctx, call, 'slack.cannotReadChannel');
    return;
  }
  const media = message ? messageSpecs(message) : [];
  if (!message || media.length === 0) {
    await refuse(ctx, call, 'slack.noMediaInMessage');
    return;
  }
  accept(ctx, call, media, { message: message.ts, thread: message.thread_ts ?? message.ts });
}

/** `/bitmind check` alone: the latest message with media among the last 20, answered in its thread. */
export async function checkLatest(ctx: SlackContext, call: CommandCall): Promise<void> {
  let messages;
  try {
    messages = await ctx.at(call.teamId).web.history(call.channelId, { limit: 20 });
  } catch (err) {
    if (!(err instanceof SlackApiError)) throw err;
    ctx.logger.info({ slackError: err.slackError }, 'could not read the channel history');
    await refuse(ctx, call, 'slack.cannotReadChannel');
    return;
  }
  const message = messages.find((m) => messageSpecs(m).length > 0);
  if (!message) {
    await refuse(ctx, call, 'slack.noRecentMedia');
    return;
  }
  accept(ctx, call, messageSpecs(message), { message: message.ts, thread: message.thread_ts ?? message.ts });
}
