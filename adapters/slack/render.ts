import type { types } from '@slack/bolt';
import {
  ERROR_EMOJI,
  caveat,
  describeItem,
  isFlagged,
  isSimulated,
  placeholderText,
  simulatedMark,
  summaryLine,
  truncate,
} from '../../src/check/wording.js';
import { DEFAULT_LOCALE, t, type Locale } from '../../src/i18n/i18n.js';
import type { ItemView, ReportView } from '../../src/domain/types.js';
import { BUTTON_KEYS } from '../../src/pipeline/result-actions.js';
import type { ReplyBody } from '../../src/pipeline/plan.js';
import { actionId, type ResultAction, type ResultButtons } from '../../src/pipeline/result-actions.js';
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

function requestedByLine(options: RenderOptions): string[] {
  const user = options.requestedBy;
  return user ? [t(options.locale ?? DEFAULT_LOCALE, 'reply.requestedBy', { user })] : [];
}

export interface RenderOptions {
  /** Shown as "Requested by @user" (commands, shortcuts and reactions). */
  readonly requestedBy?: string;
  /** The language of the message; English when absent. */
  readonly locale?: Locale;
  /** The result's buttons (Recheck, Wrong result?, Delete) and the result id they carry. */
  readonly result?: ResultButtons;
  /** Posted through a response URL: its buttons' block says so (see `RESULT_BLOCK`). */
  readonly viaUrl?: boolean;
}

/**
 * The block of a result's buttons, which a press names (`block_id`): a result posted through a
 * response URL, in a channel the bot is not in, can be replaced or deleted only through the
 * response URL of a press on it, not with chat.update or chat.delete. The message carries this
 * itself, so a press is understood on any instance and after a restart.
 */
export const RESULT_BLOCK = { posted: 'bitmind_result', viaUrl: 'bitmind_result_url' } as const;

/** The buttons under a result; each id carries the action and the result (see result-actions.ts). */
export function resultActions(
  buttons: ResultButtons,
  locale: Locale = DEFAULT_LOCALE,
  viaUrl = false,
): KnownBlock {
  const button = (action: ResultAction) => ({
    type: 'button' as const,
    action_id: actionId(action, buttons.id),
    text: { type: 'plain_text' as const, text: t(locale, BUTTON_KEYS[action]) },
    ...(action === 'delete' ? { style: 'danger' as const } : {}),
  });
  const block_id = viaUrl ? RESULT_BLOCK.viaUrl : RESULT_BLOCK.posted;
  return { type: 'actions', block_id, elements: buttons.actions.map(button) };
}

export function renderPlaceholder(count: number, options: RenderOptions = {}): OutgoingMessage {
  const text = placeholderText(count, options.locale);
  return {
    text,
    blocks: [section(`:hourglass_flowing_sand: ${text}`), ...optionalContext(requestedByLine(options))],
  };
}

function optionalContext(lines: readonly string[]): KnownBlock[] {
  return lines.length > 0 ? [context(lines)] : [];
}

function isVerdictView(item: ItemView): boolean {
  return !('error' in item);
}

function itemSection(item: ItemView, locale: Locale): KnownBlock {
  const d = describeItem(item, locale);
  const name = `*${safeText(d.name)}*`;
  const detail = safeText(d.detail, MAX_DETAIL_CHARS);
  const body = d.band ? `*${d.headline}* · ${detail}` : t(locale, 'reply.couldNotCheck', { detail });
  return section(`:${d.slackEmoji}: ${name}\n${body}`);
}

function moreSection(rest: readonly ItemView[], locale: Locale): KnownBlock {
  const flagged = rest.filter(isFlagged).length;
  const failed = rest.filter((i) => !isVerdictView(i)).length;
  const counts = { count: rest.length, flagged, failed };
  return section(t(locale, failed > 0 ? 'reply.moreFailed' : 'reply.more', counts));
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
  const locale = options.locale ?? DEFAULT_LOCALE;
  const shown = report.items.slice(0, MAX_FILE_SECTIONS);
  const rest = report.items.slice(MAX_FILE_SECTIONS);
  const blocks: KnownBlock[] = shown.map((item) => itemSection(item, locale));
  if (rest.length > 0) blocks.push(moreSection(rest, locale));
  if (report.skipped > 0) blocks.push(section(t(locale, 'reply.skipped', { count: report.skipped })));
  const notes = [caveat(locale)];
  if (isSimulated(report)) notes.push(`:test_tube: ${simulatedMark(locale)}`);
  notes.push(...requestedByLine(options));
  blocks.push(context(notes));
  const actions = options.result ? [resultActions(options.result, options.locale, options.viaUrl)] : [];
  return {
    text: escapeMrkdwn(summaryLine(report, locale)),
    blocks: [...blocks.slice(0, MAX_BLOCKS - actions.length), ...actions],
  };
}

/** A whole request that could not be carried out, in plain words. */
export function renderFailure(message: string, options: RenderOptions = {}): OutgoingMessage {
  const text = t(options.locale ?? DEFAULT_LOCALE, 'failure.finish', { message });
  return {
    text,
    blocks: [section(`:${ERROR_EMOJI.slack}: ${text}`), ...optionalContext(requestedByLine(options))],
  };
}

/** A reply's body: the report, or the whole check's failure (worded by the pipeline). */
export function renderBody(body: ReplyBody, options: RenderOptions = {}): OutgoingMessage {
  return body.kind === 'report'
    ? renderReport(body.report, { ...options, repeat: body.repeat })
    : renderFailure(body.text, options);
}
