import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Scripted {
  readonly status: number;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

/**
 * A loopback HTTP server that answers each path with scripted raw bodies, for the wire shapes the
 * simulator (which follows the contract) never produces: missing batch positions, malformed JSON,
 * HTML error pages.
 */
export async function startScriptedServer() {
  const script = new Map<string, Scripted[]>();
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push(path);
    req.resume();
    req.once('end', () => {
      const next = script.get(path)?.shift() ?? { status: 404, body: '{"detail":"Not Found"}' };
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end(next.body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    answer(path: string, status: number, body: unknown, headers?: Record<string, string>) {
      const list = script.get(path) ?? [];
      list.push({
        status,
        body: typeof body === 'string' ? body : JSON.stringify(body),
        ...(headers ? { headers } : {}),
      });
      script.set(path, list);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
