import { z } from 'zod';
import { logUnreadable, type DiscordContext } from './context.js';
import { snowflake } from './payloads.js';

/** GUILD_DELETE: `unavailable: true` is an outage (the guild comes back); without it, the bot left. */
const guildDeleteSchema = z.object({
  id: snowflake,
  unavailable: z.boolean().nullish(),
});

/**
 * The bot was removed from a guild (kicked, banned, or the guild was deleted): its settings,
 * budgets, reaction marks and recent checks go with it. An outage keeps everything, since the
 * guild comes back as it was.
 */
export async function onGuildDelete(ctx: DiscordContext, d: unknown): Promise<void> {
  const parsed = guildDeleteSchema.safeParse(d);
  if (!parsed.success) {
    logUnreadable(ctx, 'GUILD_DELETE', parsed.error);
    return;
  }
  const guild = parsed.data;
  if (guild.unavailable === true) {
    ctx.logger.info({ guildId: guild.id }, 'Discord guild unavailable (outage); its settings are kept');
    return;
  }
  await ctx.pipeline.forget({ platform: 'discord', workspace: guild.id });
}
