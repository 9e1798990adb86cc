import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';
import { ClientRegistry, type SimClient } from './clients.js';
import {
  DOCUMENTED_LIMITS,
  PERMISSIONS,
  TOKEN_TTL_SECONDS,
  type Limits,
  type Permission,
} from './contract.js';
import { FaultPlan, type Fault, type FaultSettings } from './faults.js';
import { HttpError, sendError, type Exchange } from './http.js';
import { RateLimiter, type RateLimit } from './rate-limit.js';
import { logEntryFor, type SimRequestLog } from './request-log.js';
import { dispatch } from './routes.js';
import { isValidScore } from './score.js';
import type { SimState } from './state.js';
import { TokenIssuer } from './tokens.js';

export interface SimulatorTls {
  readonly key: string;
  readonly cert: string;
  /** Client certificates must chain to this CA; it is also the default `mtlsCa`. */
  readonly ca: string;
  /** Default true: a handshake without a certificate from `ca` fails. False lets it through (logged). */
  readonly requireClientCert?: boolean;
}

export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: any free port (read `url`). */
  readonly port?: number;
  /** Serve https with client-certificate verification instead of http. */
  readonly tls?: SimulatorTls;
  /** A CA whose certificates (sent in X-Client-Cert) every mTLS client accepts. Default: `tls.ca`. */
  readonly mtlsCa?: string;
  /** Default 3600, as documented. */
  readonly tokenTtlSeconds?: number;
  readonly rateLimit?: RateLimit;
  readonly latencyMs?: number;
  readonly latencyPerMbMs?: number;
  readonly errorRate?: number;
  /** Test-only smaller caps; default the documented ones. */
  readonly limits?: Partial<Limits>;
  /** Gets one debug line per request (no secrets); silent without one. */
  readonly logger?: Logger;
  /** Clients beside the three defaults (`credentials`). */
  readonly clients?: readonly SimClient[];
  /** Reported by /health and /status. Default "local-simulator". */
  readonly region?: string;
}

/** Ready-to-use credentials of the three default clients, which have every permission. */
export interface SimCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Accepts certificates from `addMtlsClient`, `SimulatorOptions.clients`, or issued by the mTLS CA. */
  readonly mtlsClientId: string;
  /** `enterprise-...`. */
  readonly apiKey: string;
}

export interface Simulator {
  /** `http://127.0.0.1:<port>` (or https), no trailing slash. */
  readonly url: string;
  readonly credentials: SimCredentials;
  /** Every request so far, oldest first; entries fill in as their request progresses. */
  readonly requests: readonly SimRequestLog[];
  /** Tokens issued since start (revoked ones included). */
  readonly tokensIssued: number;
  clearLog(): void;
  /** Queues scripted answers; see `Fault` for which request each one meets. */
  next(...faults: Fault[]): void;
  setFaults(settings: FaultSettings): void;
  setPermissions(clientId: string, permissions: readonly Permission[]): void;
  /** The confidence to report for content with this SHA-256 (hex); wins over markers. */
  setScore(sha256Hex: string, confidence: number): void;
  addClient(client: SimClient): void;
  /** Registers a certificate (PEM) for an mTLS client: the default one, or `clientId` (created if new). */
  addMtlsClient(certPem: string, clientId?: string): void;
  /** Every token issued so far gets 401 from now on. */
  revokeTokens(): void;
  /** Closes every connection, stalled ones included; calling it again is harmless. */
  close(): Promise<void>;
}

function defaultClients(): { clients: SimClient[]; credentials: SimCredentials } {
  const credentials: SimCredentials = {
    clientId: 'sim-oauth-client',
    clientSecret: `sim-secret-${randomBytes(16).toString('hex')}`,
    mtlsClientId: 'sim-mtls-client',
    apiKey: `enterprise-sim-${randomBytes(16).toString('hex')}`,
  };
  const clients: SimClient[] = [
    {
      id: credentials.clientId,
      name: 'Simulator OAuth client',
      auth: 'oauth',
      secret: credentials.clientSecret,
    },
    { id: credentials.mtlsClientId, name: 'Simulator mTLS client', auth: 'mtls' },
    { id: 'sim-apikey-client', name: 'Simulator API key client', auth: 'apikey', apiKey: credentials.apiKey },
  ];
  return { clients, credentials };
}

