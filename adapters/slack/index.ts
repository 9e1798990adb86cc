/** The Slack adapter: Bolt in Socket Mode or HTTP mode, turning Slack triggers into checks. */
export { createSlackAdapter, type SlackAdapter, type SlackAdapterDeps } from './adapter.js';
export {
  APP_TOKEN_SCOPE,
  BOT_EVENTS,
  BOT_SCOPES,
  SHORTCUT_CALLBACK_ID,
  SHORTCUT_NAME,
  SLASH_COMMAND,
  WEB_API_METHODS,
  type SlackMethod,
} from './surface.js';
