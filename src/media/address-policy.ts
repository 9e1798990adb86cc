import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Decides whether the fetcher may connect to an IP address (canonical text, as DNS returns it). */
export type AddressPolicy = (address: string) => boolean;

/**
 * Only public unicast addresses: ipaddr.js names every special range (loopback, private, link-local,
 * carrier-grade NAT, unique-local, IPv4-mapped, NAT64, 6to4, unspecified, multicast, reserved...) and
 * calls the rest `unicast`. An allow-list of one name is safer than a deny-list that must stay complete.
 */
export const isPublicAddress: AddressPolicy = (address) => {
  if (isIP(address) === 0) return false;
  return ipaddr.parse(address).range() === 'unicast';
};

export const allowAnyAddress: AddressPolicy = () => true;
