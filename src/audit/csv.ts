import type { AuditEntry } from './audit-log.js';

/** The export's columns, fixed: a spreadsheet or a script can rely on their order. */
export const CSV_HEADER = [
  'at',
  'type',
  'platform',
  'workspace',
  'channel',
  'result_id',
  'link',
  'asker',
  'trigger',
  'by',
  'item',
  'sha256',
  'kind',
  'band',
  'confidence',
  'error',
  'cached',
] as const;

type Row = Partial<Record<(typeof CSV_HEADER)[number], string | number | boolean>>;

/**
 * The rows of one entry: a check has one row per medium (`item` counts from 1), so every row is
 * flat; a check without media, a report and a deletion have one row each.
 */
function rowsOf(entry: AuditEntry): Row[] {
  const common: Row = {
    at: entry.at,
    type: entry.type,
    platform: entry.platform,
    workspace: entry.workspace,
    channel: entry.channel,
    result_id: entry.resultId,
  };
  if (entry.type === 'feedback') return [{ ...common, by: entry.by, band: entry.band }];
  if (entry.type === 'deletion') return [{ ...common, by: entry.by }];
  const check: Row = { ...common, link: entry.link, asker: entry.asker, trigger: entry.trigger };
  if (entry.items.length === 0) return [check];
  return entry.items.map((item, i) => ({ ...check, item: i + 1, ...item }));
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function field(value: string | number | boolean | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number | boolean | undefined)[]): string {
  return `${values.map(field).join(',')}\r\n`;
}

/** The CSV lines (CRLF-terminated, as RFC 4180 has them) of one entry. */
export function csvRows(entry: AuditEntry): string {
  return rowsOf(entry)
    .map((row) => csvLine(CSV_HEADER.map((column) => row[column])))
    .join('');
}
