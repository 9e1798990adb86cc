import type { RegisteredClient } from '../clients.js';
import type { Permission } from '../contract.js';
import type { Exchange } from '../http.js';
import type { SimState } from '../state.js';

/** An endpoint behind authentication, rate limiting and faults; the dispatcher runs those first. */
export interface ApiEndpoint {
  /** All of them are needed, else 403. */
  readonly permissions: readonly Permission[];
  /** Reads the request and says what a 200 carries, and how many body bytes it read (for latency). */
  run(ex: Exchange, state: SimState, client: RegisteredClient): Promise<{ body: unknown; bodyBytes: number }>;
}
