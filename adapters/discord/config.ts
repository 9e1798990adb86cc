import { z } from 'zod';
import { httpUrl, text, wholeNumber, type Config, type ConfigSlice, type VarSpec } from '../../src/config.js';
import { Secret } from '../../src/secret.js';
import { MAX_SHARDS, shardPlanOf, type ShardPlan } from './shards.js';

export interface DiscordConfig {
  readonly token: Secret;
  /** The REST base, without a trailing slash (tests point it at a fake). */
  readonly apiUrl: string;
  readonly triggerReaction: string;
  /** The gateway shards this process runs. */
  readonly shards: ShardPlan;
}

const VARS = {
  DISCORD_TOKEN: { group: 'Discord', doc: 'Bot token.', schema: text.optional(), secret: true },
  DISCORD_API_URL: {
    group: 'Discord',
    doc: 'Discord REST base.',
    schema: httpUrl.default('https://discord.com/api'),
  },
  DISCORD_TRIGGER_REACTION: {
    group: 'Discord',
    doc: 'Emoji that asks for a check.',
    schema: text.default('🔍'),
  },
  DISCORD_SHARD_COUNT: {
    group: 'Discord',
    doc: 'How many gateway shards the bot has in all: a number, or `auto` for what Discord recommends (one per ~1,000 servers). Every process of one bot must be given the same number.',
    schema: z
      .union([z.literal('auto'), wholeNumber(1, MAX_SHARDS)], {
        error: 'must be auto or a number of shards such as 4',
      })
      .default('auto'),
  },
  DISCORD_SHARD_IDS: {
    group: 'Discord',
    doc: 'The shards this process runs, as ids and ranges (`0-3`, `4,5`); needs DISCORD_SHARD_COUNT. Default: all of them.',
    schema: text.optional(),
  },
} as const satisfies Record<string, VarSpec>;

type Env = { [K in keyof typeof VARS]: z.output<(typeof VARS)[K]['schema']> };

/** Discord's variables, and the settings they make; Discord is on when its token is set. */
export const discordConfigSlice: ConfigSlice<DiscordConfig> = {
  platform: 'discord',
  vars: VARS,
  // Discord ids are numeric snowflakes.
  isChannelId: (id) => /^\d+$/.test(id),
  resolve(values, problems) {
    const e = values as Env;
    if (!e.DISCORD_TOKEN) return undefined;
    const shards = shardPlanOf(e.DISCORD_SHARD_COUNT, e.DISCORD_SHARD_IDS);
    if (typeof shards === 'string') {
      problems.push(shards);
      return undefined;
    }
    return {
      token: new Secret(e.DISCORD_TOKEN),
      apiUrl: e.DISCORD_API_URL.replace(/\/+$/, ''),
      triggerReaction: e.DISCORD_TRIGGER_REACTION,
      shards,
    };
  },
};

/** This platform's settings in a loaded configuration; undefined when Discord is off. */
export function discordConfigOf(config: Config): DiscordConfig | undefined {
  // Put there by discordConfigSlice.resolve, and by nothing else.
  return config.platforms[discordConfigSlice.platform] as DiscordConfig | undefined;
}
