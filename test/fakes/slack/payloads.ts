import type { SlackFileObject, StoredMessage } from './workspace.js';

/**
 * Slack payloads as Slack sends them (Events API envelopes, slash command forms, message shortcut
 * interactions), trimmed to the fields documented for each, so the adapter is tested against
 * Slack's shapes rather than its own.
 */

/** The legacy verification token: present in every payload, never to be logged. */
export const VERIFICATION_TOKEN = 'fake-verification-token-0123456789';

export interface Team {
  readonly teamId: string;
  readonly domain: string;
  readonly botUserId: string;
  readonly apiAppId: string;
  /** The Grid organisation of the workspace, and whether the app is installed org-wide there. */
  readonly enterpriseId?: string;
  readonly orgInstall?: boolean;
}

/** The message as Slack puts it in events, shortcuts and conversations.history. */
export function messageObject(message: StoredMessage): Record<string, unknown> {
  return {
    type: 'message',
    ts: message.ts,
    text: message.text,
    ...(message.user ? { user: message.user } : {}),
    ...(message.bot_id ? { bot_id: message.bot_id } : {}),
    ...(message.subtype ? { subtype: message.subtype } : {}),
    ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.files ? { files: message.files, upload: false, display_as_bot: false } : {}),
    ...(message.attachments ? { attachments: message.attachments } : {}),
    ...(message.reactions.size > 0
      ? {
          reactions: [...message.reactions].map(([name, users]) => ({ name, users, count: users.length })),
        }
      : {}),
  };
}

export function eventCallback(
  team: Team,
  event: Record<string, unknown>,
  eventId: string,
): Record<string, unknown> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: team.teamId,
    ...(team.enterpriseId ? { enterprise_id: team.enterpriseId } : {}),
    api_app_id: team.apiAppId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: team.enterpriseId ?? null,
        team_id: team.orgInstall ? null : team.teamId,
        user_id: team.botUserId,
        is_bot: true,
        is_enterprise_install: team.orgInstall === true,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  };
}

/** `message` event for a stored message (subtype file_share when it carries files). */
export function messageEvent(message: StoredMessage): Record<string, unknown> {
  return {
    ...messageObject(message),
    ...(message.files && !message.subtype ? { subtype: 'file_share' } : {}),
    channel: message.channel,
    channel_type: message.channel.startsWith('D')
      ? 'im'
      : message.channel.startsWith('G')
        ? 'group'
        : 'channel',
    event_ts: message.ts,
  };
}

/** The `file_shared` event Slack sends beside the message event of every share. */
export function fileSharedEvent(file: SlackFileObject, channel: string, ts: string): Record<string, unknown> {
  return {
    type: 'file_shared',
    channel_id: channel,
    file_id: file.id,
    user_id: file.user,
    file: { id: file.id },
    event_ts: ts,
  };
}

export function reactionAddedEvent(fields: {
  user: string;
  reaction: string;
  channel: string;
  ts: string;
  itemUser?: string;
  eventTs: string;
}): Record<string, unknown> {
  return {
    type: 'reaction_added',
    user: fields.user,
    reaction: fields.reaction,
    item_user: fields.itemUser,
    item: { type: 'message', channel: fields.channel, ts: fields.ts },
    event_ts: fields.eventTs,
  };
}

/** The form fields of a slash command invocation (all strings, as Slack posts them). */
export function slashCommand(
  team: Team,
  fields: {
    command: string;
    text: string;
    channel: string;
    user: string;
    responseUrl: string;
    triggerId: string;
  },
): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: team.teamId,
    team_domain: team.domain,
    channel_id: fields.channel,
    channel_name: 'general',
    user_id: fields.user,
    user_name: 'someone',
    command: fields.command,
    text: fields.text,
    api_app_id: team.apiAppId,
    ...(team.enterpriseId ? { enterprise_id: team.enterpriseId } : {}),
    is_enterprise_install: String(team.orgInstall === true),
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId,
  };
}

export function messageShortcut(
  team: Team,
  fields: {
    callbackId: string;
    channel: string;
    user: string;
    message: Record<string, unknown>;
    responseUrl: string;
    triggerId: string;
  },
): Record<string, unknown> {
  return {
    type: 'message_action',
    token: VERIFICATION_TOKEN,
    action_ts: `${Date.now() / 1000}`,
    team: { id: team.teamId, domain: team.domain },
    user: { id: fields.user, username: 'someone', team_id: team.teamId, name: 'someone' },
    channel: { id: fields.channel, name: 'general' },
    is_enterprise_install: team.orgInstall === true,
    enterprise: team.enterpriseId ? { id: team.enterpriseId } : null,
    callback_id: fields.callbackId,
    trigger_id: fields.triggerId,
    response_url: fields.responseUrl,
    message_ts: fields.message.ts,
    message: fields.message,
  };
}

/** A button pressed on a message (`block_actions`), as Slack sends it to the app's interactivity URL. */
export function blockActions(
  team: Team,
  fields: {
    user: string;
    channel: string;
    message: Record<string, unknown>;
    actionId: string;
    responseUrl: string;
    triggerId: string;
    /** Seen by the presser alone (a response URL's ephemeral post). */
    ephemeral: boolean;
  },
): Record<string, unknown> {
  const ts = String(fields.message.ts);
  // Slack names the block the pressed button is in, as the message has it.
  const blocks = (fields.message.blocks ?? []) as Array<{ block_id?: string; elements?: unknown[] }>;
  const block = blocks.find((b) =>
    b.elements?.some((e) => (e as { action_id?: string }).action_id === fields.actionId),
  );
  return {
    type: 'block_actions',
    user: { id: fields.user, username: 'someone', name: 'someone', team_id: team.teamId },
    api_app_id: team.apiAppId,
    token: VERIFICATION_TOKEN,
    container: {
      type: 'message',
      message_ts: ts,
      channel_id: fields.channel,
      is_ephemeral: fields.ephemeral,
    },
    trigger_id: fields.triggerId,
    team: { id: team.teamId, domain: team.domain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: fields.channel, name: 'general' },
    message: fields.message,
    state: { values: {} },
    response_url: fields.responseUrl,
    actions: [
      {
        action_id: fields.actionId,
        block_id: block?.block_id ?? 'unnamed',
        text: { type: 'plain_text', text: 'button', emoji: true },
        type: 'button',
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}
