/** The embedded BitMind Enterprise API simulator: for local use and tests, never for the client itself. */
export { startSimulator } from './simulator.js';
export type { SimCredentials, Simulator, SimulatorOptions, SimulatorTls } from './simulator.js';
export type { SimClient } from './clients.js';
export { DOCUMENTED_LIMITS, PERMISSIONS } from './contract.js';
export type { Limits, MediaKind, Permission } from './contract.js';
export type { Fault, FaultSettings } from './faults.js';
export type { RateLimit } from './rate-limit.js';
export type { AuthMethod, SimRequestLog } from './request-log.js';
export { confidenceFor } from './score.js';
