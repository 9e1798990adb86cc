import { describe, expect, it } from 'vitest';
import { createReactionRule } from '../../src/pipeline/reaction-rule.js';
import type { MediaSpec, Place } from '../../src/pipeline/trigger.js';
import { MemoryStateStore } from '../../src/state/memory-store.js';
import { exampleView } from '../helpers/reports.js';

const place: Place = { platform: 'slack', workspace: 'T1', channel: 'C1', message: '1.0' };
const media: MediaSpec[] = [{ source: 'platform', name: 'moon.png', locator: { id: 'F1' } }];

describe('the reaction rule’s mark', () => {
  it('keeps the media with the verdict, so the repost can be rechecked', async () => {
    const rule = createReactionRule(new MemoryStateStore());
    expect(await rule.decide(place)).toEqual({ kind: 'check' });
    const report = exampleView();
    await rule.settle(place, { report, media });
    expect(await rule.decide(place)).toEqual({ kind: 'repeat', report, media });
    expect(await rule.decide(place)).toEqual({ kind: 'nothing', reason: 'answered' });
  });

  it('reads a mark an older version wrote (the report alone) as answered: no repost without its media', async () => {
    const state = new MemoryStateStore();
    await state.set('reaction:slack:T1:C1:1.0', JSON.stringify(exampleView()), 60_000);
    expect(await createReactionRule(state).decide(place)).toEqual({ kind: 'nothing', reason: 'answered' });
  });
});
