import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { finalReply, pngScored, startSlackRig, type SlackRig } from '../slack/rig.js';

/**
 * Class 2 of issue 13, as Slack sees it: a burst of shares of large files into an auto-scan channel.
 * Each file is larger than a medium may hold in memory, so every one is spooled; the bounds are
 * shrunk so they are hit (3 downloads at once, 24 MB of temporary files) and BitMind is slow, so the
 * checks pile up behind it. The fake Slack counts its file downloads open at once; the spool is
 * measured on disk all through the burst; every share's delivery is acknowledged well within Slack's
 * 3 s, and every share gets exactly one reply.
 */
failOnStrayErrors();

const SHARES = 20;
const FILE_BYTES = 9 * 1024 * 1024;
const DOWNLOADS = 3;
const SPOOL_MB = 24;

let rig: SlackRig;
beforeAll(async () => {
  rig = await startSlackRig({
    mode: 'http',
    env: {
      DOWNLOAD_CONCURRENCY: String(DOWNLOADS),
      SPOOL_MAX_MB: String(SPOOL_MB),
      BITMIND_CONCURRENCY: '2',
    },
  });
  await rig.connected.settings.update(
    { platform: 'slack', workspace: rig.slack.workspace.teamId },
    rig.slack.channels.general,
    {
      autoscan: true,
      replyMode: 'all',
    },
  );
  rig.core.sim.setFaults({ latencyMs: 200 });
});
afterAll(() => rig?.close());

async function spoolBytes(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => []);
  const sizes = await Promise.all(
    names.map((n) =>
      stat(join(dir, n)).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

it('a burst of large shares stays within the download and disk bounds, acks each in time, and answers each once', async () => {
  const { slack } = rig;
  let peakSpool = 0;
  let bursting = true;
  const watching = (async () => {
    while (bursting) {
      peakSpool = Math.max(peakSpool, await spoolBytes(rig.core.checker.tempDir));
      await new Promise((r) => setTimeout(r, 10));
    }
  })();

  // Made before the burst, so the time to an acknowledgement is the bot's alone.
  const files = Array.from({ length: SHARES }, (_, i) =>
    slack.addFile({
      name: `big-${i}.png`,
      mimetype: 'image/png',
      bytes: Buffer.concat([pngScored(0.9), randomBytes(FILE_BYTES)]),
    }),
  );
  const shares = await Promise.all(
    files.map(async (file) => {
      const sent = Date.now();
      const shared = await slack.shareFiles({
        channel: slack.channels.general,
        user: slack.users.alice.id,
        files: [file],
      });
      return { ...shared, ackMs: Date.now() - sent };
    }),
  );
  for (const share of shares) for (const d of share.delivered) expect(d.status).toBe(200);
  // A bound far from what is expected (milliseconds): Slack retries a delivery not acked within 3 s.
  expect(Math.max(...shares.map((s) => s.ackMs))).toBeLessThan(3000);

  for (const share of shares) await finalReply(slack, slack.channels.general, share.message.ts, 60_000);
  await rig.idle();
  bursting = false;
  await watching;

  for (const share of shares)
    expect(slack.threadReplies(slack.channels.general, share.message.ts)).toHaveLength(1);
  expect(slack.web.peakDownloadsOpen).toBeGreaterThan(0);
  expect(slack.web.peakDownloadsOpen).toBeLessThanOrEqual(DOWNLOADS);
  expect(peakSpool).toBeLessThanOrEqual(SPOOL_MB * 1024 * 1024);
  expect(await spoolBytes(rig.core.checker.tempDir)).toBe(0);
}, 120_000);
