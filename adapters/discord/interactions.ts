import { MessageFlags, type Interaction, type RepliableInteraction } from 'discord.js';
import { autoscanPlan } from './autoscan-command.js';
import { checkCommandPlan, contextMenuPlan } from './check-command.js';
import { COMMAND, CONTEXT_MENU, SUB } from './commands.js';
import type { DiscordContext } from './context.js';
import { helpAnswer, statusAnswer } from './info-command.js';
import type { Answer, Plan } from './plan.js';
import { renderProblem } from './render.js';
import { NO_PINGS, deliver, problemText } from './reply.js';

function planFor(ctx: DiscordContext, interaction: Interaction): Plan | undefined {
  if (interaction.isMessageContextMenuCommand() && interaction.commandName === CONTEXT_MENU)
    return contextMenuPlan(ctx, interaction);
  if (!interaction.isChatInputCommand() || interaction.commandName !== COMMAND) return undefined;
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(false) ?? '';
  if (group === SUB.autoscan) return autoscanPlan(ctx, interaction, sub);
  switch (sub) {
    case SUB.check:
      return checkCommandPlan(ctx, interaction);
    case SUB.help:
      return { ephemeral: true, run: () => helpAnswer(ctx, interaction) };
    case SUB.status:
      return { ephemeral: true, run: () => statusAnswer(ctx, interaction) };
    default:
      return undefined;
  }
}

/**
 * interactionCreate: every command is deferred at once (Discord allows 3 s for the first answer),
 * then the deferred response is edited with the result, so each gets exactly one answer: the
 * result, or an error in plain words when anything threw.
 */
export async function onInteraction(ctx: DiscordContext, interaction: Interaction): Promise<void> {
  const plan = planFor(ctx, interaction);
  if (!plan || !interaction.isRepliable()) return;
  if (!(await defer(ctx, interaction, plan.ephemeral))) return;
  let answer: Answer;
  try {
    answer = await plan.run();
  } catch (err) {
    answer = renderProblem(problemText(ctx, err, 'command'));
  }
  await deliver(ctx, 'interaction answer', () =>
    interaction.editReply({
      content: answer.content ?? '',
      embeds: answer.embeds ?? [],
      allowedMentions: NO_PINGS,
    }),
  );
}

async function defer(
  ctx: DiscordContext,
  interaction: RepliableInteraction,
  ephemeral: boolean,
): Promise<boolean> {
  try {
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    return true;
  } catch (err) {
    // Past Discord's 3 s, or acknowledged elsewhere: the interaction can no longer be answered.
    ctx.metrics.replies.inc({ platform: 'discord', result: 'failed' });
    ctx.logger.warn({ err }, 'Discord interaction could not be acknowledged');
    return false;
  }
}
