import { randomBytes } from 'node:crypto';
import {
  ChannelType,
  type APIAttachment,
  type APIChannel,
  type APIGuildMember,
  type APIMessage,
  type APIUser,
} from 'discord.js';
import * as build from './payloads.js';

/** A file posted to the fake: its bytes are served by the fake CDN under a signed, expiring URL. */
export interface FakeFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  /** The size Discord reports for the attachment; defaults to the real length. */
  readonly size?: number;
  /** The CDN refuses this file with this status, however fresh its URL. */
  readonly refusedWith?: 403 | 404;
}

interface StoredAttachment {
  readonly id: string;
  readonly channelId: string;
  readonly filename: string;
  readonly bytes: Uint8Array;
  readonly contentType: string | undefined;
  readonly size: number;
  readonly refusedWith: 403 | 404 | undefined;
  signature: string;
}

interface StoredMessage {
  readonly id: string;
  readonly channelId: string;
  readonly author: APIUser;
  content: string;
  embeds: APIMessage['embeds'];
  readonly attachmentIds: readonly string[];
  readonly reference: APIMessage['message_reference'];
  readonly flags: number;
  components: APIMessage['components'];
}

export type CdnAnswer = { status: 200; body: Uint8Array; contentType: string } | { status: 403 | 404 };

/**
 * The state of the fake Discord: one application and its bot user, one guild with channels and a
 * thread, its members, the messages posted and their attachments. Attachment URLs are signed like
 * Discord's (`?ex=&is=&hm=`); `expireAttachmentUrls` re-signs them so URLs handed out before stop working.
 */
export class FakeWorld {
  readonly bot: APIUser = build.user('BitMind', { bot: true });
  /**
   * `flags` as GET /applications/@me reports them. Default: the Message Content intent turned on in
   * the developer portal, which for an app in fewer than 100 servers sets GATEWAY_MESSAGE_CONTENT_LIMITED.
   */
  readonly application = { id: this.bot.id, name: 'BitMind', flags: 1 << 19 };
  /** The first guild, where the fake's own channels are; `addGuild` makes more. */
  readonly guild = { id: build.snowflake(), name: 'Test Server' };
  /** The guild's language (GUILD_CREATE's `preferred_locale`, interactions' `guild_locale`). */
  preferredLocale = 'en-US';
  readonly guilds = new Map<string, { id: string; name: string }>([[this.guild.id, this.guild]]);
  /** Each guild's roles besides @everyone, by role id. */
  readonly roles = new Map<string, { id: string; name: string; guildId: string }>();
  readonly channels = new Map<string, APIChannel>();
  readonly members = new Map<string, ReturnType<typeof build.member>>();
  /** Status the CDN answers for a stale signature: Discord sends 404 or 403 depending on the edge. */
  expiredStatus: 403 | 404 = 404;
  readonly #messages = new Map<string, StoredMessage>();
  /** Each guild's channels and threads, so a guild's payload does not scan every channel. */
  readonly #guildChannels = new Map<string, APIChannel[]>();
  readonly #attachments = new Map<string, StoredAttachment>();

  constructor(readonly origin: string) {
    this.members.set(this.bot.id, build.member(this.bot));
  }

  addTextChannel(name: string, guildId = this.guild.id): APIChannel {
    return this.#keep(guildId, build.textChannel(guildId, name));
  }

  addThread(parentId: string, name: string): APIChannel {
    return this.#keep(this.guild.id, build.thread(this.guild.id, parentId, this.bot.id, name));
  }

