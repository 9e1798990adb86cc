export { createDiscordAdapter } from './adapter.js';
export { commandDefinitions } from './commands.js';
export { BOT_PERMISSIONS, inviteUrl } from './invite.js';
