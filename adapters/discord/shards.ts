/**
 * Which gateway shards this process runs. `auto`: every shard, as many as Discord recommends
 * (GET /gateway/bot) at the start. A fixed count: the shards in `ids` of that many, so several
 * processes, on one machine or many, can split them (DISCORD_SHARD_IDS=0-1 here, 2-3 there).
 */
export type ShardPlan =
  { readonly count: 'auto' } | { readonly count: number; readonly ids: readonly number[] };

/** Far above any bot's need (Discord recommends one shard per ~1,000 guilds); keeps lists small. */
export const MAX_SHARDS = 4096;

/**
 * DISCORD_SHARD_COUNT and DISCORD_SHARD_IDS as a plan, or the problem in words that name the
 * variable and the fix. `ids` is a list of ids and ranges: `0-3`, `4,5`, `0-1,6`.
 */
export function shardPlanOf(count: number | 'auto', ids: string | undefined): ShardPlan | string {
  if (count === 'auto') {
    if (ids === undefined) return { count: 'auto' };
    return 'DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT set to a number: processes that split the shards must agree on how many there are, and Discord’s recommendation can change between their starts';
  }
  if (ids === undefined) return { count, ids: Array.from({ length: count }, (_, i) => i) };
  // One flag per shard of the count (bounded by MAX_SHARDS), so a repeated id counts once.
  const chosen: boolean[] = Array.from({ length: count }, () => false);
  for (const part of ids.split(',').map((p) => p.trim())) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) return `DISCORD_SHARD_IDS must be shard ids and ranges such as 0-3 or 4,5 (got "${part}")`;
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (from > to) return `DISCORD_SHARD_IDS has a range that runs backwards: ${part}`;
    if (to >= count)
      return `DISCORD_SHARD_IDS names shard ${to}, but DISCORD_SHARD_COUNT=${count} makes shards 0 to ${count - 1}`;
    chosen.fill(true, from, to + 1);
  }
  return { count, ids: chosen.flatMap((on, id) => (on ? [id] : [])) };
}

/** For the start-up log: `shards 2,3 of 4`, `shards as Discord recommends`. */
export function describeShards(plan: ShardPlan): string {
  return plan.count === 'auto'
    ? 'shards as Discord recommends'
    : `shards ${plan.ids.join(',')} of ${plan.count}`;
}
