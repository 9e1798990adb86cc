import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { SlackContext } from '../context.js';
import type { Installed } from '../install/installation-store.js';
import { issuesOf } from '../schemas.js';

/**
 * app_uninstalled and tokens_revoked as Slack sends them: a workspace's, or a Grid organisation's
 * (`is_enterprise_install` in the authorizations). Bolt delivers both without authorising them,
 * since the tokens are already dead.
 */
const lifecycleSchema = z.object({
  team_id: z.string().nullish(),
  enterprise_id: z.string().nullish(),
  is_enterprise_install: z.boolean().nullish(),
  authorizations: z.array(z.object({ is_enterprise_install: z.boolean().nullish() })).nullish(),
  event: z.object({
    type: z.string(),
    tokens: z.object({ bot: z.array(z.string()).nullish() }).nullish(),
  }),
});

/** Deletes an installation and says which workspaces it covered. */
export type Uninstall = (installed: Installed) => Promise<string[]>;

/**
 * When a workspace removes the app (or revokes its bot token), its installation, settings,
 * budgets, reaction marks and recent checks go at once. In single-workspace mode there is no store
 * to clean: the operator hears that SLACK_BOT_TOKEN stopped working, and the settings stay.
 */
export function registerUninstall(app: App, ctx: SlackContext, uninstall: Uninstall | undefined): void {
  const handle = ({ body }: { body: unknown }): Promise<void> => {
    const parsed = lifecycleSchema.safeParse(body);
    if (!parsed.success) {
      ctx.logger.warn({ issues: issuesOf(parsed.error) }, 'Slack uninstall event not readable; ignored');
      return Promise.resolve();
    }
    const { event } = parsed.data;
    if (event.type === 'tokens_revoked' && !event.tokens?.bot?.length) return Promise.resolve();
    const installed: Installed = {
      teamId: parsed.data.team_id ?? undefined,
      enterpriseId: parsed.data.enterprise_id ?? undefined,
      isEnterpriseInstall:
        parsed.data.authorizations?.[0]?.is_enterprise_install ?? parsed.data.is_enterprise_install ?? false,
    };
    if (!uninstall) {
      ctx.logger.warn(
        { team: installed.teamId, event: event.type },
        'the Slack app was removed from its workspace: SLACK_BOT_TOKEN no longer works',
      );
      return Promise.resolve();
    }
    ctx.deps.tasks.run('slack uninstall', async () => {
      const teams = await uninstall(installed);
      for (const team of teams) await ctx.deps.pipeline.forget({ platform: 'slack', workspace: team });
      ctx.logger.info(
        { team: installed.teamId, enterprise: installed.enterpriseId, event: event.type, workspaces: teams },
        'Slack app removed: its installation and every workspace setting deleted',
      );
    });
    return Promise.resolve();
  };
  app.event('app_uninstalled', handle);
  app.event('tokens_revoked', handle);
}
