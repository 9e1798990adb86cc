import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bandOf } from '../../src/check/wording.js';
import type { ReplyPlan } from '../../src/pipeline/plan.js';
import type { ChatTriggerKind } from '../../src/pipeline/trigger.js';
import { startDiscordDriver } from './discord.js';
import type { BehaviourDriver, Situation } from './driver.js';
import { startSlackDriver } from './slack.js';

/**
 * The behaviour table: every trigger kind in every situation, on every platform, through the real
 * adapters and their fakes. Each row says the plans the pipeline must decide, so a difference
 * between platforms is a failing row, not a surprise.
 */

/** A plan in a few words: what a person sees, without timings or names. */
function describePlan(plan: ReplyPlan): string {
  switch (plan.kind) {
    case 'nothing':
      return `nothing (${plan.reason})`;
    case 'refusal':
      return 'refusal';
    case 'reaction':
      return `mark ${plan.mark}`;
    case 'reply': {
      const how = plan.placeholder ? 'reply in place of the placeholder' : 'reply';
      if (plan.body.kind === 'failure') return `${how}: failure`;
      const items = plan.body.report.items.map((i) => ('error' in i ? i.error.code : bandOf(i.confidence)));
      return `${how}${plan.body.repeat ? ' (repeat)' : ''}: ${items.join(', ')}`;
    }
  }
}

const PLACED = 'reply in place of the placeholder';
const ASKED: ChatTriggerKind[] = ['command', 'shortcut', 'reaction'];

/** What each situation must give a person who asked, and auto-scan in `flagged` mode. */
const ROWS: Record<Situation, { asked?: string[]; autoscan?: string[]; kinds?: ChatTriggerKind[] }> = {
  flagged: { asked: [`${PLACED}: strong`], autoscan: ['reply: strong'] },
  clean: { asked: [`${PLACED}: little`], autoscan: ['mark clean'] },
  unsupported: { asked: [`${PLACED}: unsupported_type`], autoscan: ['reply: unsupported_type'] },
  too_large: { asked: [`${PLACED}: too_large`], autoscan: ['reply: too_large'] },
  download_refused: { asked: [`${PLACED}: download_failed`], autoscan: ['reply: download_failed'] },
  bitmind_down: { asked: [`${PLACED}: unavailable`], autoscan: ['reply: unavailable'] },
  budget_spent: { asked: [`${PLACED}: rate_limited`], autoscan: ['reply: rate_limited'] },
  // Auto-scan being off is a channel's choice about auto-scan only: people who ask are answered.
  autoscan_off: { asked: [`${PLACED}: strong`], autoscan: ['nothing (autoscan_off)'] },
  duplicate: {
    asked: [`${PLACED}: strong`, 'nothing (duplicate)'],
    autoscan: ['reply: strong', 'nothing (duplicate)'],
    kinds: ['command', 'shortcut', 'autoscan'],
  },
  repeated_reaction: {
    asked: [`${PLACED}: strong`, 'reply (repeat): strong', 'nothing (answered)'],
    kinds: ['reaction'],
  },
};

const drivers: BehaviourDriver[] = [];
beforeAll(async () => {
  drivers.push(await startSlackDriver(), await startDiscordDriver());
}, 60_000);
afterAll(async () => {
  await Promise.all(drivers.map((d) => d.close()));
});

const cases = (Object.entries(ROWS) as [Situation, (typeof ROWS)[Situation]][]).flatMap(([situation, row]) =>
  (row.kinds ?? [...ASKED, 'autoscan'])
    .map((kind) => ({ situation, kind, expected: kind === 'autoscan' ? row.autoscan : row.asked }))
    .filter((c): c is typeof c & { expected: string[] } => c.expected !== undefined),
);

describe('the behaviour table: the same plans on every platform', () => {
  it.each(cases)('$kind, $situation', async ({ kind, situation, expected }) => {
    for (const driver of drivers) {
      const plans = await driver.run(kind, situation);
      expect({ platform: driver.platform, plans: plans.map(describePlan) }).toEqual({
        platform: driver.platform,
        plans: expected,
      });
    }
  });
});
