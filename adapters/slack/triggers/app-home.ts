import type { App } from '@slack/bolt';
import { activitySince } from '../../../src/audit/activity.js';
import type { Scope } from '../../../src/settings/store.js';
import { homeView, type AdminHome } from '../app-home.js';
import type { SlackContext } from '../context.js';
import { mayManageAutoscan } from '../permissions.js';
import { appHomeOpenedSchema, eventCallbackSchema, issuesOf } from '../schemas.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** What an admin's Home tab shows: read from the settings and the audit trail, never kept. */
async function adminHome(ctx: SlackContext, scope: Scope): Promise<AdminHome> {
  const [channels, workspace] = await Promise.all([
    ctx.deps.settings.channels(scope),
    ctx.deps.settings.workspace(scope),
  ]);
  let activity: AdminHome['activity'];
  try {
    activity = await activitySince(ctx.deps.audit, scope, Date.now() - WEEK_MS);
  } catch (err) {
    ctx.logger.warn({ err }, 'the audit trail could not be read for the App Home');
  }
  return { autoscan: channels.filter((c) => c.settings.autoscan), modlog: workspace.modlog, activity };
}

/**
 * The App Home's Home tab, published each time someone opens it: workspace admins (as for
 * auto-scan: permissions.ts) see the workspace's auto-scan channels, mod log and last week's
 * counts; everyone else sees how to use the bot.
 */
export function registerAppHome(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ body }) => {
    const envelope = eventCallbackSchema.safeParse(body);
    const parsed = appHomeOpenedSchema.safeParse(envelope.success ? envelope.data.event : undefined);
    if (!envelope.success || !parsed.success) {
      const error = envelope.success ? parsed.error : envelope.error;
      ctx.logger.warn({ issues: error ? issuesOf(error) : [] }, 'Slack App Home event not readable; ignored');
      return;
    }
    const { user, tab } = parsed.data;
    if (tab !== undefined && tab !== 'home') return;
    const team = envelope.data.team_id;
    const scope = { platform: 'slack', workspace: team };
    try {
      const admin = (await mayManageAutoscan(ctx, team, user)) ? await adminHome(ctx, scope) : undefined;
      // The tab is the viewer's alone: their language (users.info, remembered a day), else English.
      const locale = await ctx.deps.pipeline.askerLocale('slack', team, user);
      await ctx.at(team).web.publishHome(user, homeView(ctx.slack.triggerReaction, admin, locale));
    } catch (err) {
      ctx.logger.warn({ err }, 'the App Home could not be published');
    }
  });
}
