import type { SlackContext } from './context.js';

/**
 * Who may change a channel's auto-scan: workspace admins and owners, and the users the operator
 * named in SLACK_ADMIN_USERS. When Slack cannot say, the answer is no.
 */
export async function mayManageAutoscan(ctx: SlackContext, teamId: string, userId: string): Promise<boolean> {
  if (ctx.slack.adminUsers.includes(userId)) return true;
  try {
    const user = await ctx.at(teamId).web.userInfo(userId);
    return user.is_admin === true || user.is_owner === true || user.is_primary_owner === true;
  } catch (err) {
    ctx.logger.warn({ err }, 'could not look up whether a user is a workspace admin');
    return false;
  }
}
