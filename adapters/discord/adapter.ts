import { once } from 'node:events';
import { Events, Status } from 'discord.js';
import type { AdapterDeps, ChatAdapter } from '../../src/adapter.js';
import { createDiscordClient } from './client.js';
import { discordConfigOf } from './config.js';
import type { DiscordContext } from './context.js';
import { deliverPlan, postPlaceholder } from './deliver.js';
import { messageSpecs } from './embeds.js';
import { onMessageCreate, onMessageUpdate, onReactionAdd } from './events.js';
import { onGuildDelete } from './guild-delete.js';
import { onInteraction } from './interactions.js';
import { forgetLeftGuilds } from './left-guilds.js';
import { createModeration } from './moderation.js';
import { BOT_PERMISSIONS, INVITE_SCOPES, inviteUrl } from './invite.js';
import { openAttachment, type AttachmentSource } from './media.js';
import { discordMessageLink } from './message-link.js';
import { THREAD_TYPES } from './payloads.js';
import { fetchChannel, fetchMessage } from './rest.js';

/** The gateway events that are triggers: the adapter reads them itself, from the raw payload. */
const HANDLERS = {
  INTERACTION_CREATE: onInteraction,
  MESSAGE_CREATE: onMessageCreate,
  MESSAGE_UPDATE: onMessageUpdate,
  MESSAGE_REACTION_ADD: onReactionAdd,
} as const satisfies Record<string, (ctx: DiscordContext, d: unknown) => Promise<void>>;

/**
 * What a trigger event is renamed to once the adapter took it, so discord.js's own handler for it
 * never runs: discord.js builds its structures from a payload without checking it, and one
 * malformed interaction (an `options` that is not an array) threw inside the gateway's message
 * handler and ended the process. The adapter needs none of those structures.
 */
const TAKEN = 'BITMIND_TAKEN';

/**
 * The Discord adapter: a discord.js client for the gateway and REST, and a translator. Trigger
 * events are validated (zod) and become `Trigger`s for the pipeline; the pipeline's plans come back
 * through `placeholder` and `deliver`, which answer from plain data (ids, an interaction token)
 * over REST. Help, status and auto-scan settings are answered here. It keeps no state of its own.
 */
