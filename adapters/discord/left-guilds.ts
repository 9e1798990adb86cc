import { ShardClientUtil } from 'discord.js';
import { z } from 'zod';
import { logUnreadable, type DiscordContext } from './context.js';
import { snowflake } from './payloads.js';
import { MAX_SHARDS } from './shards.js';

/** Discord puts at most 2,500 guilds on a shard: a longer list is none Discord sent. */
const MAX_GUILDS_PER_SHARD = 2500;

/**
 * What READY says of the session's guilds: every guild of its shard the bot is in (as unavailable
 * guilds, whose GUILD_CREATEs follow), and the shard it identified as, `[id, count]`.
 */
const readySchema = z.object({
  guilds: z.array(z.object({ id: snowflake })).max(MAX_GUILDS_PER_SHARD),
  shard: z.tuple([z.number().int().min(0), z.number().int().min(1).max(MAX_SHARDS)]),
});

/** The shard discord.js says a READY came on, and the shard count it runs with. */
export interface ShardInForce {
  readonly id: number;
  readonly count: number | undefined;
}

/**
 * A guild that removed the bot while it was offline sends no GUILD_DELETE later, so its settings
 * would stay for ever. READY lists every guild of its shard the bot is in: a guild with stored
 * settings that this shard owns and READY does not list was left, and is forgotten.
 *
 * Strict, since it deletes: only a READY that parses whole and is the shard discord.js runs with
 * the count in force (a RESUMED lists nothing and never comes here); only guilds this shard owns,
 * so processes that split the shards each forget their own; and never a guild discord.js holds,
 * which may have been joined, and set up, since READY.
 */
export async function forgetLeftGuilds(ctx: DiscordContext, d: unknown, shard: ShardInForce): Promise<void> {
  const parsed = readySchema.safeParse(d);
  if (!parsed.success) {
    logUnreadable(ctx, 'READY', parsed.error);
    return;
  }
  const [id, count] = parsed.data.shard;
  if (id !== shard.id || count !== shard.count || id >= count) {
    ctx.logger.warn(
      { ready: `${id}/${count}`, running: `${shard.id}/${shard.count}` },
      'Discord READY names another shard than the one it came on; no guild is forgotten',
    );
    return;
  }
  const listed = new Set(parsed.data.guilds.map((guild) => guild.id));
  const left = (await ctx.settings.workspaces('discord')).filter(
    (guild) =>
      // Not a guild id (the `dm` workspace of direct messages): no READY lists it.
      snowflake.safeParse(guild).success &&
      ShardClientUtil.shardIdForGuildId(guild, count) === id &&
      !listed.has(guild) &&
      !ctx.hasGuild(guild),
  );
  for (const guildId of left) {
    ctx.logger.info(
      { guildId, shard: id },
      'Discord READY does not list this guild: the bot was removed while offline; forgetting it',
    );
    await ctx.pipeline.forget({ platform: 'discord', workspace: guildId });
  }
  ctx.logger.debug(
    { shard: `${id}/${count}`, guilds: listed.size, forgotten: left.length },
    'Discord READY checked against the stored guilds',
  );
}
