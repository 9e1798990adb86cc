import { DiscordAPIError, type APIEmbed } from 'discord.js';
import type { ModlogOutcome, ModlogPost } from '../../src/pipeline/modlog.js';
import { bandWords, modlogLines } from '../../src/pipeline/modlog-lines.js';
import type { ResultPress } from '../../src/pipeline/result-actions.js';
import { describeBand, BAND_THRESHOLDS } from '../../src/check/wording.js';
import type { DiscordContext } from './context.js';
import { EMBED_LIMITS, plain } from './render.js';
import { deleteOriginal, dmChannel, fetchMessage, followUpPrivately, isGone, postTo } from './rest.js';

const mention = (user: string) => `<@${user}>`;

/** Discord's refusals to let the bot post in a channel: missing access or permissions, unknown channel. */
const CANNOT_POST_CODES: readonly number[] = [10003, 50001, 50013];

/** https://discord.com/channels/<guild>/<channel>/<message>: opens the message for anyone who may see it. */
export function messageLink(guild: string, channel: string, message: string): string {
  return `https://discord.com/channels/${guild}/${channel}/${message}`;
}

/** A mod-log post as an embed, coloured by the band: the labelled lines and a link to the original message. */
export function renderModlog(post: ModlogPost, poster: string | undefined): APIEmbed {
  const { title, verdict, lines, original, noLink } = modlogLines(post, poster, mention);
  const { source } = post;
  const link = source.message && messageLink(source.workspace, source.channel, source.message);
  const fields = [
    { name: verdict[0], value: plain(verdict[1], EMBED_LIMITS.fieldValue), inline: false },
    ...lines.map(([name, value]) => ({ name, value, inline: true })),
    { name: original, value: link ? `[${original}](${link})` : noLink, inline: false },
  ];
  const confidence =
    post.band === 'strong' ? BAND_THRESHOLDS.strong : post.band === 'some' ? BAND_THRESHOLDS.some : 0;
  return {
    title: `${post.kind === 'feedback' ? '💬' : '⚠️'} ${title}`,
    description: bandWords(post),
    color: describeBand(confidence).colour,
    fields,
  };
}

/**
 * The Discord side of the moderation tools: mod-log posts, direct messages, answers to a button's
 * presser (a private follow-up to the press, which the adapter acknowledged), and deleting the
 * message a button is on, all through the press's own token (a result may be older than the
 * 15 minutes its first interaction's token lives).
 */
export function createModeration(ctx: Pick<DiscordContext, 'rest' | 'logger'>) {
  const { rest } = ctx;

  async function posterOf(post: ModlogPost): Promise<string | undefined> {
    const { source } = post;
    if (post.poster !== undefined) return post.poster;
    if (source.message === undefined) return post.asker;
    const message = await fetchMessage(rest, source.channel, source.message).catch(() => undefined);
    return message?.author.id;
  }

  const pressToken = (press: ResultPress) => {
    const { applicationId, token } = press.replyVia;
    if (!applicationId || !token) throw new Error('a Discord button press without its interaction token');
    return { applicationId, token };
  };

  return {
    async postModlog(post: ModlogPost): Promise<ModlogOutcome> {
      const embed = renderModlog(post, await posterOf(post));
      try {
        await postTo(rest, post.channel, { embeds: [embed] });
        return 'posted';
      } catch (err) {
        if (err instanceof DiscordAPIError && (CANNOT_POST_CODES.includes(Number(err.code)) || isGone(err)))
          return 'refused';
        throw err;
      }
    },

    async tell(user: string, text: string): Promise<void> {
      await postTo(rest, await dmChannel(rest, user), { content: text });
    },

    async answerPress(press: ResultPress, text: string): Promise<void> {
      const { applicationId, token } = pressToken(press);
      await followUpPrivately(rest, applicationId, token, text);
    },

    async removeResult(press: ResultPress): Promise<void> {
      const { applicationId, token } = pressToken(press);
      await deleteOriginal(rest, applicationId, token);
    },
  };
}
