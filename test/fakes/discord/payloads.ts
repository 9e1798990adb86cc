import {
  ChannelType,
  PermissionFlagsBits,
  PermissionsBitField,
  type APIAttachment,
  type APIChannel,
  type APIGuildMember,
  type APIMessage,
  type APIUser,
} from 'discord.js';

/**
 * Builders for the Discord payloads the fake hands out: plain objects in the shapes discord.js 14
 * reads (API v10), with only the fields it needs filled in and everything else at a harmless default.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let lastSnowflake = 0n;

/** A fresh, strictly increasing snowflake, so ids sort by creation like Discord's. */
export function snowflake(): string {
  const fromClock = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
  lastSnowflake = fromClock > lastSnowflake ? fromClock : lastSnowflake + 1n;
  return lastSnowflake.toString();
}

/**
 * A fresh snowflake of a guild that shard `shard` of `count` owns: Discord routes a guild's events
 * to shard `(guild_id >> 22) % count`, so the timestamp part is moved forward to the next that fits.
 */
export function snowflakeOnShard(shard: number, count: number): string {
  const fresh = BigInt(snowflake());
  const n = BigInt(count);
  const timestamp = (fresh >> 22n) + ((BigInt(shard) - ((fresh >> 22n) % n) + n) % n);
  lastSnowflake = fresh > timestamp << 22n ? fresh : timestamp << 22n;
  return lastSnowflake.toString();
}

/** The shard of `count` that receives a guild's events. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

export function user(username: string, options: { bot?: boolean; id?: string } = {}): APIUser {
  return {
    id: options.id ?? snowflake(),
    username,
    discriminator: '0',
    global_name: username,
    avatar: null,
    ...(options.bot ? { bot: true } : {}),
  };
}

/** Permission bits as Discord sends them: a decimal string. */
export function permissionString(...flags: bigint[]): string {
  return new PermissionsBitField(flags).bitfield.toString();
}

/** What an ordinary member may do; enough to post and use commands, not to manage the server. */
export const MEMBER_PERMISSIONS = permissionString(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.UseApplicationCommands,
  PermissionFlagsBits.AttachFiles,
);
/** A member who may also manage the server (and so change auto-scan). */
export const MODERATOR_PERMISSIONS = (
  BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild
).toString();

export function member(
  of: APIUser,
  permissions = MEMBER_PERMISSIONS,
  roles: string[] = [],
): APIGuildMember & { permissions: string } {
  return {
    user: of,
    roles,
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0 as APIGuildMember['flags'],
    permissions,
  };
}

export function textChannel(guildId: string, name: string): APIChannel {
  return {
    id: snowflake(),
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
  };
}

export function thread(guildId: string, parentId: string, ownerId: string, name: string): APIChannel {
  return {
    id: snowflake(),
    type: ChannelType.PublicThread,
    guild_id: guildId,
    parent_id: parentId,
    owner_id: ownerId,
    name,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: new Date().toISOString(),
      locked: false,
    },
  };
}

export function attachment(fields: {
  id: string;
  filename: string;
  size: number;
  url: string;
  contentType?: string;
}): APIAttachment {
  return {
    id: fields.id,
    filename: fields.filename,
    size: fields.size,
    url: fields.url,
    proxy_url: fields.url,
    ...(fields.contentType ? { content_type: fields.contentType } : {}),
  };
}

export function message(fields: {
  id: string;
  channelId: string;
  author: APIUser;
  content: string;
  attachments: APIAttachment[];
  embeds?: APIMessage['embeds'];
  reference?: APIMessage['message_reference'];
  flags?: number;
  components?: APIMessage['components'];
}): APIMessage {
  return {
    id: fields.id,
    channel_id: fields.channelId,
    author: fields.author,
    content: fields.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: fields.attachments,
    embeds: fields.embeds ?? [],
    pinned: false,
    type: fields.reference ? 19 : 0,
    flags: fields.flags ?? 0,
    components: fields.components ?? [],
    ...(fields.reference ? { message_reference: fields.reference } : {}),
  };
}
