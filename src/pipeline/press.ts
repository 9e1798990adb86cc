import type { AuditLog } from '../audit/audit-log.js';
import { DEFAULT_LOCALE, t, type Locale, type MessageKey } from '../i18n/i18n.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { StateStore } from '../state/store.js';
import { isFirstDelivery } from './deliveries.js';
import type { CheckJob } from './jobs.js';
import type { Modlog } from './modlog.js';
import type { PlatformPort } from './platform.js';
import { parseActionId, type ResultPress } from './result-actions.js';
import { RESULT_FOR_MS, type ResultRecord, type Results } from './results.js';

/** Who hears that a Recheck got no verdict, and in which language its reason is told. */
export interface RecheckFailed {
  readonly locale: Locale;
  tell(reason: string): Promise<void>;
}

export interface PressDeps {
  readonly state: StateStore;
  readonly results: Results;
  readonly modlog: Modlog;
  readonly audit: AuditLog;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly platform: (name: string) => PlatformPort;
  /** Runs a Recheck's job like any accepted check (tracked for shutdown); `failed` hears a failure instead of the result. */
  readonly recheck: (job: CheckJob, failed: RecheckFailed) => Promise<void>;
  /** The presser's language: what the press carried (Discord), else what their platform says of them. */
  readonly presserLocale: (press: ResultPress) => Promise<Locale>;
  readonly now: () => number;
}

/**
 * A button pressed on a result, decided once for every platform: the id is read and the result
 * found in the state store (so a press works on any instance and after a restart), the press is
 * checked against where the result really is, and then:
 * - Recheck runs the same media again past the verdict cache and edits the result in place;
 * - Wrong result? is recorded once per person (audit, metrics, mod log) and thanked privately;
 * - Delete removes the result, for the person who asked and for moderators; an auto-scan result,
 *   which nobody asked for, only for moderators (or its poster could hide the flag on their post);
 *   a verdict reposted for a second reaction, for whoever reacted that time (see pipeline `repost`).
 * Anything expired, forged or not allowed gets one private answer.
 */
export function createPressHandler(deps: PressDeps) {
  const { state, results, logger } = deps;

  return async function press(p: ResultPress): Promise<void> {
    const { place } = p;
    if (!(await isFirstDelivery(state, place.platform, p.deliveryKeys))) return;
    const port = deps.platform(place.platform);
    // The answers are the presser's alone, so they speak the presser's language.
    const locale = await deps.presserLocale(p);
    const say = (key: MessageKey, params?: Readonly<Record<string, string>>) =>
      port.answerPress(p, t(locale, key, params));
    const named = parseActionId(p.id);
    if (!named) {
      logger.warn({ platform: place.platform }, 'a button press with an id the bot never made; refused');
      await say('moderation.press.forged');
      return;
    }
    const record = await results.load(named.resultId);
    if (!record) {
      await say('moderation.press.expired');
      return;
    }
    const origin = record.job.trigger.place;
    if (
      origin.platform !== place.platform ||
      origin.workspace !== place.workspace ||
      origin.channel !== place.channel
    ) {
      logger.warn({ platform: place.platform }, 'a button press names a result of another place; refused');
      await say('moderation.press.forged');
      return;
    }
    switch (named.action) {
      case 'recheck':
        await deps.recheck(
          { ...record.job, mode: 'all', placeholder: p.result, recheckBy: p.user },
          { locale, tell: (reason) => say('moderation.press.recheckFailed', { reason }) },
        );
        return;
      case 'feedback':
        await say(await feedback(p, named.resultId, record));
        return;
      case 'delete':
        if (!mayDelete(p, record)) {
          await say('moderation.press.deleteRefused');
          return;
        }
        await port.removeResult(p);
        await results.forgetOne(named.resultId);
        await deps.audit.record({ ...auditBase(p, named.resultId), type: 'deletion', by: p.user });
        logger.info({ platform: place.platform, resultId: named.resultId }, 'a result was deleted');
        return;
    }
  };

  async function feedback(p: ResultPress, resultId: string, record: ResultRecord): Promise<MessageKey> {
    const first = await state.setIfAbsent(`feedback:${resultId}:${p.user}`, '1', RESULT_FOR_MS);
    if (!first) return 'moderation.press.feedbackAgain';
    const { band } = record;
    await deps.audit.record({
      ...auditBase(p, resultId),
      type: 'feedback',
      by: p.user,
      ...(band ? { band } : {}),
    });
    deps.metrics.feedback.inc({ band: band ?? 'none' });
    const { trigger } = record.job;
    await deps.modlog.post(p.place, (channel) => ({
      channel,
      kind: 'feedback',
      source: trigger.place,
      trigger: record.job.recheckBy ? 'recheck' : trigger.kind,
      asker: trigger.user,
      ...(trigger.kind === 'autoscan' ? { poster: trigger.user } : {}),
      ...(band ? { band } : {}),
      summary: record.summary,
      by: p.user,
      resultId,
      // The place's language, which the result's summary was kept in (results.ts) when it was made.
      locale: trigger.audienceLocale ?? p.audienceLocale ?? DEFAULT_LOCALE,
    }));
    return 'moderation.press.feedbackThanks';
  }

  function auditBase(p: ResultPress, resultId: string) {
    const { platform, workspace, channel } = p.place;
    return { at: new Date(deps.now()).toISOString(), platform, workspace, channel, resultId };
  }
}

/** A private answer offers no Delete (its reader dismisses it), so a press of one was made up. */
function mayDelete(p: ResultPress, record: ResultRecord): boolean {
  const { trigger } = record.job;
  if (trigger.private) return false;
  return p.moderator || (trigger.kind !== 'autoscan' && p.user === trigger.user);
}
