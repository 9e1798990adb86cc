import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log.js';
import { toItemError } from '../check/item-error.js';
import { RESTARTING } from '../check/wording.js';
import { viewOf, type CheckService, type MediaRef, type ReportView } from '../domain/types.js';
import type { Logger } from '../log.js';
import { urlMediaRef } from '../media/index.js';
import type { MediaFetcher } from '../media/types.js';
import type { Metrics } from '../metrics.js';
import type { Scope, SettingsStore } from '../settings/store.js';
import type { StateStore } from '../state/store.js';
import type { WorkTracker } from '../work-tracker.js';
import { createPersonBudget } from './budget.js';
import { isCheckable } from './checkable.js';
import { isFirstDelivery } from './deliveries.js';
import { failureOf } from './failure.js';
import type { Acceptance } from '../domain/media-types.js';
import { checkEntry } from './audit-entry.js';
import { checkJobSchema, type CheckJob, type JobRunner } from './jobs.js';
import { finalPlan, reportBody, wantsPlaceholder } from './outcome.js';
import type { ReplyBody, ReplyPlan } from './plan.js';
import type { PlatformPort } from './platform.js';
import { createReactionRule } from './reaction-rule.js';
import { createRecentChecks } from './recent.js';
import type { MediaSpec, Trigger } from './trigger.js';

/** A placeholder's answer is owed for a day: past that, nobody is waiting for it any more. */
const OWED_FOR_MS = 24 * 60 * 60 * 1000;

export interface PipelineOptions {
  /** The Checker, guarded by `tasks` so a shutdown refuses and cuts off checks. */
  readonly checker: CheckService;
  readonly settings: SettingsStore;
  readonly state: StateStore;
  readonly tasks: WorkTracker;
  readonly fetcher: MediaFetcher;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly maxMedia: number;
  /** The types this bot can check (BitMind's, and those it can convert): what auto-scan takes. */
  readonly accepts: Acceptance;
  readonly userChecksPerHour: number;
  /** The platform a trigger came from; the composition root knows them all. */
  readonly platform: (name: string) => PlatformPort;
  /** Where every finished check is recorded; nowhere when absent. */
  readonly audit?: AuditLog;
  /** Runs accepted checks; in this process when absent. */
  readonly jobs?: JobRunner;
  /** Told every plan as it is decided (the behaviour table, and metrics). */
  readonly observe?: (trigger: Trigger, plan: ReplyPlan) => void;
  readonly now?: () => number;
}

/**
 * A trigger's whole life, written once for every platform: de-duplication, settings and the
 * auto-scan mode, the reaction rule, which media are checkable, the per-person budget, the
 * placeholder, the check, the failure wording and its log level, recent checks, and the final
 * answer. Adapters parse events into `Trigger`s and deliver the `ReplyPlan`s decided here.
 */
