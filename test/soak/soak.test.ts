import { readdir } from 'node:fs/promises';
import type { APIMessage } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { ItemResult } from '../../src/domain/types.js';
import { startDiscordRig } from '../discord/rig.js';
import type { InteractionRecord } from '../fakes/discord/index.js';
import type { StoredMessage } from '../fakes/slack/index.js';
import { startCore } from '../helpers/core.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { waitFor } from '../helpers/wait.js';
import {
  checkRequest,
  isClearError,
  isTrueVerdict,
  memoryRef,
  scoreFor,
  uniqueScoredPng,
} from '../reliability/support.js';
import { blockText, startSlackRig } from '../slack/rig.js';
import { startFaultMix, type FaultCounts, type FaultMixOptions } from './fault-mix.js';

failOnStrayErrors();

const CHECKS = 5000;
const WARM_UP = 500;
/** Chat requests under way at once, as many people asking together. */
const IN_FLIGHT = 16;
const PER_ADAPTER = 200;
const MIX: FaultMixOptions = { serverErrors: 0.1, rateLimited: 0.05, rateLimitClump: 4, resets: 0.02 };
/** The adapter shares last seconds, not minutes: tokens are revoked every 2 s so expiry still bites. */
const ADAPTER_MIX: FaultMixOptions = { ...MIX, revokeEveryMs: 2000 };
/** Quick retries (the 429s carry Retry-After: 1), quiet logs (warnings only: the log is kept in memory). */
const ENV = {
  BITMIND_RETRY_ATTEMPTS: '4',
  BITMIND_RETRY_MAX_SECONDS: '30',
  BITMIND_RETRY_AFTER_DEFAULT_SECONDS: '1',
  BITMIND_CONCURRENCY: '4',
  BITMIND_RATE_LIMIT: '100000',
  LOG_LEVEL: 'warn',
};

/** Every number of the run, printed at the end for docs/RELIABILITY.md. */
const summary: Record<string, unknown> = {};
afterAll(() => {
  console.log(`soak summary ${JSON.stringify(summary, null, 2)}`);
});

type Outcome = 'verdict' | 'error' | 'wrong';

/** Tallies answers per trigger: none is lost, none answered twice, none untrue or unclear. */
class Tally {
  readonly answers: number[];
  readonly outcomes: Record<Outcome, number> = { verdict: 0, error: 0, wrong: 0 };
  readonly wrong: string[] = [];
  constructor(readonly total: number) {
    this.answers = new Array<number>(total).fill(0);
  }
  record(index: number, outcome: Outcome, detail: () => string): void {
    this.answers[index]! += 1;
    this.outcomes[outcome] += 1;
    if (outcome === 'wrong' && this.wrong.length < 5) this.wrong.push(detail());
  }
  get lost(): number {
    return this.answers.filter((n) => n === 0).length;
  }
  get duplicated(): number {
    return this.answers.filter((n) => n > 1).length;
  }
  report(faults: FaultCounts) {
    return { triggers: this.total, ...this.outcomes, lost: this.lost, duplicated: this.duplicated, faults };
  }
  expectWhole(): void {
    expect(this.wrong).toEqual([]);
    expect(this.lost).toBe(0);
    expect(this.duplicated).toBe(0);
    expect(this.outcomes.verdict).toBeGreaterThan(this.total * 0.9);
  }
}

