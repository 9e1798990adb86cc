import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from '../../src/log.js';
import {
  createMediaFetcher,
  type ClosableMediaFetcher,
  type MediaFetcherOptions,
} from '../../src/media/fetcher.js';

export interface Loopback {
  /** http://127.0.0.1:port */
  readonly origin: string;
  readonly port: number;
  /** TCP connections accepted so far: a trap that must stay at 0. */
  readonly connections: () => number;
  /** Headers of every request received, in order. */
  readonly requests: IncomingMessage['headers'][];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1, port 0. */
export async function startLoopback(
  handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end(),
): Promise<Loopback> {
  const requests: IncomingMessage['headers'][] = [];
  let connections = 0;
  const listener: RequestListener = (req, res) => {
    requests.push(req.headers);
    handler(req, res);
  };
  const server = createServer(listener);
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A logger whose lines land in an array, for tests that read what was logged. */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines };
}

/**
 * A guarded fetcher for tests whose servers all listen on 127.0.0.1: that one address plays the
 * public internet, every other stays private.
 */
export function loopbackFetcher(options: Partial<MediaFetcherOptions> = {}): ClosableMediaFetcher {
  return createMediaFetcher({
    allowPrivateUrls: false,
    connectTimeoutMs: 1000,
    idleTimeoutMs: 1000,
    logger: captureLogger().logger,
    isAllowedAddress: (address) => address === '127.0.0.1',
    ...options,
  });
}