export function createPipeline(options: PipelineOptions) {
  const { state, settings, tasks, logger } = options;
  const now = options.now ?? Date.now;
  const reactions = createReactionRule(state);
  const budget = createPersonBudget(state, options.userChecksPerHour, now);
  const recent = createRecentChecks(state);
  const jobs: JobRunner = options.jobs ?? {
    submit: (job) => {
      tasks.run('check', () => execute(job));
      return Promise.resolve();
    },
  };

  /** Delivers a plan decided before any check ran (a refusal, a repeat, silence). */
  async function answerNow(trigger: Trigger, plan: ReplyPlan): Promise<void> {
    options.observe?.(trigger, plan);
    if (plan.kind === 'nothing') {
      logger.debug(
        { platform: trigger.place.platform, kind: trigger.kind, reason: plan.reason },
        'trigger not answered',
      );
      return;
    }
    await deliver(trigger, plan);
  }

  async function deliver(trigger: Trigger, plan: ReplyPlan, job?: CheckJob): Promise<void> {
    try {
      await options.platform(trigger.place.platform).deliver(trigger, plan, job?.placeholder);
      if (job?.placeholder) await state.delete(owedKey(job.id));
    } catch (err) {
      // The adapter counted and logged the platform's refusal; a placeholder's answer stays owed.
      logger.warn({ err, platform: trigger.place.platform, plan: plan.kind }, 'answer not delivered');
    }
  }

  /** Everything decided before a check: may it run, and on which media. */
  async function admit(trigger: Trigger, claimed: () => void): Promise<CheckJob | ReplyPlan> {
    const { place } = trigger;
    const port = options.platform(place.platform);
    const auto = trigger.kind === 'autoscan';
    // What the trigger itself rules out comes first, before any write to the state store: most
    // messages land where auto-scan is off, and most reactions are not the trigger emoji.
    const channel = await settings.get(place, place.settingsChannel ?? place.channel);
    if (auto && !channel.autoscan) return { kind: 'nothing', reason: 'autoscan_off' };
    if (
      trigger.kind === 'reaction' &&
      !trigger.reaction?.includes(channel.triggerReaction ?? port.defaultTriggerReaction)
    )
      return { kind: 'nothing', reason: 'not_trigger_reaction' };
    const takes = (specs: readonly MediaSpec[]) =>
      auto ? specs.filter((spec) => isCheckable(spec, options.accepts)) : specs;
    const given = trigger.media && takes(trigger.media);
    if (given?.length === 0) return { kind: 'nothing', reason: 'no_media' };

    if (!(await isFirstDelivery(state, place.platform, trigger.deliveryKeys)))
      return { kind: 'nothing', reason: 'duplicate' };
    // While the bot drains for a restart nobody is kept waiting: auto-scan takes nothing new, silently.
    if (!tasks.accepting)
      return auto ? { kind: 'nothing', reason: 'restarting' } : { kind: 'refusal', text: RESTARTING };
    if (trigger.kind === 'reaction') {
      const decision = await reactions.decide(place);
      if (decision.kind === 'check') claimed();
      if (decision.kind === 'nothing') return decision;
      if (decision.kind === 'repeat')
        return { kind: 'reply', placeholder: false, body: reportBody(decision.report, true) };
    }
    const media = given ?? takes((await port.messageMedia(place)) ?? []);
    if (media.length === 0) {
      if (trigger.kind === 'reaction') await reactions.settle(place, undefined);
      return { kind: 'nothing', reason: 'no_media' };
    }
    return { id: randomUUID(), trigger, media, mode: auto ? channel.replyMode : 'all' };
  }

  async function accept(trigger: Trigger): Promise<void> {
    // A reaction that claimed its message must release it if anything fails before the check runs,
    // or the message would stay "being checked" for an hour and block every retry.
    let claimedMessage = false;
    try {
      const admitted = await admit(trigger, () => (claimedMessage = true));
      if (!('id' in admitted)) {
        await answerNow(trigger, admitted);
        return;
      }
      let job = admitted;
      if (wantsPlaceholder(trigger.kind, job.mode)) {
        const port = options.platform(trigger.place.platform);
        job = { ...job, placeholder: await port.placeholder(trigger, job.media.length) };
        // Owed until delivered: a crash or a hurried stop leaves it for the next start to answer.
        await state.set(owedKey(job.id), JSON.stringify(job), OWED_FOR_MS);
      }
      await jobs.submit(job);
    } catch (err) {
      if (claimedMessage) await reactions.settle(trigger.place, undefined);
      throw err;
    }
  }

  function open(spec: MediaSpec, trigger: Trigger): MediaRef {
    if (spec.source === 'link') return urlMediaRef(spec.url, options.fetcher);
    return options.platform(trigger.place.platform).open(spec, trigger.place);
  }

  /** Runs one accepted check and delivers its answer. Never throws: every path ends in a plan. */
  async function execute(job: CheckJob): Promise<void> {
    const { trigger } = job;
    const { place } = trigger;
    let body: ReplyBody;
    let report: ReportView | undefined;
    let error: string | undefined;
    try {
      const wanted = Math.min(job.media.length, options.maxMedia);
      const grant = await budget.take(place, trigger.user, wanted);
      const result = await options.checker.check({
        id: job.id,
        trigger: trigger.kind,
        requester: { platform: place.platform, userId: trigger.user, channelId: place.channel },
        media: job.media.map((spec) => open(spec, trigger)),
        budget: grant,
      });
      report = viewOf(result);
      body = reportBody(report);
      await recent.record(place, trigger.kind, report, now());
    } catch (err) {
      const failure = failureOf(err);
      logger[failure.level]({ err, platform: place.platform, trigger: trigger.kind }, 'check failed');
      body = { kind: 'failure', text: failure.text };
      error = toItemError(err).code;
    }
    if (trigger.kind === 'reaction') await reactions.settle(place, report);
    const plan = finalPlan(trigger.kind, job.mode, body, job.placeholder !== undefined);
    options.observe?.(trigger, plan);
    await deliver(trigger, plan, job);
    await audit(job, report ? { report } : { error: error ?? 'unavailable' });
  }

  /** Records a finished check in the audit trail; a trail that cannot be written never costs the answer. */
  async function audit(job: CheckJob, outcome: Parameters<typeof checkEntry>[1]): Promise<void> {
    if (!options.audit) return;
    const { place } = job.trigger;
    try {
      const link = options.platform(place.platform).messageLink?.(place);
      await options.audit.record(checkEntry(job, outcome, now(), link));
    } catch (err) {
      logger.warn({ err, platform: place.platform }, 'a check could not be recorded in the audit trail');
    }
  }

  return {
    /**
     * Takes a parsed trigger and answers it, in the background: tracked for shutdown, and never
     * throwing (a failure anywhere is logged once and, where someone asked, answered).
     */
    accept(trigger: Trigger): void {
      tasks.run(`${trigger.place.platform} ${trigger.kind}`, async () => {
        try {
          await accept(trigger);
        } catch (err) {
          const failure = failureOf(err);
          logger[failure.level](
            { err, platform: trigger.place.platform, trigger: trigger.kind },
            'trigger failed',
          );
          if (trigger.kind !== 'autoscan') await answerNow(trigger, { kind: 'refusal', text: failure.text });
        }
      });
    },

    /** True for the first delivery of any of `keys` (commands that are not checks: help, status, settings). */
    isFirstDelivery: (platform: string, keys: readonly string[]) => isFirstDelivery(state, platform, keys),

    /** The last checks of a workspace, newest first, for `status`. */
    recent: (platform: string, workspace: string) => recent.list(platform, workspace),

    /**
     * Answers the placeholders a previous run left (a crash, or answers it could not deliver in
     * time): each check runs again, from the cache where its bytes were judged.
     */
    async resume(): Promise<number> {
      const owed = await state.entries('owed:');
      for (const [key, value] of owed) {
        const job = parseJob(value);
        // Left owed until delivered, so a crash during this run leaves it for the next.
        if (job) tasks.run('owed answer', () => execute(job));
        else {
          logger.warn({ key }, 'an owed answer could not be read; dropped');
          await state.delete(key);
        }
      }
      if (owed.length > 0)
        logger.info({ owed: owed.length }, 'answering the placeholders a previous run left');
      return owed.length;
    },

    /**
     * Deletes everything kept about a workspace the bot was removed from (a Slack uninstall, a
     * Discord guild left): its settings, budgets, reaction marks and recent checks. Its audit
     * trail stays until the retention ends it (a record of what the bot did is what an operator
     * needs after a removal); `bitmind-bot audit forget` deletes it on request (docs/privacy.md).
     */
    async forget(scope: Scope): Promise<void> {
      await settings.forget(scope);
      await Promise.all([budget.forget(scope), reactions.forget(scope), recent.forget(scope)]);
      logger.info(
        { platform: scope.platform, workspace: scope.workspace },
        'forgot a workspace the bot left',
      );
    },

    /** Resolves once every trigger accepted so far is answered (tests, and shutdown). */
    idle: () => tasks.idle(),
  };
}

function parseJob(text: string): CheckJob | undefined {
  try {
    const parsed = checkJobSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function owedKey(jobId: string): string {
  return `owed:${jobId}`;
}

export type Pipeline = ReturnType<typeof createPipeline>;
