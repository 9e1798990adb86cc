import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  type APIAttachment,
  type APIMessage,
  type APIUser,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord.js';
import { waitFor } from '../../helpers/wait.js';
import { FakeGateway } from './gateway.js';
import { MODERATOR_PERMISSIONS, snowflake, user } from './payloads.js';
import { FakeRest, type InteractionRecord, type RecordedCall } from './rest.js';
import { FakeWorld, type FakeFile } from './world.js';

export type { FakeFile } from './world.js';
export type { InteractionRecord, PlannedFailure, RecordedCall } from './rest.js';
export { MEMBER_PERMISSIONS, MODERATOR_PERMISSIONS } from './payloads.js';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST `Authorization: Bot <token>` and gateway IDENTIFY). */
  readonly token?: string;
  /** HELLO's heartbeat_interval in ms (default 41 250, Discord's). */
  readonly heartbeatIntervalMs?: number;
  /**
   * GET /gateway/bot's `shards`; default one per 1,000 guilds, as Discord roughly recommends.
   * Settable later through `sharding`.
   */
  readonly recommendedShards?: number;
  /** GET /gateway/bot's `session_start_limit.max_concurrency` (default 1; large bots get 16 or more). */
  readonly maxConcurrency?: number;
}

/** A role given as a slash command option. */
export interface RoleOption {
  readonly roleId: string;
}

/** A slash command option value: text, a flag, a number, a role, or a file sent as an attachment option. */
export type OptionValue = string | boolean | number | FakeFile | RoleOption;

/**
 * A fake Discord on 127.0.0.1: REST (`/api/v10/...`), the attachment CDN (`/attachments/...`, signed
 * URLs that expire on demand) and the gateway (`/gateway`), on one port. Point discord.js at it with
 * `rest: { api: fake.apiUrl }` (DISCORD_API_URL); it finds the gateway through GET /gateway/bot.
 *
 * The world holds one application and bot, one guild with the channels `general` and `random` and a
 * thread under `general`, and three users: `alice` (a member), `moderator` (Manage Server) and
 * `otherBot`. Drive it with `postMessage`, `react`, `slashCommand` and `messageCommand`; read what
 * the bot did from `calls` (every REST and CDN request), `repliesTo`, `reactionsOn` and `interactionCalls`.
 * Break it with `rest.failNext`, `rest.rateLimitNext`, `expireAttachmentUrls`, and the gateway's
 * `reconnect`, `invalidSession` and `closeConnections`.
 */
