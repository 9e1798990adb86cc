import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { HttpRoute } from './adapter.js';
import type { Logger } from './log.js';

/** What /readyz reports: ready, or every reason why not. */
export interface Readiness {
  readonly ready: boolean;
  readonly reasons: readonly string[];
  /** What is wrong without making the instance unready (BitMind down: triggers are still answered). */
  readonly details: readonly string[];
}

export interface ServerOptions {
  /** Undefined: every interface. */
  readonly host: string | undefined;
  /** 0 picks a free port (read `url`). */
  readonly port: number;
  readonly logger: Logger;
  readonly registry: Registry;
  readonly readiness: () => Readiness;
  /** The platforms' own routes (Slack's events in HTTP mode), matched by path before the rest. */
  readonly routes?: readonly HttpRoute[];
}

export interface RunningServer {
  /** `http://<address>:<port>` as bound. */
  readonly url: string;
  /** Stops listening, lets requests under way finish for a moment, then drops what is left. */
  close(): Promise<void>;
}

/** Requests still open this long after close() are cut (a scraper or Slack holding a keep-alive). */
const CLOSE_WAIT_MS = 1000;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * The bot's one HTTP server: /healthz (the process answers), /readyz (this instance can take
 * events), /metrics (Prometheus text), and the routes the platforms bring.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { logger, registry, readiness, routes = [] } = options;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const platformRoute = routes.find((r) => r.path === path);
    if (platformRoute) {
      platformRoute.handle(req, res);
      return;
    }
    const known = path === '/healthz' || path === '/readyz' || path === '/metrics';
    if (!known) return sendJson(res, 404, { error: 'not found' });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendJson(res, 405, { error: 'method not allowed' });
    }
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      const { ready, reasons, details } = readiness();
      return sendJson(
        res,
        ready ? 200 : 503,
        ready ? { status: 'ready', details } : { status: 'not ready', reasons, details },
      );
    }
    const text = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType }).end(text);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      logger.error({ err, path: req.url?.split('?')[0] }, 'HTTP request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => logger.error({ err }, 'HTTP server error'));
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  return {
    url,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_WAIT_MS);
      await closed;
      clearTimeout(cut);
    },
  };
}
