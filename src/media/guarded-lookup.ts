import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import type { AddressPolicy } from './address-policy.js';
import { privateAddress } from './url-rules.js';

/** Resolves a host name to every address it has; tests inject one that maps names to loopback. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true });

/**
 * A `lookup` for net.connect (through undici's `connect` options) that resolves once and hands the
 * socket only addresses the policy has just checked: the address checked is the address connected
 * to, so a second, rebinding DNS answer has no gap to slip through. A name with any disallowed
 * address is refused outright rather than filtered, since a mix of public and private answers is
 * itself a sign of an attack. Node asks with `all: true` when it races IPv4 and IPv6
 * (autoSelectFamily), and for a single address otherwise; both are answered.
 */
export function guardedLookup(policy: AddressPolicy, resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    void resolve(hostname).then(
      (addresses) => {
        const answer = choose(hostname, addresses, options, policy);
        if (answer instanceof Error) callback(answer, '');
        else if (options.all === true) callback(null, answer);
        else callback(null, answer[0]!.address, answer[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}

function choose(
  hostname: string,
  addresses: LookupAddress[],
  options: LookupOptions,
  policy: AddressPolicy,
): LookupAddress[] | Error {
  if (addresses.some((a) => !policy(a.address))) return privateAddress(hostname);
  const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
  const wanted = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
  if (wanted.length === 0) {
    return Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' });
  }
  return wanted;
}
