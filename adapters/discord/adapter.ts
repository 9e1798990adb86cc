import { once } from 'node:events';
import { Events, type Client } from 'discord.js';
import type { ChatAdapter } from '../../src/adapter.js';
import { createWorkTracker } from '../../src/work-tracker.js';
import { onMessageCreate } from './autoscan.js';
import { createDiscordClient } from './client.js';
import type { DiscordAdapterDeps, DiscordContext } from './context.js';
import { onInteraction } from './interactions.js';
import { BOT_PERMISSIONS, INVITE_SCOPES, inviteUrl } from './invite.js';
import { createReactionTrigger } from './reaction.js';

/**
 * The Discord adapter: a discord.js client whose events become checks (slash command, message
 * command, auto-scan, reaction) and whose reports become embeds. Handlers never throw: each turns a
 * failure into an answer or a log line. `stop` drains the work tracker (new checks refused, those
 * in flight finished or cut off, each with a reply) while still connected, then disconnects.
 */
export function createDiscordAdapter(deps: DiscordAdapterDeps): ChatAdapter {
  const discord = deps.config.discord;
  if (!discord) throw new Error('Discord is not configured: set DISCORD_TOKEN.');
  const logger = deps.logger.child({ component: 'discord' });
  const tasks = deps.tasks ?? createWorkTracker(logger);
  const ctx: DiscordContext = {
    ...deps,
    logger,
    discord,
    tasks,
    checker: tasks.guard(deps.checker),
    source: { fetcher: deps.fetcher, apiHost: new URL(discord.apiUrl).host },
  };
  let client: Client | undefined;
  let connected = false;

  function handle(what: string, work: () => Promise<void>): void {
    if (connected) tasks.run(`Discord ${what}`, work);
  }

  function wire(c: Client): void {
    const onReaction = createReactionTrigger(ctx);
    c.on(Events.MessageCreate, (message) => handle('message', () => onMessageCreate(ctx, message)));
    c.on(Events.MessageReactionAdd, (reaction, user) => handle('reaction', () => onReaction(reaction, user)));
    c.on(Events.InteractionCreate, (interaction) =>
      handle('interaction', () => onInteraction(ctx, interaction)),
    );
    c.on(Events.Error, (err) => logger.error({ err }, 'Discord client error'));
    c.on(Events.ShardDisconnect, (event) =>
      logger.warn({ code: event.code }, 'Discord gateway disconnected'),
    );
    c.on(Events.ShardResume, () => logger.info('Discord gateway resumed'));
  }

  return {
    name: 'discord',
    async start() {
      await deps.settings.seed(deps.config.autoscanChannels.filter((s) => s.platform === 'discord'));
      const c = createDiscordClient(discord.apiUrl);
      client = c;
      wire(c);
      const ready = once(c, Events.ClientReady);
      try {
        await c.login(discord.token.reveal());
        await ready;
      } catch (err) {
        await c.destroy();
        client = undefined;
        throw err;
      }
      connected = true;
      const applicationId = c.application?.id ?? c.user!.id;
      // The logger drops query strings from http(s) URLs (they may be signed); this one is public,
      // so it is logged without its scheme to keep it whole.
      logger.info(
        {
          user: c.user?.tag,
          applicationId,
          scopes: INVITE_SCOPES,
          permissions: BOT_PERMISSIONS.bitfield.toString(),
        },
        `Discord connected. Invite the bot with ${inviteUrl(applicationId).replace(/^https:\/\//, '')}`,
      );
    },
    async stop() {
      await tasks.drain(deps.config.shutdownGraceMs);
      connected = false;
      await client?.destroy();
      client = undefined;
    },
    isReady() {
      return connected && (client?.isReady() ?? false);
    },
  };
}
