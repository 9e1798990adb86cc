import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';

/**
 * A loopback port the kernel just handed out, released for the caller to take (a server whose
 * address must be known before it starts: a redirect URL, a redis-server). Another process may take
 * it in between, which is rare enough on loopback that callers retry or simply fail.
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}
