import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { AuditTrail } from '../audit/audit-log.js';
import { CSV_HEADER, csvLine, csvRows } from '../audit/csv.js';
import { openAuditTrail } from '../audit/open.js';
import { environmentWithDotEnv, loadConfig } from '../config.js';
import { UsageError, type Command, type CommandIO } from './command.js';
import { cliLogger } from './cli-logger.js';

const USAGE = `Usage: bitmind-bot audit export [--since DATE] [--until DATE] [--format jsonl|csv]
       bitmind-bot audit forget --platform slack|discord --workspace ID

export  Writes the audit trail (every check, "wrong result" report and deletion still within
        AUDIT_RETENTION_DAYS) to stdout, oldest first: one JSON object a line (jsonl, the default)
        or CSV with a header and one row per checked medium. DATE is an ISO 8601 date or time
        (2026-03-01, 2026-03-01T12:00:00Z); --since is inclusive, --until exclusive, so
        --since 2026-03-01 --until 2026-04-01 is March (UTC).
forget  Deletes the whole trail of one Slack workspace (T…) or Discord guild, as asked by its owner.

Reads the trail where the bot keeps it: Redis with REDIS_URL, else DATA_DIR/audit. See docs/privacy.md.

Exit status: 0 done, 2 for a usage or configuration error.`;

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

function dateOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!isoDate.safeParse(value).success)
    throw new UsageError(
      `--${name} must be an ISO 8601 date or time such as 2026-03-01 or 2026-03-01T12:00:00Z (got "${value}").`,
    );
  // A date alone is midnight UTC (Date.parse reads a date-only form as UTC).
  return Date.parse(value);
}

function options(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        since: { type: 'string' },
        until: { type: 'string' },
        format: { type: 'string', default: 'jsonl' },
        platform: { type: 'string' },
        workspace: { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : 'The options are not valid.');
  }
}

async function exportTrail(
  trail: AuditTrail,
  io: CommandIO,
  query: { since?: number; until?: number },
  csv: boolean,
) {
  if (csv) io.stdout.write(csvLine(CSV_HEADER));
  for await (const entry of trail.entries(query)) {
    const text = csv ? csvRows(entry) : `${JSON.stringify(entry)}\n`;
    // Respect a slow reader (a pipe to gzip, an ssh session): wait for the stream to drain.
    // (`once` rejects on the stream's error, as when the reader went away: `| head`).
    if (!io.stdout.write(text)) await once(io.stdout, 'drain');
  }
}

export const auditCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = options(args);
    const [verb, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}".`);
    let work: (trail: AuditTrail) => Promise<void>;
    if (verb === 'export') {
      if (values.platform !== undefined || values.workspace !== undefined)
        throw new UsageError('--platform and --workspace are for audit forget.');
      if (values.format !== 'jsonl' && values.format !== 'csv')
        throw new UsageError(`--format must be jsonl or csv (got "${values.format}").`);
      const since = dateOption('since', values.since);
      const until = dateOption('until', values.until);
      if (since !== undefined && until !== undefined && until <= since)
        throw new UsageError('--until must be later than --since.');
      const csv = values.format === 'csv';
      work = (trail) => exportTrail(trail, io, { since, until }, csv);
    } else if (verb === 'forget') {
      const { platform, workspace } = values;
      if (!platform || !workspace) throw new UsageError('audit forget needs --platform and --workspace.');
      work = async (trail) => {
        await trail.forget({ platform, workspace });
        io.stderr.write(`Deleted the audit trail of ${platform} workspace ${workspace}.\n`);
      };
    } else {
      throw new UsageError(
        verb === undefined ? 'Name what to do: export or forget.' : `Unknown audit command "${verb}".`,
      );
    }

    const config = loadConfig(environmentWithDotEnv(io.env));
    const trail = await openAuditTrail(config, cliLogger(io, config.logLevel));
    try {
      await work(trail);
    } catch (err) {
      // The reader went away (`| head`): what it wanted, it has.
      if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
    } finally {
      await trail.close();
    }
    return 0;
  },
};
