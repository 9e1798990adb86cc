import { Client, GatewayIntentBits, Partials } from 'discord.js';

/**
 * Intents the bot asks for. MessageContent is privileged: without it Discord strips attachments from
 * messages the bot is not mentioned in, so auto-scan and the reaction trigger would see no media.
 */
export const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.GuildMessageReactions,
  GatewayIntentBits.DirectMessages,
] as const;

/**
 * A discord.js client whose REST calls go to `apiUrl` (DISCORD_API_URL); the gateway address then
 * comes from GET /gateway/bot on that API. The partials let reactions on messages the client never
 * cached (older ones, or from before a restart) still arrive, as partial messages to fetch.
 */
export function createDiscordClient(apiUrl: string): Client {
  return new Client({
    intents: [...INTENTS],
    partials: [Partials.Message, Partials.Channel, Partials.Reaction],
    rest: { api: apiUrl },
    // Nothing the bot sends should ping anyone; replies set this too, this is the backstop.
    allowedMentions: { parse: [], repliedUser: false },
  });
}