  #keep(guildId: string, channel: APIChannel): APIChannel {
    this.channels.set(channel.id, channel);
    const inGuild = this.#guildChannels.get(guildId);
    if (inGuild) inGuild.push(channel);
    else this.#guildChannels.set(guildId, [channel]);
    return channel;
  }

  addMember(of: APIUser, permissions?: string): APIGuildMember & { permissions: string } {
    const m = build.member(of, permissions);
    this.members.set(of.id, m);
    return m;
  }

  /**
   * A guild with `channels` text channels, owned by shard `onShard[0]` of `onShard[1]` when given.
   * Members are the world's, in every guild alike.
   */
  addGuild(
    name: string,
    options: { channels?: number; onShard?: readonly [number, number] } = {},
  ): { id: string; name: string; channels: APIChannel[] } {
    const id = options.onShard ? build.snowflakeOnShard(...options.onShard) : build.snowflake();
    const guild = { id, name };
    this.guilds.set(id, guild);
    const channels = Array.from({ length: options.channels ?? 1 }, (_, i) =>
      this.addTextChannel(`channel-${i}`, id),
    );
    return { ...guild, channels };
  }

  /** The bot left the guild: it and its channels are gone. */
  removeGuild(id: string): void {
    this.guilds.delete(id);
    for (const channel of this.#guildChannels.get(id) ?? []) this.channels.delete(channel.id);
    this.#guildChannels.delete(id);
  }

  /** The guild a channel is in (undefined for a channel the world does not know). */
  guildOf(channelId: string): string | undefined {
    const channel = this.channels.get(channelId);
    return channel && 'guild_id' in channel ? channel.guild_id : undefined;
  }

  addRole(name: string, guildId = this.guild.id): string {
    const id = build.snowflake();
    this.roles.set(id, { id, name, guildId });
    return id;
  }

  /** Gives a member a role (in every guild, as members are). */
  giveRole(userId: string, roleId: string): void {
    const m = this.members.get(userId);
    if (!m) throw new Error(`user ${userId} is not a member`);
    this.members.set(userId, { ...m, roles: [...m.roles, roleId] });
  }

  storeMessage(fields: {
    channelId: string;
    author: APIUser;
    content?: string;
    files?: readonly FakeFile[];
    embeds?: APIMessage['embeds'];
    reference?: APIMessage['message_reference'];
    flags?: number;
    components?: APIMessage['components'];
  }): APIMessage {
    const id = build.snowflake();
    const attachmentIds = (fields.files ?? []).map((file) => this.addAttachment(fields.channelId, file));
    this.#messages.set(id, {
      id,
      channelId: fields.channelId,
      author: fields.author,
      content: fields.content ?? '',
      embeds: fields.embeds ?? [],
      attachmentIds,
      reference: fields.reference,
      flags: fields.flags ?? 0,
      components: fields.components ?? [],
    });
    return this.messagePayload(id)!;
  }

  /** Stores a file on the CDN (for a message, or alone as a slash command's attachment option). */
  addAttachment(channelId: string, file: FakeFile): string {
    const att: StoredAttachment = {
      id: build.snowflake(),
      channelId,
      filename: file.name,
      bytes: file.bytes,
      contentType: file.contentType,
      size: file.size ?? file.bytes.length,
      refusedWith: file.refusedWith,
      signature: sign(),
    };
    this.#attachments.set(att.id, att);
    return att.id;
  }

  /** The attachment as Discord would send it now, with a currently valid signed URL. */
  attachmentPayload(id: string): APIAttachment | undefined {
    const att = this.#attachments.get(id);
    if (!att) return undefined;
    return build.attachment({
      id: att.id,
      filename: att.filename,
      size: att.size,
      url: this.#urlOf(att),
      ...(att.contentType ? { contentType: att.contentType } : {}),
    });
  }

  editMessage(
    id: string,
    patch: { content?: string; embeds?: APIMessage['embeds']; components?: APIMessage['components'] },
  ): APIMessage | undefined {
    const stored = this.#messages.get(id);
    if (!stored) return undefined;
    if (patch.content !== undefined) stored.content = patch.content;
    if (patch.embeds !== undefined) stored.embeds = patch.embeds;
    if (patch.components !== undefined) stored.components = patch.components;
    return this.messagePayload(id);
  }

  /** The message as Discord would send it now: attachment URLs carry the current signatures. */
  messagePayload(id: string): APIMessage | undefined {
    const stored = this.#messages.get(id);
    if (!stored) return undefined;
    const attachments = stored.attachmentIds.map((attId) => this.attachmentPayload(attId)!);
    const channel = this.channels.get(stored.channelId);
    return {
      ...build.message({
        id: stored.id,
        channelId: stored.channelId,
        author: stored.author,
        content: stored.content,
        attachments,
        embeds: stored.embeds,
        reference: stored.reference,
        flags: stored.flags,
        components: stored.components,
      }),
      ...(channel && 'guild_id' in channel ? { guild_id: channel.guild_id } : {}),
    };
  }

  /** The messages replying to `id`, as they are now (a "Checking…" placeholder shows its final answer). */
  repliesTo(id: string): APIMessage[] {
    return [...this.#messages.values()]
      .filter((m) => m.reference?.message_id === id)
      .map((m) => this.messagePayload(m.id)!);
  }

  deleteMessage(id: string): boolean {
    return this.#messages.delete(id);
  }

  /** The direct-message channel with `recipient`, opened on first use (POST /users/@me/channels). */
  dmChannel(recipient: APIUser): APIChannel {
    const existing = [...this.channels.values()].find(
      (c) => c.type === ChannelType.DM && c.recipients?.some((r) => r.id === recipient.id),
    );
    if (existing) return existing;
    const channel: APIChannel = {
      id: build.snowflake(),
      type: ChannelType.DM,
      name: null,
      last_message_id: null,
      recipients: [recipient],
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** Invalidates every attachment URL handed out so far, as Discord's expiring CDN links do. */
  expireAttachmentUrls(status: 403 | 404 = 404): void {
    this.expiredStatus = status;
    for (const att of this.#attachments.values()) att.signature = sign();
  }

  cdn(channelId: string, attachmentId: string, signature: string | null): CdnAnswer {
    const att = this.#attachments.get(attachmentId);
    if (!att || att.channelId !== channelId) return { status: 404 };
    if (att.refusedWith) return { status: att.refusedWith };
    if (signature !== att.signature) return { status: this.expiredStatus };
    return { status: 200, body: att.bytes, contentType: att.contentType ?? 'application/octet-stream' };
  }

  /** The guilds shard `shard[0]` of `shard[1]` owns. */
  guildsOnShard(shard: readonly [number, number]): string[] {
    return [...this.guilds.keys()].filter((id) => build.shardOf(id, shard[1]) === shard[0]);
  }

  readyPayload(
    sessionId: string,
    resumeUrl: string,
    shard: readonly [number, number],
  ): Record<string, unknown> {
    return {
      v: 10,
      user: { ...this.bot, verified: true, mfa_enabled: false, flags: 0 },
      guilds: this.guildsOnShard(shard).map((id) => ({ id, unavailable: true })),
      session_id: sessionId,
      resume_gateway_url: resumeUrl,
      shard,
      application: { id: this.application.id, flags: this.application.flags },
    };
  }

  guildCreatePayload(guildId: string): Record<string, unknown> {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new Error(`guild ${guildId} is not in the world`);
    const channels = this.#guildChannels.get(guildId) ?? [];
    const roles = [...this.roles.values()].filter((r) => r.guildId === guildId);
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: snowflakeOwner,
      unavailable: false,
      large: false,
      member_count: this.members.size,
      joined_at: new Date(0).toISOString(),
      features: [],
      premium_tier: 0,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      preferred_locale: this.preferredLocale,
      system_channel_flags: 0,
      roles: [{ id: guild.id, name: '@everyone' }, ...roles].map((role, position) => ({
        id: role.id,
        name: role.name,
        permissions: build.MEMBER_PERMISSIONS,
        position,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      })),
      channels: channels.filter((c) => !('thread_metadata' in c)),
      threads: channels.filter((c) => 'thread_metadata' in c),
      members: [...this.members.values()],
      emojis: [],
      stickers: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  #urlOf(att: StoredAttachment): string {
    const now = Math.floor(Date.now() / 1000);
    const query = new URLSearchParams({
      ex: (now + 86_400).toString(16),
      is: now.toString(16),
      hm: att.signature,
    });
    return `${this.origin}/attachments/${att.channelId}/${att.id}/${encodeURIComponent(att.filename)}?${query.toString()}`;
  }
}

/** Nobody in the fake owns the guild, so ownership never grants a permission by accident. */
const snowflakeOwner = '1';

function sign(): string {
  return randomBytes(16).toString('hex');
}
