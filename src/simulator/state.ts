import type { ClientRegistry } from './clients.js';
import type { Limits } from './contract.js';
import type { FaultPlan } from './faults.js';
import type { RateLimiter } from './rate-limit.js';
import type { TokenIssuer } from './tokens.js';

/** What the endpoints share: one per running simulator. */
export interface SimState {
  readonly clients: ClientRegistry;
  readonly tokens: TokenIssuer;
  readonly limits: Limits;
  /** Scores asked for by content hash (`setScore`); they win over markers and the hash. */
  readonly scores: Map<string, number>;
  readonly faults: FaultPlan;
  readonly rateLimiter: RateLimiter;
  readonly region: string;
}