function listenUrl(server: Server, secure: boolean): string {
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return `${secure ? 'https' : 'http'}://${host}:${port}`;
}

/** Starts a BitMind Enterprise API simulator on loopback (by default), following bitmind-api.md. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const { clients: defaults, credentials } = defaultClients();
  const registry = new ClientRegistry(options.mtlsCa ?? options.tls?.ca);
  for (const client of [...defaults, ...(options.clients ?? [])]) registry.add(client);

  const faults = new FaultPlan();
  faults.configure(options);
  const state: SimState = {
    clients: registry,
    tokens: await TokenIssuer.create(
      'urn:bitmind-bot:simulator',
      options.tokenTtlSeconds ?? TOKEN_TTL_SECONDS,
    ),
    limits: { ...DOCUMENTED_LIMITS, ...options.limits },
    scores: new Map(),
    faults,
    rateLimiter: new RateLimiter(options.rateLimit),
    region: options.region ?? 'local-simulator',
  };
  const log: SimRequestLog[] = [];
  const { logger } = options;

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const entry = logEntryFor(req, (req.url ?? '/').split('?')[0] ?? '/');
    log.push(entry);
    const ex: Exchange = { req, res, entry };
    const started = performance.now();
    res.once('close', () => {
      const { method, path, status, clientId, authMethod } = entry;
      const ms = Math.round(performance.now() - started);
      logger?.debug({ method, path, status, clientId, authMethod, ms }, 'simulator request');
    });
    // Marks every answer as simulated, so nothing downstream mistakes it for a real verdict.
    res.setHeader('x-bitmind-simulator', '1');
    dispatch(ex, state).catch((err: unknown) => {
      if (err instanceof HttpError) return sendError(ex, err);
      logger?.error({ err, path: entry.path }, 'simulator handler failed');
      sendError(ex, new HttpError(500, 'Internal server error'));
    });
  };

  const tls = options.tls;
  const server: Server = tls
    ? createHttpsServer(
        {
          key: tls.key,
          cert: tls.cert,
          ca: tls.ca,
          requestCert: true,
          rejectUnauthorized: tls.requireClientCert ?? true,
        },
        onRequest,
      )
    : createHttpServer(onRequest);
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const url = listenUrl(server, tls !== undefined);
  let closing: Promise<void> | undefined;

  return {
    url,
    credentials,
    requests: log,
    get tokensIssued() {
      return state.tokens.issued;
    },
    clearLog: () => {
      log.length = 0;
    },
    next: (...scripted) => faults.script(scripted),
    setFaults: (settings) => {
      faults.configure(settings);
      if (settings.rateLimit !== undefined) state.rateLimiter.configure(settings.rateLimit ?? undefined);
    },
    setPermissions: (clientId, permissions) => {
      const unknown = permissions.filter((p) => !PERMISSIONS.includes(p));
      if (unknown.length > 0) throw new RangeError(`unknown permissions: ${unknown.join(', ')}`);
      registry.get(clientId).permissions = new Set(permissions);
    },
    setScore: (sha256Hex, confidence) => {
      if (!/^[0-9a-f]{64}$/i.test(sha256Hex)) throw new TypeError('setScore expects a hex SHA-256 digest');
      if (!isValidScore(confidence)) throw new RangeError('a confidence is a number from 0 to 1');
      state.scores.set(sha256Hex.toLowerCase(), confidence);
    },
    addClient: (client) => registry.add(client),
    addMtlsClient: (certPem, clientId = credentials.mtlsClientId) =>
      registry.addCertificate(clientId, certPem),
    revokeTokens: () => state.tokens.revokeAll(),
    close: () => {
      closing ??= (async () => {
        const closed = once(server, 'close');
        server.close();
        // Stalled and kept-alive connections would otherwise hold close() open.
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
