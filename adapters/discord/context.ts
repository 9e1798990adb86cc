import type { REST } from 'discord.js';
import type { z } from 'zod';
import type { AdapterDeps } from '../../src/adapter.js';
import type { Logger } from '../../src/log.js';
import type { DiscordConfig } from './config.js';
import { problemsOf } from './payloads.js';

/** What every handler gets: the core and pipeline, the Discord settings, and the REST client. */
export interface DiscordContext extends AdapterDeps {
  readonly logger: Logger;
  readonly discord: DiscordConfig;
  readonly rest: REST;
  /** The bot's own user id, once logged in: its own reactions and messages are not triggers. */
  botId(): string | undefined;
  /**
   * The guild's preferred locale tag, from discord.js's guild cache (filled by GUILD_CREATE and
   * kept current by GUILD_UPDATE): undefined while the guild is not cached.
   */
  guildLocale(guildId: string): string | undefined;
  /** Whether discord.js holds the guild: listed by a READY, or joined since (GUILD_CREATE). */
  hasGuild(guildId: string): boolean;
  /** The channel whose settings apply to `channelId`: a thread follows the channel it was opened in. */
  settingsChannelOf(
    channelId: string,
    hint?: { type: number; parent_id?: string | null | undefined },
  ): Promise<string>;
}

/**
 * Logs a payload the adapter could not read, once, at warn: which fields were wrong, never their
 * values (an interaction carries a token).
 */
export function logUnreadable(ctx: DiscordContext, what: string, error: z.ZodError): void {
  ctx.logger.warn(
    { what, problems: problemsOf(error) },
    'Discord sent a payload the bot could not read; ignored',
  );
}
