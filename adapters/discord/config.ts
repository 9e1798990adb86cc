import type { z } from 'zod';
import { httpUrl, text, type Config, type ConfigSlice, type VarSpec } from '../../src/config.js';
import { Secret } from '../../src/secret.js';

export interface DiscordConfig {
  readonly token: Secret;
  /** The REST base, without a trailing slash (tests point it at a fake). */
  readonly apiUrl: string;
  readonly triggerReaction: string;
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
} as const satisfies Record<string, VarSpec>;

type Env = { [K in keyof typeof VARS]: z.output<(typeof VARS)[K]['schema']> };

/** Discord's variables, and the settings they make; Discord is on when its token is set. */
export const discordConfigSlice: ConfigSlice<DiscordConfig> = {
  platform: 'discord',
  vars: VARS,
  // Discord ids are numeric snowflakes.
  isChannelId: (id) => /^\d+$/.test(id),
  resolve(values) {
    const e = values as Env;
    if (!e.DISCORD_TOKEN) return undefined;
    return {
      token: new Secret(e.DISCORD_TOKEN),
      apiUrl: e.DISCORD_API_URL.replace(/\/+$/, ''),
      triggerReaction: e.DISCORD_TRIGGER_REACTION,
    };
  },
};

/** This platform's settings in a loaded configuration; undefined when Discord is off. */
export function discordConfigOf(config: Config): DiscordConfig | undefined {
  // Put there by discordConfigSlice.resolve, and by nothing else.
  return config.platforms[discordConfigSlice.platform] as DiscordConfig | undefined;
}
