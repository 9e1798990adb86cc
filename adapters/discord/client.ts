import { Client, GatewayIntentBits, Options, Partials } from 'discord.js';
import type { ShardPlan } from './shards.js';

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

/** How often the sweepers run, and how long an archived thread stays cached, in seconds. */
const SWEEP_INTERVAL_S = 3600;
const ARCHIVED_THREAD_LIFETIME_S = 3600;

/**
 * What discord.js keeps in memory. The adapter reads trigger events raw and answers over REST, so
 * it needs no messages, reactions, members, users, presences, emojis or the like: those caches hold
 * nothing (but the bot's own member and user, which discord.js looks up for itself). Guilds,
 * channels, threads and roles stay cached, because discord.js cannot run without them (their
 * managers are not configurable) and the channel cache tells a thread's parent without a REST call
 * per message; archived threads are swept.
 */
function boundedCaches(): Pick<ConstructorParameters<typeof Client>[0], 'makeCache' | 'sweepers'> {
  return {
    makeCache: Options.cacheWithLimits({
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      DMMessageManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildInviteManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      GuildMessageManager: 0,
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      ThreadMemberManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
      VoiceStateManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      threads: { interval: SWEEP_INTERVAL_S, lifetime: ARCHIVED_THREAD_LIFETIME_S },
    },
  };
}

/**
 * A discord.js client whose REST calls go to `apiUrl` (DISCORD_API_URL); the gateway address then
 * comes from GET /gateway/bot on that API. It runs the shards of `shards` in this process:
 * discord.js (through @discordjs/ws) opens one connection per shard and spaces their IDENTIFYs by
 * the `max_concurrency` GET /gateway/bot gives. The partials let reactions on messages the client
 * never cached (all of them, see boundedCaches) still arrive, as partial messages to fetch.
 */
export function createDiscordClient(apiUrl: string, shards: ShardPlan): Client {
  return new Client({
    intents: [...INTENTS],
    partials: [Partials.Message, Partials.Channel, Partials.Reaction],
    rest: { api: apiUrl },
    ...(shards.count === 'auto' ? { shards: 'auto' } : { shards: [...shards.ids], shardCount: shards.count }),
    ...boundedCaches(),
    // Nothing the bot sends should ping anyone; replies set this too, this is the backstop.
    allowedMentions: { parse: [], repliedUser: false },
  });
}
