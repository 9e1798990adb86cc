import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Records every address this process is about to open a TCP connection to, and refuses (before any
 * packet leaves) anything but loopback. undici opens sockets with `net.connect`, passing our
 * guarded `lookup` along for host names; the tripwire wraps that call and that lookup, so it sees IP
 * literals at once and the addresses a name resolves to once the guard has let them through.
 *
 * This is a safety net, not a mock: connections still happen for real. It makes "refused before any
 * connection" checkable, and guarantees that even a broken guard could not send a test's traffic
 * off this machine.
 */
export interface Tripwire {
  /** Addresses handed to a socket to connect to, in order. */
  readonly attempts: string[];
  restore(): void;
}

type Connect = (...args: unknown[]) => net.Socket;
type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;
type Lookup = (host: string, options: object, callback: LookupCallback) => void;

const isLoopback = (address: string) => {
  const parsed = ipaddr.process(address);
  return parsed.range() === 'loopback';
};

export function installTripwire(): Tripwire {
  const attempts: string[] = [];
  const original = net.connect as unknown as Connect;

  const admit = (address: string) => {
    attempts.push(address);
    if (!isLoopback(address)) throw new Error(`tripwire: a test tried to connect to ${address}`);
  };

  const guardLookup =
    (lookup: Lookup): Lookup =>
    (host, options, callback) =>
      lookup(host, options, (err, address, family) => {
        if (err) return callback(err, address, family);
        try {
          for (const a of Array.isArray(address) ? address : [{ address, family: family ?? 4 }])
            admit(a.address);
        } catch (tripped) {
          return callback(tripped as Error, '');
        }
        callback(null, address, family);
      });

  const wrapped: Connect = (...args) => {
    const options = args[0];
    if (options && typeof options === 'object' && 'host' in options && typeof options.host === 'string') {
      const opts = options as { host: string; lookup?: Lookup };
      if (net.isIP(opts.host) !== 0) admit(opts.host);
      else args[0] = { ...opts, lookup: guardLookup(opts.lookup ?? dnsLookup) };
    }
    return original.apply(net, args);
  };
  (net as unknown as { connect: Connect }).connect = wrapped;
  return {
    attempts,
    restore: () => {
      (net as unknown as { connect: Connect }).connect = original;
    },
  };
}
