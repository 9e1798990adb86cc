import { createHash } from 'node:crypto';
import oauth, { InvalidStateError, type StateStore as OAuthStateStore } from '@slack/oauth';
import type { Secret } from '../../../src/secret.js';
import type { StateStore } from '../../../src/state/store.js';

/** How long an install link stays good: Slack's own advice is minutes, Bolt's default ten. */
const STATE_TTL_SECONDS = 600;

/**
 * The install flow's `state`: Bolt's signed, time-limited state (SLACK_STATE_SECRET), used once.
 * Bolt's own check accepts the same state again until it expires; here the first redirect that
 * presents it marks it used in the pipeline's state store (shared in Redis mode), so a replayed
 * redirect is refused like a forged one.
 */
export function singleUseStateStore(stateSecret: Secret, state: StateStore): OAuthStateStore {
  // Node's ESM view of this CommonJS package lacks this re-export; the package object has it.
  const signed = new oauth.ClearStateStore(stateSecret.reveal(), STATE_TTL_SECONDS);
  return {
    generateStateParam: (options, now) => signed.generateStateParam(options, now),
    async verifyStateParam(now, param) {
      const options = await signed.verifyStateParam(now, param);
      const digest = createHash('sha256').update(param).digest('hex');
      if (!(await state.setIfAbsent(`slack-oauth-state:${digest}`, '1', STATE_TTL_SECONDS * 1000)))
        throw new InvalidStateError('this state was already used');
      return options;
    },
  };
}
