import type { PlatformModule } from '../../src/adapter.js';
import { slackConfigOf, slackConfigSlice } from './config.js';

/** Slack as the composition root sees it: its settings, and Bolt loaded only when it runs. */
export const slackPlatform: PlatformModule = {
  name: 'slack',
  config: slackConfigSlice,
  howToEnable:
    'set SLACK_BOT_TOKEN, and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode), or SLACK_CLIENT_ID and the rest of distributed mode; app manifests in manifest/, setup in docs/slack.md',
  describe(config) {
    const slack = slackConfigOf(config);
    if (slack?.install)
      return 'Slack for many workspaces (HTTP mode: POST /slack/events, GET /slack/install)';
    return `Slack in ${slack?.mode === 'http' ? 'HTTP mode (POST /slack/events)' : 'Socket Mode'}`;
  },
  async create(deps) {
    return (await import('./adapter.js')).createSlackAdapter(deps);
  },
  async doctor(config, options) {
    return (await import('./doctor-section.js')).slackDoctorSection(config, options);
  },
};
