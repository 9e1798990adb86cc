import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplyPlan } from '../../src/pipeline/plan.js';
import type { ChatTriggerKind } from '../../src/pipeline/trigger.js';
import type { BehaviourDriver, Situation } from '../behaviour/driver.js';
import { startSlackDriver } from '../behaviour/slack.js';

/** A plan in a few words: `reply+placeholder:0.95`, `reply:too_large`, `repeat:0.95`, `nothing:duplicate`… */
function brief(plan: ReplyPlan): string {
  switch (plan.kind) {
    case 'nothing':
      return `nothing:${plan.reason}`;
    case 'refusal':
      return 'refusal';
    case 'reaction':
      return `mark:${plan.mark}`;
    case 'reply': {
      const { body } = plan;
      const what =
        body.kind === 'failure'
          ? 'failure'
          : body.report.items.map((i) => ('error' in i ? i.error.code : String(i.confidence))).join(',');
      const head =
        body.kind === 'report' && body.repeat ? 'repeat' : plan.placeholder ? 'reply+placeholder' : 'reply';
      return `${head}:${what}`;
    }
  }
}

const asked = (kind: ChatTriggerKind) => (kind === 'autoscan' ? 'reply' : 'reply+placeholder');

/** What Slack must decide for each row: the rules of issue 12, the same as Discord's. */
function expected(kind: ChatTriggerKind, situation: Situation): string[] {
  const r = asked(kind);
  switch (situation) {
    case 'flagged':
      return [`${r}:0.95`];
    case 'clean':
      return kind === 'autoscan' ? ['mark:clean'] : [`${r}:0.05`];
    case 'unsupported':
      return [`${r}:unsupported_type`];
    case 'too_large':
      return [`${r}:too_large`];
    case 'download_refused':
      return [`${r}:download_failed`];
    case 'bitmind_down':
      return [`${r}:unavailable`];
    case 'budget_spent':
      return [`${r}:rate_limited`];
    case 'autoscan_off':
      return kind === 'autoscan' ? ['nothing:autoscan_off'] : [`${r}:0.95`];
    case 'duplicate':
      return [`${r}:0.95`, 'nothing:duplicate'];
    case 'repeated_reaction':
      return ['reply+placeholder:0.95', 'repeat:0.95', 'nothing:answered'];
  }
}

const SITUATIONS: Situation[] = [
  'flagged',
  'clean',
  'unsupported',
  'too_large',
  'download_refused',
  'bitmind_down',
  'budget_spent',
  'autoscan_off',
  'duplicate',
  'repeated_reaction',
];
const KINDS: ChatTriggerKind[] = ['command', 'shortcut', 'autoscan', 'reaction'];
const ROWS = KINDS.flatMap((kind) =>
  SITUATIONS.filter((s) => s !== 'repeated_reaction' || kind === 'reaction').map((s) => [kind, s] as const),
);

describe('the behaviour table on Slack (the driver the shared table runs)', () => {
  let driver: BehaviourDriver;
  beforeAll(async () => {
    driver = await startSlackDriver();
  });
  afterAll(() => driver?.close());

  it.each(ROWS)('%s × %s', async (kind, situation) => {
    expect((await driver.run(kind, situation)).map(brief)).toEqual(expected(kind, situation));
  });

  it('refuses a combination that cannot happen, clearly', async () => {
    await expect(driver.run('command', 'repeated_reaction')).rejects.toThrow(/reaction situation/);
  });
});
