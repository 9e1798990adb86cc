import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log.js';
import { toItemError } from '../check/item-error.js';
import { abortable } from '../bitmind/index.js';
import { describeError, RESTARTING, summaryLine } from '../check/wording.js';
import { CheckError, viewOf, type CheckService, type MediaRef, type ReportView } from '../domain/types.js';
import type { Logger } from '../log.js';
import { urlMediaRef } from '../media/index.js';
import type { MediaFetcher } from '../media/types.js';
import type { Metrics } from '../metrics.js';
import type { Scope, SettingsStore } from '../settings/store.js';
import { StateUnavailableError } from '../state/redis-connection.js';
import type { StateStore } from '../state/store.js';
import { parseStored } from '../state/stored-json.js';
import type { WorkTracker } from '../work-tracker.js';
import { createAnsweredMarks } from './answered.js';
import { createPersonBudget } from './budget.js';
import { isCheckable } from './checkable.js';
import { isFirstDelivery } from './deliveries.js';
import { failureOf } from './failure.js';
import { DEFAULT_LOCALE, t, type Locale } from '../i18n/i18n.js';
import { createLocaleMemo, localeOf } from './locale.js';
import type { Acceptance } from '../domain/media-types.js';
import { checkEntry } from './audit-entry.js';
import { checkJobSchema, type CheckJob, type JobOutcome, type JobRunner } from './jobs.js';
import { finalPlan, reportBody, wantsPlaceholder } from './outcome.js';
import type { ReplyBody, ReplyPlan } from './plan.js';
import type { PlaceholderHandle, PlatformPort } from './platform.js';
import { createReactionRule, type Answered } from './reaction-rule.js';
import { createRecentChecks } from './recent.js';
import { createModlog } from './modlog.js';
import { createPressHandler, type RecheckFailed } from './press.js';
import { resultButtons, type ResultPress } from './result-actions.js';
import { createResults, strongestBand } from './results.js';
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
  /** Runs accepted checks; in this process when absent. */
  readonly jobs?: JobRunner;
  /** The audit trail: every finished check, "wrong result" report and deletion is recorded there. */
  readonly audit: AuditLog;
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
  const locales = createLocaleMemo(state);
  const answered = createAnsweredMarks(state);
  const results = createResults(state);
  const modlog = createModlog({ settings, state, logger, platform: options.platform });
  const jobs: JobRunner = options.jobs ?? {
    durable: false,
    submit: (job) => {
      tasks.run('check', async () => {
        await execute(job);
      });
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

  /** Delivers a plan; false when the platform refused it (the answer stays owed). */
  async function deliver(trigger: Trigger, plan: ReplyPlan, job?: CheckJob): Promise<boolean> {
    try {
      await options.platform(trigger.place.platform).deliver(trigger, plan, job?.placeholder);
      if (job?.placeholder && !jobs.durable) await state.delete(owedKey(job.id));
      return true;
    } catch (err) {
      // The adapter counted and logged the platform's refusal; a placeholder's answer stays owed.
      logger.warn({ err, platform: trigger.place.platform, plan: plan.kind }, 'answer not delivered');
      return false;
    }
  }

  /**
   * The asker's language, where the event did not carry it and someone will read the answer:
   * asked of the platform once the trigger is admitted, so ignored events cost no lookup.
   */
  async function withReaderLocale(trigger: Trigger): Promise<Trigger> {
    if (trigger.locale || trigger.kind === 'autoscan') return trigger;
    const locale = await readerLocale(trigger.place.platform, trigger.place.workspace, trigger.user);
    return locale ? { ...trigger, locale } : trigger;
  }

  /** A person's language, as their platform says (remembered a day); undefined when it says none. */
  async function readerLocale(
    platform: string,
    workspace: string,
    user: string,
  ): Promise<Locale | undefined> {
    const port = options.platform(platform);
    const lookUp = port.readerLocale?.bind(port);
    if (!lookUp) return undefined;
    try {
      return await locales.remember({ platform, workspace }, user, () => lookUp(workspace, user));
    } catch (err) {
      logger.warn({ err, platform }, 'the asker’s language could not be looked up; answering in the default');
      return undefined;
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
    trigger = await withReaderLocale(trigger);
    // While the bot drains for a restart nobody is kept waiting: auto-scan takes nothing new, silently.
    if (!tasks.accepting)
      return auto
        ? { kind: 'nothing', reason: 'restarting' }
        : { kind: 'refusal', text: t(localeOf(trigger), 'failure.restarting') };
    if (trigger.kind === 'reaction') {
      const decision = await reactions.decide(place);
      if (decision.kind === 'check') claimed();
      if (decision.kind === 'nothing') return decision;
      if (decision.kind === 'repeat') return repost(trigger, decision);
    }
    const media = given ?? takes((await port.messageMedia(place)) ?? []);
    if (media.length === 0) {
      if (trigger.kind === 'reaction') await reactions.settle(place, undefined);
      return { kind: 'nothing', reason: 'no_media' };
    }
    return { id: randomUUID(), trigger, media, mode: auto ? channel.replyMode : 'all' };
  }

  /**
   * A verdict posted again for a second trigger reaction is a result of its own, with its own
   * buttons: a new record whose check is this reaction's (so Delete is for whoever reacted this time,
   * and moderators) on the media the first check was about, kept with the mark (so Recheck checks
   * them again). A repost is no new check: it goes to neither the mod log nor the audit trail.
   */
  async function repost(trigger: Trigger, answered: Answered): Promise<ReplyPlan> {
    const job: CheckJob = { id: randomUUID(), trigger, media: answered.media, mode: 'all' };
    await results.save(job, answered.report);
    return {
      kind: 'reply',
      placeholder: false,
      body: reportBody(answered.report, true),
      result: resultButtons(job.id, false),
    };
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
      let placeholder: PlaceholderHandle | undefined;
      if (wantsPlaceholder(trigger.kind, job.mode)) {
        const port = options.platform(trigger.place.platform);
        placeholder = await port.placeholder(trigger, job.media.length);
        job = { ...job, placeholder };
      }
      try {
        // Owed until delivered: a crash or a hurried stop leaves it for the next start to answer.
        // A durable queue is its own owed list.
        if (placeholder && !jobs.durable) await state.set(owedKey(job.id), JSON.stringify(job), OWED_FOR_MS);
        await jobs.submit(job);
      } catch (err) {
        if (!placeholder) throw err;
        // The placeholder is up, and would say "Checking…" forever: the refusal goes in its place.
        await failInPlace(job, err);
        // Answered now: nothing after this may answer again. A mark left claimed expires by itself.
        if (claimedMessage)
          await reactions
            .settle(trigger.place, undefined)
            .catch((e: unknown) => logger.warn({ err: e }, 'a reaction mark could not be released'));
      }
    } catch (err) {
      if (claimedMessage) await reactions.settle(trigger.place, undefined);
      throw err;
    }
  }

  function open(spec: MediaSpec, trigger: Trigger): MediaRef {
    if (spec.source === 'link') return urlMediaRef(spec.url, options.fetcher);
    return options.platform(trigger.place.platform).open(spec, trigger.place);
  }

  /** A job that could not be queued answers with the reason in place of its placeholder. */
  async function failInPlace(job: CheckJob, err: unknown): Promise<void> {
    const { trigger } = job;
    const failure = failureOf(err, localeOf(trigger));
    logger[failure.level](
      { err, platform: trigger.place.platform, trigger: trigger.kind },
      'check not queued',
    );
    await answerFailure(job, failure.text);
  }

  /** Answers a job that will get no verdict with `text`, where its answer would have gone. */
  async function answerFailure(job: CheckJob, text: string): Promise<boolean> {
    const { trigger } = job;
    const plan = finalPlan(trigger.kind, job.mode, { kind: 'failure', text }, job.placeholder !== undefined);
    options.observe?.(trigger, plan);
    return deliver(trigger, plan, job);
  }

  /**
   * A job the durable queue gave up on (every run failed, or it stalled too often, as when the
   * media kill the instances that check them): its asker hears so, once, rather than being left
   * with "Checking…" for good.
   */
  async function abandon(job: CheckJob): Promise<void> {
    if (await answered.has(job.id)) return;
    if (job.trigger.kind === 'reaction')
      await reactions
        .settle(job.trigger.place, undefined)
        .catch((err: unknown) => logger.warn({ err }, 'a reaction mark could not be released'));
    if (!(await answerFailure(job, t(localeOf(job.trigger), 'failure.gaveUp')))) return;
    await answered.set(job.id);
    await audit(job, { error: 'gave_up' });
  }

  /**
   * Runs one accepted check and delivers its answer. Never throws: every path ends in a plan, or,
   * when `signal` aborts first (the instance hands its jobs back to a durable queue), in nothing
   * delivered. A durable queue may run a job twice; the answered mark keeps it to one answer.
   * `failed` (a Recheck's) is told when no verdict came instead, in the presser's language: the
   * result keeps its verdict and its buttons (BitMind down says nothing new about the media).
   */
  async function execute(job: CheckJob, signal?: AbortSignal, failed?: RecheckFailed): Promise<JobOutcome> {
    const { trigger } = job;
    const { place } = trigger;
    // A Recheck runs a job already answered again, on purpose, and in this process only.
    const once = jobs.durable && job.recheckBy === undefined;
    if (once && (await answered.has(job.id, signal))) return 'answered';
    let body: ReplyBody;
    let report: ReportView | undefined;
    let error: string | undefined;
    try {
      const wanted = Math.min(job.media.length, options.maxMedia);
      // A Recheck is the presser's request: on their budget, and past the verdict cache. Any other
      // job is charged once, however often it runs: its grant is kept under its id.
      const asker = job.recheckBy ?? trigger.user;
      const grant = await budget.take(place, asker, wanted, job.recheckBy === undefined ? job.id : undefined);
      const checking = options.checker.check(
        {
          id: job.id,
          trigger: trigger.kind,
          requester: { platform: place.platform, userId: asker, channelId: place.channel },
          media: job.media.map((spec) => open(spec, trigger)),
          budget: grant,
          ...(job.recheckBy !== undefined && { bypassCache: true }),
        },
        { signal },
      );
      // A check waiting on a BitMind call shared with other checks cannot drop out of it: let go.
      const result = await abortable(checking, signal);
      report = viewOf(result);
      body = reportBody(report);
      // A verdict stands even when `status` cannot hear of it (the shared state away for a moment).
      await recent
        .record(place, trigger.kind, report, now())
        .catch((err: unknown) => logger.warn({ err }, 'a check could not be added to the recent checks'));
    } catch (err) {
      if (signal?.aborted) return 'handed back';
      // A durable queue runs the job again once the shared state is back, rather than answer "try again".
      if (jobs.durable && err instanceof StateUnavailableError) return 'retry';
      // A Recheck's failure is told to its presser alone, so it speaks their language.
      const failure = failureOf(err, failed?.locale ?? localeOf(trigger));
      logger[failure.level]({ err, platform: place.platform, trigger: trigger.kind }, 'check failed');
      body = { kind: 'failure', text: failure.text };
      error = toItemError(err).code;
    }
    if (signal?.aborted) return 'handed back';
    // Another run of this job may have answered while this one checked (a stalled lock).
    if (once && (await answered.has(job.id))) return 'answered';
    const nothingNew = failed ? recheckFailure(body, failed.locale) : undefined;
    if (failed && nothingNew !== undefined) {
      await failed.tell(nothingNew);
      return 'answered';
    }
    // The answer goes out even when the message's mark cannot be updated; a mark left expires by itself.
    if (trigger.kind === 'reaction')
      await reactions
        .settle(place, report && { report, media: job.media })
        .catch((err: unknown) => logger.warn({ err }, 'a reaction mark could not be updated'));
    const buttons = resultButtons(job.id, trigger.private === true);
    const plan = finalPlan(trigger.kind, job.mode, body, job.placeholder !== undefined, buttons);
    options.observe?.(trigger, plan);
    if (report && plan.kind === 'reply' && plan.result) await results.save(job, report);
    // Side by side: the answer never waits for the mod log (neither throws).
    const [delivered] = await Promise.all([deliver(trigger, plan, job), report && postEvidence(job, report)]);
    if (!delivered) return 'retry';
    if (once) await answered.set(job.id);
    await audit(job, report ? { report } : { error: error ?? 'unavailable' });
    return 'answered';
  }

  /** Records a finished check in the audit trail; a trail that cannot be written never costs the answer. */
  async function audit(job: CheckJob, outcome: Parameters<typeof checkEntry>[1]): Promise<void> {
    const { place } = job.trigger;
    try {
      const link = options.platform(place.platform).messageLink?.(place);
      await options.audit.record(checkEntry(job, outcome, now(), link));
    } catch (err) {
      logger.warn({ err, platform: place.platform }, 'a check could not be recorded in the audit trail');
    }
  }

  /** A result with strong or some evidence, from any trigger, also goes to the mod log. */
  async function postEvidence(job: CheckJob, report: ReportView): Promise<void> {
    const band = strongestBand(report);
    if (band !== 'strong' && band !== 'some') return;
    const { trigger } = job;
    // Every moderator there reads it: the place's language, as for an auto-scan reply (Slack: English).
    const locale = trigger.audienceLocale ?? DEFAULT_LOCALE;
    await modlog.post(trigger.place, (channel) => ({
      channel,
      kind: 'result',
      source: trigger.place,
      trigger: job.recheckBy ? 'recheck' : trigger.kind,
      asker: job.recheckBy ?? trigger.user,
      ...(trigger.kind === 'autoscan' ? { poster: trigger.user } : {}),
      band,
      summary: summaryLine(report, locale),
      resultId: job.id,
      locale,
    }));
  }

  /** A button's presser's language: the press's own (Discord), else their platform's word for them. */
  async function presserLocale(p: ResultPress): Promise<Locale> {
    return p.locale ?? (await readerLocale(p.place.platform, p.place.workspace, p.user)) ?? DEFAULT_LOCALE;
  }

  const press = createPressHandler({
    state,
    results,
    modlog,
    audit: options.audit,
    metrics: options.metrics,
    logger,
    platform: options.platform,
    recheck: async (job, failed) => {
      // Refused, not run: a check cut off by the shutdown would replace the result with "restarting".
      if (!tasks.accepting) throw new CheckError('unavailable', RESTARTING);
      tasks.run('recheck', async () => {
        await execute(job, undefined, failed);
      });
      return Promise.resolve();
    },
    presserLocale,
    now,
  });

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
          const failure = failureOf(err, localeOf(trigger));
          logger[failure.level](
            { err, platform: trigger.place.platform, trigger: trigger.kind },
            'trigger failed',
          );
          if (trigger.kind !== 'autoscan') await answerNow(trigger, { kind: 'refusal', text: failure.text });
        }
      });
    },

    /**
     * A button pressed on a result (Recheck, Wrong result?, Delete), answered in the background;
     * never throwing (a failure is logged, and the presser hears the plain apology).
     */
    press(p: ResultPress): void {
      tasks.run(`${p.place.platform} button`, async () => {
        try {
          await press(p);
        } catch (err) {
          const failure = failureOf(err, await presserLocale(p));
          logger[failure.level]({ err, platform: p.place.platform }, 'button press failed');
          await options
            .platform(p.place.platform)
            .answerPress(p, failure.text)
            .catch((e: unknown) => logger.warn({ err: e }, 'could not answer a button press'));
        }
      });
    },

    /** Sets a workspace's mod log channel (undefined: off), remembering who set it. */
    setModlog: (scope: Scope, channel: string | undefined, by: string, locale: Locale) =>
      modlog.set(scope, channel, by, locale),

    /** A workspace's mod log channel, if any. */
    modlogChannel: (scope: Scope) => modlog.channel(scope),

    /** True for the first delivery of any of `keys` (commands that are not checks: help, status, settings). */
    isFirstDelivery: (platform: string, keys: readonly string[]) => isFirstDelivery(state, platform, keys),

    /**
     * The language to answer `user` in, for what an adapter answers itself (help, status,
     * refusals): the platform's word for them, remembered a day; English when it has none.
     */
    askerLocale: async (platform: string, workspace: string, user: string): Promise<Locale> =>
      (await readerLocale(platform, workspace, user)) ?? DEFAULT_LOCALE,

    /** The last checks of a workspace, newest first, for `status`. */
    recent: (platform: string, workspace: string) => recent.list(platform, workspace),

    /**
     * Answers the placeholders a previous run left (a crash, or answers it could not deliver in
     * time): each check runs again, from the cache where its bytes were judged.
     */
    async resume(): Promise<number> {
      // A durable queue is the owed list: its jobs outlive any instance, and one instance takes each.
      if (jobs.durable) return 0;
      const owed = await state.entries('owed:');
      for (const [key, value] of owed) {
        const job = parseStored(checkJobSchema, value);
        // Left owed until delivered, so a crash during this run leaves it for the next.
        if (job)
          tasks.run('owed answer', async () => {
            await execute(job);
          });
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
     * Discord guild left): its settings, budgets, reaction marks, recent checks and its people's
     * languages. Its audit trail stays until the retention ends it (a record of what the bot did is
     * what an operator needs after a removal); `bitmind-bot audit forget` deletes it on request
     * (docs/privacy.md).
     */
    async forget(scope: Scope): Promise<void> {
      await settings.forget(scope);
      await Promise.all([
        budget.forget(scope),
        reactions.forget(scope),
        recent.forget(scope),
        locales.forget(scope),
        modlog.forget(scope),
      ]);
      logger.info(
        { platform: scope.platform, workspace: scope.workspace },
        'forgot a workspace the bot left',
      );
    },

    /** Runs one job of a durable queue (its worker calls this). */
    execute,

    /** Answers a job the durable queue gave up on. */
    abandon,

    /** Resolves once every trigger accepted so far is answered (tests, and shutdown). */
    idle: () => tasks.idle(),
  };
}

/**
 * Why a Recheck learnt nothing, when no medium got a verdict (BitMind down, the presser's budget
 * spent, the files gone): then the result is better kept than replaced by the errors.
 */
function recheckFailure(body: ReplyBody, locale: Locale): string | undefined {
  if (body.kind === 'failure') return body.text;
  const { items } = body.report;
  const errors = items.flatMap((i) => ('error' in i ? [describeError(i.error, locale)] : []));
  return errors.length === items.length ? (errors[0] ?? '') : undefined;
}

function owedKey(jobId: string): string {
  return `owed:${jobId}`;
}

export type Pipeline = ReturnType<typeof createPipeline>;
