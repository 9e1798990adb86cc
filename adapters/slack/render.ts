import type { types } from '@slack/bolt';
import {
  CAVEAT,
  ERROR_EMOJI,
  SIMULATED_MARK,
  describeItem,
  isFlagged,
  isSimulated,
  placeholderText,
  summaryLine,
  truncate,
} from '../../src/check/wording.js';
import type { ItemView, ReportView } from '../../src/domain/types.js';
import { BUTTON_LABELS } from '../../src/pipeline/moderation-wording.js';
import type { ReplyBody } from '../../src/pipeline/plan.js';
import { actionId, type ResultAction } from '../../src/pipeline/result-actions.js';
import type { OutgoingMessage } from './web.js';

type KnownBlock = types.KnownBlock;

/** Block Kit's own limits: 50 blocks a message, 3000 characters in a section's text. */
export const MAX_BLOCKS = 50;
export const MAX_SECTION_CHARS = 3000;
/** One section per file up to here; the rest are counted in one "and N more" section. */
export const MAX_FILE_SECTIONS = 40;
const MAX_NAME_CHARS = 80;
const MAX_DETAIL_CHARS = 500;

/** Slack reads &, < and > as markup (links, mentions); anything a user controls is escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A user-controlled string, shortened and escaped, fit to place inside mrkdwn. */
export function safeText(text: string, max = MAX_NAME_CHARS): string {
  return escapeMrkdwn(truncate(text.replace(/\s+/g, ' ').trim(), max));
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, MAX_SECTION_CHARS) } };
}

function context(lines: readonly string[]): KnownBlock {
  return { type: 'context', elements: lines.map((text) => ({ type: 'mrkdwn', text })) };
}

function requestedByLine(userId: string | undefined): string[] {
  return userId ? [`Requested by <@${userId}>`] : [];
}

export interface RenderOptions {
  /** Shown as "Requested by @user" (commands, shortcuts and reactions). */
  readonly requestedBy?: string;
  /** The result id its buttons carry: Recheck, Wrong result?, Delete. */
  readonly result?: string;
}

/** The buttons under a result; each id carries the action and the result (see result-actions.ts). */
export function resultActions(resultId: string): KnownBlock {
  const button = (action: ResultAction, style?: 'danger') => ({
    type: 'button' as const,
    action_id: actionId(action, resultId),
    text: { type: 'plain_text' as const, text: BUTTON_LABELS[action] },
    ...(style ? { style } : {}),
  });
  return {
    type: 'actions',
    block_id: 'bitmind_result',
    elements: [button('recheck'), button('feedback'), button('delete', 'danger')],
  };
}

export function renderPlaceholder(count: number, options: RenderOptions = {}): OutgoingMessage {
  const text = placeholderText(count);
  return {
    text,
    blocks: [
      section(`:hourglass_flowing_sand: ${text}`),
      ...optionalContext(requestedByLine(options.requestedBy)),
    ],
  };
}

function optionalContext(lines: readonly string[]): KnownBlock[] {
  return lines.length > 0 ? [context(lines)] : [];
}

function isVerdictView(item: ItemView): boolean {
  return !('error' in item);
}

function itemSection(item: ItemView): KnownBlock {
  const d = describeItem(item);
  const name = `*${safeText(d.name)}*`;
  const detail = safeText(d.detail, MAX_DETAIL_CHARS);
  const body = d.band ? `*${d.headline}* · ${detail}` : `${d.headline}: ${detail}`;
  return section(`:${d.slackEmoji}: ${name}\n${body}`);
}

function moreSection(rest: readonly ItemView[]): KnownBlock {
  const flagged = rest.filter(isFlagged).length;
  const failed = rest.filter((i) => !isVerdictView(i)).length;
  const parts = [`${flagged} with evidence of AI generation`];
  if (failed > 0) parts.push(`${failed} could not be checked`);
  return section(`…and ${rest.length} more ${rest.length === 1 ? 'file' : 'files'}: ${parts.join(', ')}.`);
}

/**
 * The verdict message: one section per file, the caveat, the simulated mark and who asked. A
 * `repeat` (a verdict posted again on a repeated trigger reaction) marks each verdict cached.
 */
export function renderReport(
  view: ReportView,
  options: RenderOptions & { readonly repeat?: boolean } = {},
): OutgoingMessage {
  const report: ReportView = options.repeat
    ? { ...view, items: view.items.map((i) => (isVerdictView(i) ? { ...i, cached: true } : i)) }
    : view;
  const shown = report.items.slice(0, MAX_FILE_SECTIONS);
  const rest = report.items.slice(MAX_FILE_SECTIONS);
  const blocks: KnownBlock[] = shown.map(itemSection);
  if (rest.length > 0) blocks.push(moreSection(rest));
  if (report.skipped > 0) {
    blocks.push(
      section(
        `${report.skipped} more ${report.skipped === 1 ? 'file was' : 'files were'} not checked: too many in one request.`,
      ),
    );
  }
  const notes = [CAVEAT];
  if (isSimulated(report)) notes.push(`:test_tube: ${SIMULATED_MARK}`);
  notes.push(...requestedByLine(options.requestedBy));
  blocks.push(context(notes));
  const actions = options.result ? [resultActions(options.result)] : [];
  return {
    text: escapeMrkdwn(summaryLine(report)),
    blocks: [...blocks.slice(0, MAX_BLOCKS - actions.length), ...actions],
  };
}

/** A whole request that could not be carried out, in plain words. */
export function renderFailure(message: string, options: RenderOptions = {}): OutgoingMessage {
  const text = `BitMind could not finish this check: ${message}`;
  return {
    text,
    blocks: [
      section(`:${ERROR_EMOJI.slack}: ${text}`),
      ...optionalContext(requestedByLine(options.requestedBy)),
    ],
  };
}

/** A reply's body: the report, or the whole check's failure (worded by the pipeline). */
export function renderBody(body: ReplyBody, options: RenderOptions = {}): OutgoingMessage {
  return body.kind === 'report'
    ? renderReport(body.report, { ...options, repeat: body.repeat })
    : renderFailure(body.text, options);
}
