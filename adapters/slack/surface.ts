/**
 * Everything the Slack app asks of a workspace, in one place: the slash command, the shortcut, the
 * events it subscribes to and the Web API methods it calls, each with the scope it needs. The
 * adapter calls Slack only through `SlackMethod` (see web.ts), and a test holds both manifests to
 * these lists, so the code, the manifests and the scopes a user grants cannot drift apart.
 */

export const SLASH_COMMAND = '/bitmind';
export const SHORTCUT_CALLBACK_ID = 'bitmind_check';
export const SHORTCUT_NAME = 'Check with BitMind';

/** Bot events and the scope each one needs. */
export const BOT_EVENTS = {
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.im': 'im:history',
  'message.mpim': 'mpim:history',
  reaction_added: 'reactions:read',
  // Subscribed so a file shared in a channel reaches us at all; the message event does the work.
  file_shared: 'files:read',
  // Needs no scope: Slack sends it to an app with a bot user and the Home tab on (the manifests' app_home).
  app_home_opened: null,
  // Need no scope: a workspace removed the app, or revoked its tokens (in distributed mode, that
  // workspace's installation and settings are deleted).
  app_uninstalled: null,
  tokens_revoked: null,
} as const;

const HISTORY_SCOPES = ['channels:history', 'groups:history', 'im:history', 'mpim:history'] as const;

/** Web API methods the bot token calls, with the bot scopes they need ([] when none). */
export const WEB_API_METHODS = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  // A result's Delete button, and the link a mod-log post gives to the original message.
  'chat.delete': ['chat:write'],
  'chat.getPermalink': [],
  'reactions.add': ['reactions:write'],
  'conversations.history': HISTORY_SCOPES,
  'conversations.replies': HISTORY_SCOPES,
  'files.info': ['files:read'],
  'users.info': ['users:read'],
  'views.publish': [],
} as const satisfies Record<string, readonly string[]>;

export type SlackMethod = keyof typeof WEB_API_METHODS;

/** The slash command and the shortcut need `commands`; the rest follows from the lists above. */
export const BOT_SCOPES: readonly string[] = [
  'commands',
  ...Object.values(BOT_EVENTS).filter((scope) => scope !== null),
  ...Object.values(WEB_API_METHODS).flat(),
]
  .filter((scope, i, all) => all.indexOf(scope) === i)
  .sort();

/** The app-level token (Socket Mode only) needs this scope for `apps.connections.open`. */
export const APP_TOKEN_SCOPE = 'connections:write';
