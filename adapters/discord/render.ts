import {
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { BUTTON_KEYS } from '../../src/pipeline/result-actions.js';
import { actionId, type ResultAction, type ResultButtons } from '../../src/pipeline/result-actions.js';
import { isVerdict } from '../../src/domain/types.js';
import type { ItemView, ReportView } from '../../src/domain/types.js';
import type { ReplyBody } from '../../src/pipeline/plan.js';
import type { Trigger } from '../../src/pipeline/trigger.js';
import {
  caveat,
  describeBand,
  describeItem,
  isSimulated,
  simulatedMark,
  summaryLine,
  truncate,
} from '../../src/check/wording.js';
import { DEFAULT_LOCALE, t, type Locale } from '../../src/i18n/i18n.js';
import { localeOf } from '../../src/pipeline/locale.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const EMBED_LIMITS = {
  embeds: 10,
  fields: 25,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
} as const;

/** Room kept for the "…and N more" line, so adding it never breaks the total. */
const MORE_NOTE_ROOM = 120;
const NEUTRAL_COLOUR = 0x808080;

export interface RenderedReply {
  readonly embeds: APIEmbed[];
  readonly components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** The buttons under a result; each custom_id carries the action and the result (see result-actions.ts). */
export function resultComponents(
  buttons: ResultButtons,
  locale: Locale = DEFAULT_LOCALE,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const button = (action: ResultAction): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: action === 'delete' ? ButtonStyle.Danger : ButtonStyle.Secondary,
    label: t(locale, BUTTON_KEYS[action]),
    custom_id: actionId(action, buttons.id),
  });
  return [{ type: ComponentType.ActionRow, components: buttons.actions.map(button) }];
}

/** User-controlled text (file names, links, error details) shown literally, on one line. */
export function plain(text: string, max: number): string {
  return truncate(escapeMarkdown(text.replace(/\s+/g, ' ').trim()), max);
}

function itemField(item: ItemView, locale: Locale): APIEmbedField {
  const d = describeItem(item, locale);
  return {
    name: truncate(`${d.emoji} ${plain(d.name, EMBED_LIMITS.fieldName)}`, EMBED_LIMITS.fieldName),
    value: truncate(
      `**${d.headline}**\n${plain(d.detail, EMBED_LIMITS.fieldValue)}`,
      EMBED_LIMITS.fieldValue,
    ),
  };
}

/** The strongest band's colour; grey when nothing could be checked. */
function colourOf(report: ReportView): number {
  const confidences = report.items.filter(isVerdict).map((i) => i.confidence);
  return confidences.length > 0 ? describeBand(Math.max(...confidences)).colour : NEUTRAL_COLOUR;
}

function size(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * A report as embeds: colour by the strongest band, one field per file (band, likelihood, time,
 * cached, or the error in plain words), who asked, the caveat, and the simulated mark. Files that
 * would break Discord's limits (25 fields an embed, 10 embeds, 6,000 characters) are summed up as
 * "…and N more" instead.
 */
export function renderReport(
  report: ReportView,
  askedBy: string,
  repeat = false,
  locale: Locale = DEFAULT_LOCALE,
): RenderedReply {
  const colour = colourOf(report);
  const footer = caveat(locale);
  const lines = [
    isSimulated(report) ? `**${simulatedMark(locale)}**` : undefined,
    askedBy,
    repeat ? t(locale, 'reply.repeat') : undefined,
  ].filter(Boolean);
  const first: APIEmbed = {
    title: plain(summaryLine(report, locale), EMBED_LIMITS.title),
    description: truncate(lines.join('\n'), EMBED_LIMITS.description - MORE_NOTE_ROOM),
    color: colour,
    fields: [],
  };
  const embeds = [first];
  let used = size(first) + footer.length + MORE_NOTE_ROOM;
  let shown = 0;
  for (const field of report.items.map((item) => itemField(item, locale))) {
    const cost = field.name.length + field.value.length;
    let current = embeds[embeds.length - 1]!;
    if (used + cost > EMBED_LIMITS.total) break;
    if (current.fields!.length === EMBED_LIMITS.fields) {
      if (embeds.length === EMBED_LIMITS.embeds) break;
      current = { color: colour, fields: [] };
      embeds.push(current);
    }
    current.fields!.push(field);
    used += cost;
    shown += 1;
  }
  const hidden = report.items.length - shown;
  if (hidden > 0) first.description += `\n${t(locale, 'reply.hidden', { count: hidden })}`;
  embeds[embeds.length - 1]!.footer = { text: footer };
  return { embeds };
}

/** A reply body as embeds: the report (with its buttons, when given), or the failure in plain words. */
export function renderBody(
  body: ReplyBody,
  askedBy: string,
  locale: Locale = DEFAULT_LOCALE,
  result?: ResultButtons,
): RenderedReply {
  if (body.kind !== 'report') return renderProblem(body.text, askedBy, locale);
  const rendered = renderReport(body.report, askedBy, body.repeat, locale);
  return result ? { ...rendered, components: resultComponents(result, locale) } : rendered;
}

/** How a reply names who asked, and how: a mention, which never pings (replies allow no mentions). */
export function askedBy(trigger: Trigger): string {
  const locale = localeOf(trigger);
  const who = `<@${trigger.user}>`;
  if (trigger.kind === 'autoscan') return t(locale, 'reply.autoscanOf', { who });
  const emoji = trigger.reaction?.at(-1);
  return trigger.kind === 'reaction' && emoji
    ? t(locale, 'reply.askedWith', { who, emoji })
    : t(locale, 'reply.askedBy', { who });
}

/** A failure the person who asked can read: what went wrong in plain words, never a stack trace. */
export function renderProblem(
  message: string,
  askedBy?: string,
  locale: Locale = DEFAULT_LOCALE,
): RenderedReply {
  const description = [plain(message, 1000), askedBy].filter(Boolean).join('\n');
  return { embeds: [{ title: t(locale, 'failure.title'), description, color: NEUTRAL_COLOUR }] };
}