export function createDiscordAdapter(deps: AdapterDeps): ChatAdapter {
  const discord = discordConfigOf(deps.config);
  if (!discord) throw new Error('Discord is not configured: set DISCORD_TOKEN.');
  const logger = deps.logger.child({ component: 'discord' });
  const client = createDiscordClient(discord.apiUrl, discord.shards);
  const { rest } = client;
  let taking = false;

  const ctx: DiscordContext = {
    ...deps,
    logger,
    discord,
    rest,
    botId: () => client.user?.id,
    guildLocale: (guildId) => client.guilds.cache.get(guildId)?.preferredLocale,
    hasGuild: (guildId) => client.guilds.cache.has(guildId),
    async settingsChannelOf(channelId, hint) {
      const parentOf = (type: number, parent: string | null | undefined) =>
        THREAD_TYPES.includes(type) && parent ? parent : channelId;
      if (hint) return parentOf(hint.type, hint.parent_id);
      const cached = client.channels.cache.get(channelId);
      if (cached) return cached.isThread() ? (cached.parentId ?? channelId) : channelId;
      try {
        const channel = await fetchChannel(rest, channelId);
        return parentOf(channel.type, channel.parent_id);
      } catch (err) {
        logger.warn({ err, channelId }, 'Discord: the channel could not be read; its own settings apply');
        return channelId;
      }
    },
  };

  const moderation = createModeration(ctx);
  const source: AttachmentSource = {
    fetcher: deps.fetcher,
    apiHost: new URL(discord.apiUrl).host,
    refetch: async (channelId, messageId) => (await fetchMessage(rest, channelId, messageId))?.attachments,
  };

  /**
   * Runs synchronously inside discord.js's gateway handler, so it must never throw: it takes the
   * event (renaming it, see TAKEN) and handles it in a tracked task, whose failures are logged there.
   */
  function onRaw(packet: { t?: unknown; d?: unknown }): void {
    try {
      const event = packet.t;
      if (typeof event !== 'string' || !Object.hasOwn(HANDLERS, event)) return;
      packet.t = TAKEN;
      if (!taking) return;
      const handle = HANDLERS[event as keyof typeof HANDLERS];
      const d = packet.d;
      deps.tasks.run(`Discord ${event}`, () => handle(ctx, d));
    } catch (err) {
      logger.error({ err }, 'Discord: a gateway event could not be taken');
    }
  }

  /**
   * GUILD_DELETE is left to discord.js too (it drops the guild from its cache); the adapter reads
   * it alongside, to forget a guild the bot was removed from. Never throws, like onRaw.
   */
  function onGuildLeft(packet: { t?: unknown; d?: unknown }): void {
    if (packet.t !== 'GUILD_DELETE' || !taking) return;
    const d = packet.d;
    deps.tasks.run('Discord GUILD_DELETE', () => onGuildDelete(ctx, d));
  }

  /**
   * READY is left to discord.js too; the adapter reads its guild list alongside, with the shard it
   * came on, to forget the guilds the bot was removed from while offline. Never throws, like onRaw.
   */
  function onShardIdentified(packet: { t?: unknown; d?: unknown }, shardId: number): void {
    if (packet.t !== 'READY' || !taking) return;
    const d = packet.d;
    const shard = { id: shardId, count: client.options.shardCount };
    deps.tasks.run('Discord READY', () => forgetLeftGuilds(ctx, d, shard));
  }

  client.on(Events.Raw, onRaw);
  client.on(Events.Raw, onGuildLeft);
  client.on(Events.Raw, onShardIdentified);
  client.on(Events.Error, (err) => logger.error({ err }, 'Discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ code: event.code, shard }, 'Discord gateway disconnected'),
  );
  client.on(Events.ShardResume, (shard) => logger.info({ shard }, 'Discord gateway resumed'));
  client.on(Events.ShardReady, (shard) => logger.info({ shard }, 'Discord shard ready'));

  return {
    platform: 'discord',
    defaultTriggerReaction: discord.triggerReaction,
    routes: [],

    async start() {
      await deps.settings.seed(deps.config.autoscanChannels.filter((s) => s.platform === 'discord'));
      const ready = once(client, Events.ClientReady);
      taking = true;
      try {
        await client.login(discord.token.reveal());
        await ready;
      } catch (err) {
        taking = false;
        await client.destroy();
        throw err;
      }
      const applicationId = client.application?.id ?? client.user!.id;
      // The logger drops query strings from http(s) URLs (they may be signed); this one is public,
      // so it is logged without its scheme to keep it whole.
      logger.info(
        {
          user: client.user?.tag,
          applicationId,
          shards: client.ws.shards.map((shard) => shard.id),
          shardCount: client.options.shardCount,
          scopes: INVITE_SCOPES,
          permissions: BOT_PERMISSIONS.bitfield.toString(),
        },
        `Discord connected. Invite the bot with ${inviteUrl(applicationId).replace(/^https:\/\//, '')}`,
      );
    },

    async stop() {
      taking = false;
      await client.destroy();
    },

    // Ready when every shard of this process is: one shard down is a share of the guilds unheard.
    isReady() {
      return taking && client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready);
    },

    async messageMedia(place) {
      if (!place.message) return undefined;
      try {
        const message = await fetchMessage(rest, place.channel, place.message);
        return message && messageSpecs(message, source.apiHost);
      } catch (err) {
        // Unreadable or unreachable: treated as out of sight, so the person may simply try again.
        logger.warn(
          { err, channelId: place.channel, messageId: place.message },
          'Discord: the message could not be read',
        );
        return undefined;
      }
    },

    messageLink: discordMessageLink,
    open: (spec) => openAttachment(spec, source),
    placeholder: (trigger, count) => postPlaceholder(ctx, trigger, count),
    deliver: (trigger, plan, placeholder) => deliverPlan(ctx, trigger, plan, placeholder),
    postModlog: (_scope, post) => moderation.postModlog(post),
    tell: (_scope, user, text) => moderation.tell(user, text),
    answerPress: (press, text) => moderation.answerPress(press, text),
    removeResult: (press) => moderation.removeResult(press),
  };
}
