import type { ChatInputCommandInteraction, MessageContextMenuCommandInteraction } from 'discord.js';
import type { MediaRef, Trigger } from '../../src/domain/types.js';
import { urlMediaRef } from '../../src/media/index.js';
import { OPTION } from './commands.js';
import { checkRequest, mention, type DiscordContext } from './context.js';
import { attachmentRef, messageMediaRefs } from './media.js';
import { immediate, type Answer, type Plan } from './plan.js';
import { renderProblem, renderReport } from './render.js';

export const NOTHING_TO_CHECK =
  'Give me something to check: attach a file with the `media` option, or paste a link with `url`.';
export const NO_MEDIA_IN_MESSAGE = 'That message has no image or video attached.';

/** `/bitmind check media:<file> url:<link> private:<bool>`: public unless the asker wants it private. */
export function checkCommandPlan(ctx: DiscordContext, interaction: ChatInputCommandInteraction): Plan {
  const media = interaction.options.getAttachment(OPTION.media);
  const url = interaction.options.getString(OPTION.url)?.trim();
  if (!media && !url) return immediate(true, { content: NOTHING_TO_CHECK });
  const refs: MediaRef[] = [];
  // The option's URL was signed moments ago and there is no message to refresh it from.
  if (media) refs.push(attachmentRef(media, ctx.source));
  if (url) refs.push(urlMediaRef(url, ctx.fetcher));
  const ephemeral = interaction.options.getBoolean(OPTION.private) ?? false;
  return { ephemeral, run: () => check(ctx, 'command', interaction, refs) };
}

/** The "Check with BitMind" message command: checks the media of the message it was used on. */
export function contextMenuPlan(
  ctx: DiscordContext,
  interaction: MessageContextMenuCommandInteraction,
): Plan {
  // discord.js types it as always there, but a payload without the resolved message leaves it null.
  const target = interaction.targetMessage as typeof interaction.targetMessage | null;
  const refs = target ? messageMediaRefs(target, ctx.source) : [];
  if (refs.length === 0) return immediate(true, renderProblem(NO_MEDIA_IN_MESSAGE));
  return { ephemeral: false, run: () => check(ctx, 'shortcut', interaction, refs) };
}

async function check(
  ctx: DiscordContext,
  trigger: Trigger,
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  refs: MediaRef[],
): Promise<Answer> {
  const request = checkRequest(trigger, interaction.user.id, interaction.channelId, refs);
  const report = await ctx.checker.check(request);
  return renderReport(report, `Asked by ${mention(interaction.user.id)}`);
}
