import type { ModlogOutcome, ModlogPost } from '../../src/pipeline/modlog.js';
import { modlogLines } from '../../src/pipeline/modlog-lines.js';
import type { ResultPress } from '../../src/pipeline/result-actions.js';
import type { SlackContext, SlackWorkspace } from './context.js';
import { CANNOT_POST, pressedUrl } from './deliver.js';
import { fetchMessage } from './lookup.js';
import { safeText } from './render.js';
import { SlackApiError, type OutgoingMessage } from './web.js';

const mention = (user: string) => `<@${user}>`;

/** A mod-log post in Block Kit: the title, the labelled lines, and a link to the original message. */
export function renderModlog(
  post: ModlogPost,
  poster: string | undefined,
  link: string | undefined,
): OutgoingMessage {
  const { title, verdict, lines, original, noLink } = modlogLines(post, poster, mention);
  const body = [
    `*${verdict[0]}:* ${safeText(verdict[1], 300)}`,
    ...lines.map(([label, value]) => `*${label}:* ${value}`),
    `*${original}:* ${link ? `<${link}|${original}>` : noLink}`,
  ];
  const emoji = post.kind === 'feedback' ? ':speech_balloon:' : ':warning:';
  return {
    text: `${title}: ${safeText(post.summary, 200)}`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `${emoji} *${title}*\n${body.join('\n')}` } }],
  };
}

/**
 * The Slack side of the moderation tools: mod-log posts (with who posted the media and a
 * permalink, looked up here), private words, answers to button presses, and deleting a result.
 */
export function createModeration(
  ctx: Pick<SlackWorkspace, 'web' | 'delivery'> & Pick<SlackContext, 'logger'>,
) {
  const { web } = ctx;

  async function posterOf(post: ModlogPost): Promise<string | undefined> {
    const { source } = post;
    if (post.poster !== undefined) return post.poster;
    // A command's link or upload was the asker's; a message someone reacted to is its author's.
    if (source.message === undefined) return post.asker;
    return (await fetchMessage(web, source.channel, source.message).catch(() => undefined))?.user;
  }

  async function linkOf(post: ModlogPost): Promise<string | undefined> {
    const { source } = post;
    if (source.message === undefined) return undefined;
    try {
      return await web.permalink(source.channel, source.message);
    } catch (err) {
      ctx.logger.info({ err }, 'no permalink for a mod-log post');
      return undefined;
    }
  }

  return {
    async postModlog(post: ModlogPost): Promise<ModlogOutcome> {
      const [poster, link] = await Promise.all([posterOf(post), linkOf(post)]);
      try {
        await web.postMessage(post.channel, renderModlog(post, poster, link));
        return 'posted';
      } catch (err) {
        if (err instanceof SlackApiError && CANNOT_POST.includes(err.slackError)) return 'refused';
        throw err;
      }
    },

    /** A direct message: posting to a user id opens the app's conversation with them. */
    async tell(user: string, text: string): Promise<void> {
      await web.postMessage(user, { text });
    },

    async answerPress(press: ResultPress, text: string): Promise<void> {
      const url = press.replyVia.responseUrl;
      if (url) await ctx.delivery.answerPress(url, text);
      else await web.postEphemeral(press.place.channel, press.user, { text });
    },

    async removeResult(press: ResultPress): Promise<void> {
      // A result posted through a response URL is deleted through the press's own (see result-buttons.ts).
      const url = pressedUrl(press.result);
      if (url) {
        await ctx.delivery.deletePressed(url);
        return;
      }
      const ts = press.place.message;
      if (ts === undefined) throw new Error('a button press names no message');
      await web.delete(press.place.channel, ts);
    },
  };
}
