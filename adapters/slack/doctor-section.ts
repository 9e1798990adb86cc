import type { DoctorOptions } from '../../src/adapter.js';
import type { Config } from '../../src/config.js';
import type { Section } from '../../src/doctor/checklist.js';
import { slackConfigOf } from './config.js';
import { probeSlack } from './doctor.js';
import { APP_TOKEN_SCOPE, BOT_SCOPES } from './surface.js';

/** The doctor's Slack section, for the mode configured. */
export function slackDoctorSection(config: Config, options: DoctorOptions): Promise<Section> {
  const slack = slackConfigOf(config);
  if (!slack) throw new Error('the doctor asked about Slack, which is not configured');
  return probeSlack({
    slack,
    store: config,
    port: config.port,
    requiredScopes: BOT_SCOPES,
    appTokenScope: APP_TOKEN_SCOPE,
    manifest: slack.mode === 'socket' ? 'manifest/slack.yaml' : 'manifest/slack-http.yaml',
    ...options,
  });
}
