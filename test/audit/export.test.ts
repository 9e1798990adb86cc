import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit/audit-log.js';
import { CSV_HEADER } from '../../src/audit/csv.js';
import { useRedis } from '../helpers/redis.js';
import { runInProcess } from '../helpers/run-cli.js';
import { finalReply, pngScored, startSlackRig, type SlackRig } from '../slack/rig.js';

const redis = useRedis();
/** An entry as the script knows it in advance: all but its time and result id. */
type Scripted = AuditEntry extends infer E
  ? E extends AuditEntry
    ? Omit<E, 'at' | 'resultId'>
    : never
  : never;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The audit trail of a real bot (Bolt on the fake Slack, the real pipeline, the simulator), written
 * by a scripted sequence of checks and read back with `bitmind-bot audit export`, embedded and on
 * Redis: the export holds exactly the sequence, line for line, in both formats, and nothing a
 * record must never hold.
 */
describe.each([
  { mode: 'embedded', env: (): Record<string, string> => ({}) },
  {
    mode: 'redis',
    env: (): Record<string, string> => ({ REDIS_URL: redis.url, REDIS_PREFIX: `${redis.prefix}export:` }),
  },
])('audit export ($mode)', ({ mode, env }) => {
  let rig: SlackRig;
  let cliEnv: Record<string, string>;
  const flagged = pngScored(0.91);
  const clean = pngScored(0.2);
  const expected: Scripted[] = [];

  beforeAll(async () => {
    rig = await startSlackRig({ mode: 'socket', env: env() });
    cliEnv = { DATA_DIR: rig.core.dataDir, ...env() };
    const { slack } = rig;
    const alice = slack.users.alice.id;
    const team = { platform: 'slack', workspace: slack.workspace.teamId };
    const { general, random } = slack.channels;
    const link = (channel: string, ts: string) =>
      `${slack.origin}/archives/${channel}/p${ts.replace('.', '')}`;

    // 1. Auto-scan in #general finds strong evidence.
    await rig.connected.settings.update(team, general, { autoscan: true, replyMode: 'all' });
    const shared = await slack.shareFiles({
      channel: general,
      user: alice,
      files: [slack.addFile({ name: 'flagged.png', mimetype: 'image/png', bytes: flagged })],
    });
    await finalReply(slack, general, shared.message.ts);
    await rig.idle();
    expected.push({
      type: 'check',
      ...team,
      channel: general,
      link: link(general, shared.message.ts),
      asker: alice,
      trigger: 'autoscan',
      items: [{ sha256: sha(flagged), kind: 'image', band: 'strong', confidence: 0.91, cached: false }],
    });

    // 2. The admin reacts in #random to a message with a new image and the same one again (cached),
    //    and one Slack answers with a sign-in page (an error, with no hash: no bytes were read).
    const posted = slack.postMessage({
      channel: random,
      user: alice,
      files: [
        slack.addFile({ name: 'clean.png', mimetype: 'image/png', bytes: clean }),
        slack.addFile({ name: 'again.png', mimetype: 'image/png', bytes: flagged }),
        slack.addFile({ name: 'locked.png', mimetype: 'image/png', bytes: clean, servedAsHtml: true }),
      ],
    });
    await slack.react({ user: slack.users.admin.id, channel: random, ts: posted.ts, reaction: 'mag' });
    await finalReply(slack, random, posted.ts);
    await rig.idle();
    expected.push({
      type: 'check',
      ...team,
      channel: random,
      link: link(random, posted.ts),
      asker: slack.users.admin.id,
      trigger: 'reaction',
      items: [
        { sha256: sha(clean), kind: 'image', band: 'little', confidence: 0.2, cached: false },
        { sha256: sha(flagged), kind: 'image', band: 'strong', confidence: 0.91, cached: true },
        { kind: 'unknown', error: 'download_failed' },
      ],
    });

    // 3. A "wrong result?" report and a deletion, as the moderation actions record them.
    for (const entry of [
      { type: 'feedback', ...team, channel: general, resultId: 'r-1', by: alice, band: 'strong' },
      { type: 'deletion', ...team, channel: general, resultId: 'r-1', by: slack.users.admin.id },
    ] as const) {
      await rig.connected.audit.record({ ...entry, at: new Date().toISOString() });
      const { resultId: _, ...rest } = entry;
      expected.push(rest);
    }
  });

  afterAll(async () => {
    await rig?.close();
  });

  async function exported(...args: string[]) {
    const run = await runInProcess(['audit', 'export', ...args], cliEnv);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return run.stdout;
  }

  it('writes the sequence as JSON lines, one entry a line, oldest first', async () => {
    const lines = (await exported()).split('\n');
    expect(lines.pop()).toBe('');
    const entries = lines.map((l) => JSON.parse(l) as AuditEntry);
    expect(entries).toHaveLength(expected.length);
    entries.forEach((entry, i) => {
      const { at, resultId, ...rest } = entry;
      expect(rest).toEqual(expected[i]);
      expect(Date.parse(at)).toBeGreaterThan(Date.now() - 60_000);
      expect(resultId).toMatch(i < 2 ? /^[0-9a-f-]{36}$/ : /^r-1$/);
    });
    // The two checks are two results.
    expect(entries[0]?.resultId).not.toBe(entries[1]?.resultId);
  });

  it('writes the same sequence as CSV: a fixed header, then one row per medium', async () => {
    const entries = (await exported('--format', 'jsonl'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntry);
    const [first, second, report, deletion] = entries.map((e) => ({ at: e.at, id: e.resultId }));
    const { slack } = rig;
    const t = slack.workspace.teamId;
    const { general, random } = slack.channels;
    const [one, two] = expected as Array<Extract<AuditEntry, { type: 'check' }>>;
    const rows = [
      CSV_HEADER.join(','),
      `${first?.at},check,slack,${t},${general},${first?.id},${one?.link},${slack.users.alice.id},autoscan,,1,${sha(flagged)},image,strong,0.91,,false`,
      `${second?.at},check,slack,${t},${random},${second?.id},${two?.link},${slack.users.admin.id},reaction,,1,${sha(clean)},image,little,0.2,,false`,
      `${second?.at},check,slack,${t},${random},${second?.id},${two?.link},${slack.users.admin.id},reaction,,2,${sha(flagged)},image,strong,0.91,,true`,
      `${second?.at},check,slack,${t},${random},${second?.id},${two?.link},${slack.users.admin.id},reaction,,3,,unknown,,,download_failed,`,
      `${report?.at},feedback,slack,${t},${general},r-1,,,,${slack.users.alice.id},,,,strong,,,`,
      `${deletion?.at},deletion,slack,${t},${general},r-1,,,,${slack.users.admin.id},,,,,,,`,
      '',
    ];
    expect((await exported('--format', 'csv')).split('\r\n')).toEqual(rows);
  });

  it('keeps to --since (inclusive) and --until (exclusive)', async () => {
    const all = (await exported()).trim().split('\n');
    const at = (line: string | undefined) => (JSON.parse(line ?? '') as AuditEntry).at;
    // The second check's millisecond alone (entries recorded just after it may share it).
    const since = at(all[1]);
    const until = new Date(Date.parse(since) + 1).toISOString();
    const ranged = (await exported('--since', since, '--until', until)).trim().split('\n');
    expect(ranged[0]).toBe(all[1]);
    expect(ranged).toEqual(all.filter((line) => at(line) === since));
    expect((await exported('--since', since)).trim().split('\n')).toEqual(all.slice(1));
    expect(await exported('--until', '2000-01-01')).toBe('');
  });

  it('holds no token, no signing secret, no file name, no file URL and no byte of a file', async () => {
    const { slack } = rig;
    const stored = mode === 'embedded' ? await files(join(rig.core.dataDir, 'audit')) : await streams(rig);
    expect(stored.length).toBeGreaterThan(100);
    for (const secret of [
      slack.botToken,
      slack.appToken,
      slack.signingSecret,
      'xox',
      'files-pri',
      'url_private',
    ])
      expect(stored).not.toContain(secret);
    for (const name of ['flagged.png', 'clean.png', 'again.png', 'locked.png'])
      expect(stored).not.toContain(name);
    // The simulator's score marker travels in each file's trailing bytes; the PNG signature leads.
    expect(stored).not.toContain('bitmind-sim-score');
    expect(stored).not.toContain('PNG');
  });
});

async function files(dir: string): Promise<string> {
  const names = await readdir(dir);
  return (await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')))).join('\n');
}

async function streams(rig: SlackRig): Promise<string> {
  const { Redis } = await import('ioredis');
  const client = new Redis(redis.url);
  try {
    const keys = await client.keys(`${redis.prefix}export:audit:*`);
    const parts: string[] = [];
    for (const key of keys)
      for (const [id, fields] of await client.xrange(key, '-', '+')) parts.push(id, ...fields);
    expect(keys).toEqual([`${redis.prefix}export:audit:slack:${rig.slack.workspace.teamId}`]);
    return parts.join('\n');
  } finally {
    client.disconnect();
  }
}
