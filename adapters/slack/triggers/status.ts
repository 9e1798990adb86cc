import { z } from 'zod';
import type { RecentCheck } from '../../../src/pipeline/recent.js';
import { t, type Locale } from '../../../src/i18n/i18n.js';
import type { SlackContext } from '../context.js';
import type { OutgoingMessage } from '../web.js';
import type { CommandCall } from './check-command.js';

const STATUS_TIMEOUT_MS = 5000;

const healthSchema = z.object({ status: z.string().optional(), region: z.string().optional() });

function problem(err: unknown): string {
  return err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : 'no answer';
}

async function healthLine(ctx: SlackContext, locale: Locale): Promise<string> {
  try {
    const health = healthSchema.parse(
      await ctx.deps.bitmind.health({ signal: AbortSignal.timeout(STATUS_TIMEOUT_MS) }),
    );
    const status = health.status ?? t(locale, 'slack.status.answering');
    return health.region
      ? t(locale, 'slack.status.healthRegion', { status, region: health.region })
      : t(locale, 'slack.status.health', { status });
  } catch (err) {
    return t(locale, 'slack.status.unreachable', { problem: problem(err) });
  }
}

async function permissionsLine(ctx: SlackContext, locale: Locale): Promise<string> {
  try {
    const p = await ctx.deps.bitmind.permissions({ signal: AbortSignal.timeout(STATUS_TIMEOUT_MS) });
    const mark = (ok: boolean) => (ok ? ':white_check_mark:' : ':no_entry_sign:');
    return t(locale, 'slack.status.allowed', {
      image: mark(p.image),
      video: mark(p.video),
      batch: mark(p.batch),
    });
  } catch (err) {
    return t(locale, 'slack.status.allowedUnknown', { problem: problem(err) });
  }
}

function recentLine(check: RecentCheck, locale: Locale): string {
  const when = Math.floor(check.at / 1000);
  const parts = [
    t(locale, 'slack.status.files', { count: check.files }),
    t(locale, 'slack.status.withEvidence', { count: check.flagged }),
  ];
  if (check.failed > 0) parts.push(t(locale, 'slack.status.notChecked', { count: check.failed }));
  return `   – <!date^${when}^{time}|${new Date(check.at).toISOString()}> · ${check.trigger} · ${parts.join(', ')}`;
}

/** `/bitmind status`: BitMind's health and permissions, this channel's auto-scan, recent checks here. */
export async function statusMessage(ctx: SlackContext, call: CommandCall): Promise<OutgoingMessage> {
  const { locale } = call;
  const [health, permissions, settings, recent] = await Promise.all([
    healthLine(ctx, locale),
    permissionsLine(ctx, locale),
    ctx.deps.settings.get({ platform: 'slack', workspace: call.teamId }, call.channelId),
    ctx.deps.pipeline.recent('slack', call.teamId),
  ]);
  const lines = [
    t(locale, 'slack.status.title'),
    health,
    permissions,
    settings.autoscan
      ? t(locale, 'slack.status.autoscanOn', { mode: settings.replyMode })
      : t(locale, 'slack.status.autoscanOff'),
    t(locale, 'slack.status.reaction', { emoji: settings.triggerReaction ?? ctx.slack.triggerReaction }),
    t(locale, recent.length > 0 ? 'slack.status.recent' : 'slack.status.noRecent'),
    ...recent.map((check) => recentLine(check, locale)),
  ];
  return { text: lines.join('\n') };
}
