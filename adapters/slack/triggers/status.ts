import { z } from 'zod';
import type { RecentCheck } from '../../../src/pipeline/recent.js';
import type { SlackContext } from '../context.js';
import type { OutgoingMessage } from '../web.js';

const STATUS_TIMEOUT_MS = 5000;

const healthSchema = z.object({ status: z.string().optional(), region: z.string().optional() });

function problem(err: unknown): string {
  return err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : 'no answer';
}

async function healthLine(ctx: SlackContext): Promise<string> {
  try {
    const health = healthSchema.parse(
      await ctx.deps.bitmind.health({ signal: AbortSignal.timeout(STATUS_TIMEOUT_MS) }),
    );
    return `• BitMind: ${health.status ?? 'answering'}${health.region ? ` (${health.region})` : ''}`;
  } catch (err) {
    return `• BitMind: :warning: unreachable (${problem(err)})`;
  }
}

async function permissionsLine(ctx: SlackContext): Promise<string> {
  try {
    const p = await ctx.deps.bitmind.permissions({ signal: AbortSignal.timeout(STATUS_TIMEOUT_MS) });
    const mark = (ok: boolean) => (ok ? ':white_check_mark:' : ':no_entry_sign:');
    return `• Allowed: images ${mark(p.image)}  videos ${mark(p.video)}  batches ${mark(p.batch)}`;
  } catch (err) {
    return `• Allowed: unknown (${problem(err)})`;
  }
}

function recentLine(check: RecentCheck): string {
  const when = Math.floor(check.at / 1000);
  const parts = [`${check.files} ${check.files === 1 ? 'file' : 'files'}`, `${check.flagged} with evidence`];
  if (check.failed > 0) parts.push(`${check.failed} not checked`);
  return `   – <!date^${when}^{time}|${new Date(check.at).toISOString()}> · ${check.trigger} · ${parts.join(', ')}`;
}

/** `/bitmind status`: BitMind's health and permissions, this channel's auto-scan, recent checks here. */
export async function statusMessage(
  ctx: SlackContext,
  teamId: string,
  channelId: string,
): Promise<OutgoingMessage> {
  const [health, permissions, settings, recent] = await Promise.all([
    healthLine(ctx),
    permissionsLine(ctx),
    ctx.deps.settings.get({ platform: 'slack', workspace: teamId }, channelId),
    ctx.deps.pipeline.recent('slack', teamId),
  ]);
  const lines = [
    '*BitMind status*',
    health,
    permissions,
    `• Auto-scan here: ${settings.autoscan ? `on (${settings.replyMode})` : 'off'}`,
    `• Trigger reaction: :${settings.triggerReaction ?? ctx.slack.triggerReaction}:`,
    recent.length > 0 ? '• Recent checks in this workspace:' : '• No recent checks in this workspace.',
    ...recent.map(recentLine),
  ];
  return { text: lines.join('\n') };
}
