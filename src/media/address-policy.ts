import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Decides whether the fetcher may connect to an IP address (canonical text, as DNS returns it). */
export type AddressPolicy = (address: string) => boolean;

/**
 * ::a.b.c.d, "IPv4-compatible" IPv6 (deprecated by RFC 4291): ipaddr.js calls it unicast, yet some
 * stacks still deliver it to the IPv4 address inside, so [::169.254.169.254] could reach the metadata
 * service. Nothing public lives in ::/96.
 */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * Only public unicast addresses: ipaddr.js names every special range (loopback, private, link-local,
 * carrier-grade NAT, unique-local, IPv4-mapped, NAT64, 6to4, unspecified, multicast, reserved...) and
 * calls the rest `unicast`. An allow-list of one name is safer than a deny-list that must stay complete.
 */
export const isPublicAddress: AddressPolicy = (address) => {
  if (isIP(address) === 0) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && parsed.match(IPV4_COMPATIBLE)) return false;
  return parsed.range() === 'unicast';
};

export const allowAnyAddress: AddressPolicy = () => true;