/** Runs `task(0..count-1)`, at most `limit` at a time. */
async function pool(count: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Heap and RSS after full collections (the soak config passes --expose-gc). */
async function memory(): Promise<{ heapUsed: number; rss: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

describe('soak: checks under a fault mix (10% 5xx, 5% 429, 2% resets, tokens expiring)', () => {
  it(`${CHECKS} checks through the Checker: none lost, none twice, every answer true or clear, no leak`, async () => {
    const started = Date.now();
    // Tokens live 20 s; the client renews them at half-life, and any that slips through is a 401.
    const core = await startCore({ env: ENV, simulator: { tokenTtlSeconds: 20 } });
    const mix = startFaultMix(core.sim, MIX);
    const tally = new Tally(CHECKS);
    let items = 0;
    const errorCodes: Record<string, number> = {};
    const errorMessages = new Set<string>();
    // Every tenth request carries three images, so batches (and their positions) are under fault too.
    const check = async (i: number) => {
      const scores = i % 10 === 0 ? [scoreFor(i), scoreFor(i + 1), scoreFor(i + 2)] : [scoreFor(i)];
      const media = scores.map((score, n) => memoryRef(`${i}-${n}.png`, uniqueScoredPng(score)));
      const report = await core.checker.check(checkRequest(media, i % 3 === 0 ? 'autoscan' : 'command'));
      items += report.items.length;
      for (const item of report.items)
        if ('error' in item) {
          errorCodes[item.error.code] = (errorCodes[item.error.code] ?? 0) + 1;
          errorMessages.add(item.error.message);
        }
      const judged = report.items.map((item: ItemResult, n): Outcome => {
        if (isTrueVerdict(item, scores[n]!)) return 'verdict';
        return isClearError(item) ? 'error' : 'wrong';
      });
      const outcome = judged.includes('wrong') ? 'wrong' : judged.includes('verdict') ? 'verdict' : 'error';
      tally.record(i, report.items.length === media.length ? outcome : 'wrong', () =>
        JSON.stringify(report.items),
      );
    };
    try {
      await pool(WARM_UP, IN_FLIGHT, check);
      const warm = await memory();
      await pool(CHECKS - WARM_UP, IN_FLIGHT, (i) => check(i + WARM_UP));
      const faults = mix.stop();
      const end = await memory();
      const leftover = await readdir(core.checker.tempDir);
      Object.assign(summary, {
        checker: {
          ...tally.report(faults),
          media: items,
          errorCodes,
          errorMessages: [...errorMessages],
          tokensIssued: core.sim.tokensIssued,
          tempFilesLeft: leftover.length,
          heapAfterWarmUpMb: mb(warm.heapUsed),
          heapAtEndMb: mb(end.heapUsed),
          heapGrowthMb: mb(end.heapUsed - warm.heapUsed),
          rssGrowthMb: mb(end.rss - warm.rss),
          gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
          seconds: Math.round((Date.now() - started) / 1000),
        },
      });
      tally.expectWhole();
      expect(faults.serverErrors).toBeGreaterThan(0);
      expect(faults.rateLimited).toBeGreaterThan(0);
      expect(faults.resets).toBeGreaterThan(0);
      expect(core.sim.tokensIssued).toBeGreaterThan(1);
      expect(leftover).toEqual([]);
      expect(end.heapUsed - warm.heapUsed).toBeLessThan(30 * 1024 * 1024);
    } finally {
      mix.stop();
      await core.close();
    }
  });

  it(`${PER_ADAPTER} Slack triggers (Socket Mode): each gets exactly one reply, true or clear`, async () => {
    const started = Date.now();
    const rig = await startSlackRig({ mode: 'socket', env: ENV });
    const mix = startFaultMix(rig.core.sim, ADAPTER_MIX);
    const { slack } = rig;
    const channel = slack.channels.general;
    const messages: StoredMessage[] = [];
    try {
      await pool(PER_ADAPTER, 8, async (i) => {
        const file = slack.addFile({
          name: `${i}.png`,
          mimetype: 'image/png',
          bytes: uniqueScoredPng(scoreFor(i)),
        });
        const message = slack.postMessage({ channel, user: slack.users.alice.id, files: [file] });
        messages[i] = message;
        await slack.shortcut({ user: slack.users.alice.id, channel, message });
      });
      const isFinal = (m: StoredMessage) => !/^Checking \d+ files?…$/.test(m.text);
      await waitFor(() => messages.every((m) => slack.threadReplies(channel, m.ts).some(isFinal)), {
        what: 'a final reply to every trigger',
        timeoutMs: 60_000,
        intervalMs: 200,
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const faults = mix.stop();
      const tally = new Tally(PER_ADAPTER);
      messages.forEach((message, i) => {
        for (const reply of slack.threadReplies(channel, message.ts)) {
          const text = blockText(reply);
          const outcome: Outcome = !isFinal(reply)
            ? 'wrong'
            : text.includes(`${Math.round(scoreFor(i) * 100)}%`)
              ? 'verdict'
              : /Could not check/.test(text)
                ? 'error'
                : 'wrong';
          tally.record(i, outcome, () => text);
        }
      });
      summary.slack = { ...tally.report(faults), seconds: Math.round((Date.now() - started) / 1000) };
      tally.expectWhole();
    } finally {
      mix.stop();
      await rig.close();
    }
  });

  it(`${PER_ADAPTER} Discord slash commands: each gets exactly one answer, true or clear`, async () => {
    const started = Date.now();
    const rig = await startDiscordRig(ENV);
    const mix = startFaultMix(rig.core.sim, ADAPTER_MIX);
    const { fake } = rig;
    const interactions: InteractionRecord[] = [];
    try {
      await pool(PER_ADAPTER, 8, async (i) => {
        interactions[i] = fake.slashCommand({
          channelId: fake.channels.general.id,
          user: fake.users.alice,
          name: 'bitmind',
          path: ['check'],
          options: {
            media: { name: `${i}.png`, bytes: uniqueScoredPng(scoreFor(i)), contentType: 'image/png' },
          },
        });
        await waitFor(() => fake.interactionCalls(interactions[i]!).length > 0, { what: 'the deferral' });
      });
      const answers = (interaction: InteractionRecord) =>
        fake.interactionCalls(interaction).filter((c) => c.method === 'PATCH' && c.status === 200);
      await waitFor(() => interactions.every((i) => answers(i).length > 0), {
        what: 'an answer to every command',
        timeoutMs: 60_000,
        intervalMs: 200,
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const faults = mix.stop();
      const tally = new Tally(PER_ADAPTER);
      interactions.forEach((interaction, i) => {
        for (const answer of answers(interaction)) {
          const body = answer.body as Partial<APIMessage>;
          const text = `${body.content ?? ''} ${JSON.stringify(body.embeds ?? [])}`;
          const outcome: Outcome = text.includes(`${Math.round(scoreFor(i) * 100)}%`)
            ? 'verdict'
            : /Could not check/.test(text)
              ? 'error'
              : 'wrong';
          tally.record(i, outcome, () => text);
        }
        // A follow-up message would be a second answer.
        const followUps = fake.interactionCalls(interaction).filter((c) => c.method === 'POST').length;
        if (followUps !== 1) tally.record(i, 'wrong', () => `${followUps} POSTs for interaction ${i}`);
      });
      summary.discord = { ...tally.report(faults), seconds: Math.round((Date.now() - started) / 1000) };
      tally.expectWhole();
    } finally {
      mix.stop();
      await rig.close();
    }
  });
});
