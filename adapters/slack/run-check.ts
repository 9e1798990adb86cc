import { randomUUID } from 'node:crypto';
import type { ReplyMode } from '../../src/config.js';
import {
  CheckError,
  isVerdict,
  type CheckReport,
  type CheckService,
  type MediaRef,
  type Trigger,
} from '../../src/domain/types.js';
import { isFlagged } from '../../src/check/wording.js';
import type { Logger } from '../../src/log.js';
import type { RecentChecks } from './recent.js';
import { renderFailure, renderPlaceholder, renderReport } from './render.js';
import type { Replier, ReplyTarget } from './reply.js';
import type { OutgoingMessage } from './web.js';

/** What auto-scan's quiet modes leave on a message instead of a reply. */
export const QUIET_REACTIONS = {
  flagged: 'warning',
  clear: 'white_check_mark',
  failed: 'grey_question',
} as const;

const GENERIC_FAILURE = 'something went wrong on our side. Please try again in a minute.';

export interface CheckJob {
  readonly trigger: Trigger;
  readonly teamId: string;
  /** Who asked (or, for auto-scan, who posted): the Checker's per-person budget counts this id. */
  readonly userId: string;
  readonly channelId: string;
  readonly target: ReplyTarget;
  /** How many files the placeholder announces. */
  readonly count: number;
  /** Builds the media once the placeholder is up: it may ask Slack for file details first. */
  readonly media: () => Promise<MediaRef[]>;
  /** Shown as "Requested by"; absent for auto-scan. */
  readonly requestedBy?: string;
}

/** The message a person reads when a whole check failed: our own errors' words, never internals. */
export function failureMessage(err: unknown): string {
  return err instanceof CheckError ? err.message : GENERIC_FAILURE;
}

/**
 * One check from trigger to reply. Whatever happens between the placeholder and the result, the
 * placeholder is replaced: with the verdicts, or with a clear error.
 */
export function createCheckRunner(deps: {
  checker: CheckService;
  replier: Replier;
  recent: RecentChecks;
  logger: Logger;
}) {
  const { checker, replier, recent, logger } = deps;

  async function check(job: CheckJob): Promise<CheckReport> {
    const report = await checker.check({
      id: `slack-${randomUUID()}`,
      trigger: job.trigger,
      requester: { platform: 'slack', userId: job.userId, channelId: job.channelId },
      media: await job.media(),
    });
    recent.record(job.teamId, report);
    return report;
  }

  /** Runs the check, turning any exception into a failure message. */
  async function outcome(job: CheckJob): Promise<CheckReport | { failure: string }> {
    try {
      return await check(job);
    } catch (err) {
      logger.error({ err, trigger: job.trigger }, 'Slack check failed');
      return { failure: failureMessage(err) };
    }
  }

  function render(
    result: CheckReport | { failure: string },
    requestedBy: string | undefined,
  ): OutgoingMessage {
    const options = { requestedBy };
    return 'failure' in result ? renderFailure(result.failure, options) : renderReport(result, options);
  }

  /** Placeholder, check, then the result in place of the placeholder. Returns the report, if any. */
  async function interactive(job: CheckJob): Promise<CheckReport | undefined> {
    const handle = await replier.begin(
      job.target,
      renderPlaceholder(job.count, { requestedBy: job.requestedBy }),
    );
    const result = await outcome(job);
    await replier.finish(handle, render(result, job.requestedBy));
    return 'failure' in result ? undefined : result;
  }

  return {
    interactive,

    /** Auto-scan: `all` replies like a command; `flagged` replies only to evidence or errors; `silent` only reacts. */
    async autoscan(job: CheckJob, mode: ReplyMode, messageTs: string): Promise<void> {
      if (mode === 'all') {
        await interactive(job);
        return;
      }
      const result = await outcome(job);
      const verdict = classify(result);
      if (mode === 'flagged' && verdict !== 'clear') {
        await replier.post(job.target, render(result, undefined));
      } else {
        await replier.react(job.channelId, messageTs, QUIET_REACTIONS[verdict]);
      }
    },

    /** A verdict given before, posted again on request (a repeated trigger reaction). */
    async repeat(target: ReplyTarget, report: CheckReport, requestedBy: string): Promise<void> {
      const items = report.items.map((item) => (isVerdict(item) ? { ...item, cached: true } : item));
      await replier.post(target, renderReport({ ...report, items }, { requestedBy }));
    },
  };
}

function classify(result: CheckReport | { failure: string }): keyof typeof QUIET_REACTIONS {
  if ('failure' in result) return 'failed';
  if (result.items.some(isFlagged)) return 'flagged';
  return result.items.some((i) => !isVerdict(i)) ? 'failed' : 'clear';
}

export type CheckRunner = ReturnType<typeof createCheckRunner>;