export class FakeDiscord {
  readonly token: string;
  readonly world: FakeWorld;
  readonly rest: FakeRest;
  readonly gateway: FakeGateway;
  readonly channels;
  readonly users: { readonly alice: APIUser; readonly moderator: APIUser; readonly otherBot: APIUser };
  /** What GET /gateway/bot advises; `shards` undefined: one per 1,000 guilds. */
  readonly sharding: { shards: number | undefined; maxConcurrency: number };
  /** Every INTERACTION_CREATE dispatched, by interaction id, to send one again. */
  readonly #interactionPayloads = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly server: Server,
    readonly origin: string,
    options: FakeDiscordOptions,
  ) {
    this.token = options.token ?? `fake-bot-token.${randomBytes(12).toString('hex')}`;
    this.world = new FakeWorld(origin);
    const general = this.world.addTextChannel('general');
    this.channels = {
      general,
      random: this.world.addTextChannel('random'),
      thread: this.world.addThread(general.id, 'a thread'),
    } as const;
    this.users = {
      alice: user('alice'),
      moderator: user('moderator'),
      otherBot: user('otherbot', { bot: true }),
    };
    this.world.addMember(this.users.alice);
    this.world.addMember(this.users.moderator, MODERATOR_PERMISSIONS);
    this.world.addMember(this.users.otherBot);
    const gatewayUrl = () => `${origin.replace(/^http/, 'ws')}/gateway`;
    this.sharding = { shards: options.recommendedShards, maxConcurrency: options.maxConcurrency ?? 1 };
    this.gateway = new FakeGateway(server, {
      world: this.world,
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      url: gatewayUrl,
    });
    this.rest = new FakeRest({
      world: this.world,
      token: this.token,
      gatewayUrl,
      sharding: () => ({
        shards: this.sharding.shards ?? Math.max(1, Math.ceil(this.world.guilds.size / 1000)),
        maxConcurrency: this.sharding.maxConcurrency,
      }),
      // Discord echoes the bot's own messages back over the gateway; the bot must ignore them.
      onMessageCreated: (message) => this.gateway.dispatch('MESSAGE_CREATE', this.#withGuild(message)),
    });
    server.on('request', (req, res) => void this.rest.handle(req, res));
  }

  /** DISCORD_API_URL for the bot: `http://127.0.0.1:<port>/api`. */
  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  /** The settings that point the bot at this fake. */
  env(): Record<string, string> {
    return { DISCORD_TOKEN: this.token, DISCORD_API_URL: this.apiUrl };
  }

  get calls(): readonly RecordedCall[] {
    return this.rest.calls;
  }

  callsTo(method: string, path: RegExp): RecordedCall[] {
    return this.rest.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /** Stores a message and dispatches MESSAGE_CREATE for it (unless `dispatch` is false). */
  postMessage(fields: {
    channelId: string;
    author: APIUser;
    content?: string;
    files?: readonly FakeFile[];
    /** Link previews (image, thumbnail, video, `gifv`), as Discord sends them once it fetched them. */
    embeds?: APIMessage['embeds'];
    dispatch?: boolean;
    /** The attachment URLs dispatched have expired by the time the bot opens them (CDN 403 or 404). */
    staleWith?: 403 | 404;
  }): APIMessage {
    const message = this.world.storeMessage(fields);
    if (fields.dispatch !== false) this.gateway.dispatch('MESSAGE_CREATE', this.#withGuild(message));
    if (fields.staleWith) this.world.expireAttachmentUrls(fields.staleWith);
    return message;
  }

  /**
   * Discord fetched the previews of a message's links after it was posted: stores `embeds` on it and
   * dispatches MESSAGE_UPDATE, as Discord sends such an update (ids and embeds only), or with
   * `whole`, the whole message (as an edit sends it).
   */
  addEmbeds(message: APIMessage, embeds: APIMessage['embeds'], options: { whole?: boolean } = {}): void {
    const updated = this.world.editMessage(message.id, { embeds });
    if (!updated) throw new Error(`message ${message.id} is not stored`);
    this.gateway.dispatch(
      'MESSAGE_UPDATE',
      options.whole
        ? this.#withGuild(updated)
        : {
            id: updated.id,
            channel_id: updated.channel_id,
            guild_id: this.#guildOf(updated.channel_id),
            embeds,
          },
    );
  }

  /** Dispatches MESSAGE_REACTION_ADD, as when `user` adds `emoji` to a message. */
  react(fields: { channelId: string; messageId: string; user: APIUser; emoji: string }): void {
    const author = this.world.messagePayload(fields.messageId)?.author;
    this.gateway.dispatch('MESSAGE_REACTION_ADD', {
      user_id: fields.user.id,
      channel_id: fields.channelId,
      message_id: fields.messageId,
      guild_id: this.#guildOf(fields.channelId),
      member: this.#member(fields.user),
      emoji: { id: null, name: fields.emoji },
      ...(author ? { message_author_id: author.id } : {}),
      burst: false,
      burst_colors: [],
      type: 0,
    });
  }

  /**
   * Dispatches a chat input command: `path` is the subcommand (`['check']`) or group and subcommand
   * (`['autoscan', 'enable']`). A FakeFile option becomes an attachment option with resolved data.
   */
  slashCommand(fields: {
    channelId: string;
    user: APIUser;
    name: string;
    path?: readonly string[];
    options?: Readonly<Record<string, OptionValue>>;
    permissions?: string;
    /** The member's client language, as Discord sends it (`en-US` when not given). */
    locale?: string;
  }): InteractionRecord {
    const attachments: Record<string, APIAttachment> = {};
    const roles: Record<string, unknown> = {};
    let options: unknown[] = Object.entries(fields.options ?? {}).map(([name, value]) => {
      if (typeof value === 'object' && 'roleId' in value) {
        const role = this.world.roles.get(value.roleId);
        roles[value.roleId] = {
          id: value.roleId,
          name: role?.name ?? 'a role',
          permissions: '0',
          position: 1,
        };
        return { name, type: ApplicationCommandOptionType.Role, value: value.roleId };
      }
      if (typeof value === 'object') {
        const id = this.world.addAttachment(fields.channelId, value);
        attachments[id] = this.world.attachmentPayload(id)!;
        return { name, type: ApplicationCommandOptionType.Attachment, value: id };
      }
      const type =
        typeof value === 'boolean'
          ? ApplicationCommandOptionType.Boolean
          : typeof value === 'number'
            ? ApplicationCommandOptionType.Number
            : ApplicationCommandOptionType.String;
      return { name, type, value };
    });
    const [group, sub] = fields.path?.length === 2 ? fields.path : [undefined, fields.path?.[0]];
    if (sub) options = [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options }];
    if (group) options = [{ name: group, type: ApplicationCommandOptionType.SubcommandGroup, options }];
    return this.interact(fields, {
      id: snowflake(),
      name: fields.name,
      type: ApplicationCommandType.ChatInput,
      options,
      ...(Object.keys(attachments).length + Object.keys(roles).length > 0
        ? {
            resolved: {
              ...(Object.keys(attachments).length > 0 ? { attachments } : {}),
              ...(Object.keys(roles).length > 0 ? { roles } : {}),
            },
          }
        : {}),
    });
  }

  /** Dispatches a message context menu command on `messageId`, with the message in resolved data. */
  messageCommand(fields: {
    channelId: string;
    user: APIUser;
    name: string;
    messageId: string;
    permissions?: string;
    /** The attachment URLs in the resolved message have expired by the time the bot opens them. */
    staleWith?: 403 | 404;
  }): InteractionRecord {
    const target = this.world.messagePayload(fields.messageId);
    const record = this.interact(fields, {
      id: snowflake(),
      name: fields.name,
      type: ApplicationCommandType.Message,
      target_id: fields.messageId,
      resolved: { messages: target ? { [fields.messageId]: target } : {} },
    });
    if (fields.staleWith) this.world.expireAttachmentUrls(fields.staleWith);
    return record;
  }

  /**
   * The bot joins a guild of `channels` text channels (on shard `onShard[0]` of `onShard[1]` when
   * given): GUILD_CREATE goes to the shard that owns it, unless `dispatch` is false (a guild that is
   * there before the bot connects arrives after READY anyway).
   */
  addGuild(options: { channels?: number; onShard?: readonly [number, number]; dispatch?: boolean } = {}) {
    const guild = this.world.addGuild(`Server ${this.world.guilds.size + 1}`, options);
    if (options.dispatch !== false)
      this.gateway.dispatch('GUILD_CREATE', this.world.guildCreatePayload(guild.id));
    return guild;
  }

  /**
   * GUILD_DELETE: with `unavailable`, an outage (the guild stays in the world and comes back);
   * without, the bot was removed and the guild is gone.
   */
  removeGuild(guildId: string, options: { unavailable?: boolean } = {}): void {
    this.gateway.dispatch('GUILD_DELETE', {
      id: guildId,
      ...(options.unavailable ? { unavailable: true } : {}),
    });
    if (!options.unavailable) this.world.removeGuild(guildId);
  }

  /**
   * `user` presses the button `customId` on `message` (MESSAGE_COMPONENT): the interaction's
   * `@original` is that message, as Discord has it.
   */
  pressButton(fields: {
    user: APIUser;
    message: APIMessage;
    customId: string;
    permissions?: string;
    /** The presser's client language (a component interaction carries it as a command's does). */
    locale?: string;
  }): InteractionRecord {
    const current = this.world.messagePayload(fields.message.id) ?? fields.message;
    const { user, permissions, locale } = fields;
    return this.interact(
      { channelId: current.channel_id, user, permissions, locale },
      { custom_id: fields.customId, component_type: ComponentType.Button },
      { type: InteractionType.MessageComponent, message: current },
    );
  }

  /** Sends MESSAGE_CREATE for a stored message again, as a gateway replay would. */
  redeliverMessage(message: APIMessage): void {
    this.gateway.dispatch(
      'MESSAGE_CREATE',
      this.#withGuild(this.world.messagePayload(message.id) ?? message),
    );
  }

  /** Sends an interaction's INTERACTION_CREATE again, unchanged (same id and token). */
  redeliverInteraction(interaction: InteractionRecord): void {
    const payload = this.#interactionPayloads.get(interaction.id);
    if (!payload) throw new Error(`interaction ${interaction.id} was never dispatched`);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
  }

  /**
   * The bot's replies to `messageId` as they are now: a "Checking…" placeholder shows the answer
   * it was edited into.
   */
  answersTo(messageId: string): APIMessage[] {
    return this.world.repliesTo(messageId);
  }

  /** Messages the bot posted as replies to `messageId` (POST /channels/{c}/messages with a reference). */
  repliesTo(messageId: string): RecordedCall[] {
    return this.callsTo('POST', /^\/channels\/\d+\/messages$/).filter(
      (c) => (c.body as Partial<APIMessage> | undefined)?.message_reference?.message_id === messageId,
    );
  }

  /** Emoji the bot added to `messageId`, in order. */
  reactionsOn(messageId: string): string[] {
    return this.callsTo('PUT', new RegExp(`^/channels/\\d+/messages/${messageId}/reactions/[^/]+/@me$`)).map(
      (c) => c.path.split('/')[6]!,
    );
  }

  /** The callback and webhook calls for one interaction, in the order they arrived. */
  interactionCalls(interaction: InteractionRecord): RecordedCall[] {
    return this.rest.calls.filter(
      (c) => c.path.includes(`/${interaction.token}/`) || c.path.endsWith(`/${interaction.token}`),
    );
  }

  /** Waits for an interaction's answer: the edit (PATCH) of its deferred response, and gives its body. */
  async interactionAnswer(
    interaction: InteractionRecord,
    timeoutMs = 10_000,
  ): Promise<RESTPatchAPIWebhookWithTokenMessageJSONBody> {
    const edit = await waitFor(() => this.interactionCalls(interaction).find((c) => c.method === 'PATCH'), {
      what: 'the interaction answer',
      timeoutMs,
    });
    return edit.body as RESTPatchAPIWebhookWithTokenMessageJSONBody;
  }

  /** Makes every attachment URL handed out so far answer `status`; re-fetched messages carry fresh ones. */
  expireAttachmentUrls(status: 403 | 404 = 404): void {
    this.world.expireAttachmentUrls(status);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  /**
   * Dispatches INTERACTION_CREATE with `data` exactly as given, as Discord would for a stale or odd
   * client: the building block of `slashCommand` and `messageCommand`, and of malformed-payload tests.
   */
  interact(
    fields: { channelId: string; user: APIUser; permissions?: string; locale?: string },
    data: Record<string, unknown>,
    component?: { type: InteractionType.MessageComponent; message: APIMessage },
  ): InteractionRecord {
    const id = snowflake();
    const token = `interaction-token.${randomBytes(16).toString('hex')}`;
    const record = this.rest.registerInteraction(id, token, fields.channelId, component?.message);
    const channel = this.world.channels.get(fields.channelId);
    const member = this.#member(fields.user);
    const payload = {
      id,
      application_id: this.world.application.id,
      type: component?.type ?? InteractionType.ApplicationCommand,
      data,
      ...(component ? { message: component.message } : {}),
      guild_id: this.#guildOf(fields.channelId),
      channel_id: fields.channelId,
      channel,
      member: { ...member, user: fields.user, permissions: fields.permissions ?? member.permissions },
      token,
      version: 1,
      app_permissions: MODERATOR_PERMISSIONS,
      locale: fields.locale ?? 'en-US',
      guild_locale: this.world.preferredLocale,
      entitlements: [],
      authorizing_integration_owners: { '0': this.#guildOf(fields.channelId) },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
    };
    this.#interactionPayloads.set(id, payload);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return record;
  }

  #member(of: APIUser) {
    const known = this.world.members.get(of.id) ?? this.world.addMember(of);
    return { ...known, user: of };
  }

  /** The guild of a channel; the first guild for a channel the world does not know (malformed-payload tests). */
  #guildOf(channelId: string): string {
    return this.world.guildOf(channelId) ?? this.world.guild.id;
  }

  #withGuild(message: APIMessage): Record<string, unknown> {
    const guildId = this.#guildOf(message.channel_id);
    const { user: _user, ...member } = this.#member(message.author);
    return { ...message, guild_id: guildId, member };
  }
}

/** Starts the fake on 127.0.0.1 with a free port. Close it with `close()`. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fake Discord did not get a port');
  return new FakeDiscord(server, `http://127.0.0.1:${address.port}`, options);
}
