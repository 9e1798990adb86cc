import { describe, expect, it } from 'vitest';
import { actionId, parseActionId } from '../../src/pipeline/result-actions.js';

const ID = '6f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5';

describe('the ids on a result’s buttons', () => {
  it('round-trips each action, within Discord’s 100 characters for a custom_id', () => {
    for (const action of ['recheck', 'feedback', 'delete'] as const) {
      const id = actionId(action, ID);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(parseActionId(id)).toEqual({ action, resultId: ID });
    }
  });

  it.each([
    ['another prefix', `xx:r:${ID}`],
    ['an unknown action', `bm:x:${ID}`],
    ['a result id that is not one', 'bm:r:../../owed:1'],
    ['a result id with more after it', `bm:r:${ID}:extra`],
    ['something long', `bm:r:${'a'.repeat(200)}`],
    ['nothing', ''],
  ])('reads %s as no action at all', (_what, id) => {
    expect(parseActionId(id)).toBeUndefined();
  });
});
