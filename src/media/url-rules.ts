import { isIP } from 'node:net';
import type { AddressPolicy } from './address-policy.js';
import { blockedUrl } from './errors.js';

/** Far above any platform's signed file URL (Discord's and Slack's are a few hundred characters). */
export const MAX_URL_LENGTH = 4096;

/** What of a URL may be shown or logged: never credentials, a signed query string or a fragment. */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** A host name as it may appear in a message: bounded, since a hostile link chooses it. */
export function displayHost(host: string): string {
  return host.length > 100 ? `${host.slice(0, 100)}…` : host;
}

/**
 * The rules every URL meets before a connection is made: bounded length, http or https, no
 * credentials, and (when a policy is given) an IP-literal host that the policy allows. Host names
 * are checked later, at connect time, on the addresses they resolve to.
 *
 * URLs carrying a user name or password are refused rather than stripped: silently sending a
 * different request than the one asked for would hide a mistake, and refusing keeps the secret out
 * of every later step.
 */
export function checkUrl(raw: string, policy?: AddressPolicy): URL {
  if (raw.length > MAX_URL_LENGTH) {
    throw blockedUrl(
      `the link is ${raw.length.toLocaleString('en-US')} characters long; the limit is ${MAX_URL_LENGTH.toLocaleString('en-US')}`,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw blockedUrl('that is not a valid link');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw blockedUrl(
      `only http and https links can be checked, not ${url.protocol.slice(0, -1).slice(0, 20)} links`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw blockedUrl('links with a user name or password in them are refused');
  }
  const literal = literalAddress(url.hostname);
  if (policy && literal !== undefined && !policy(literal)) {
    throw privateAddress(literal);
  }
  return url;
}

export function privateAddress(host: string): Error {
  return blockedUrl(`${displayHost(host)} is on a private or local network`);
}

/**
 * The IP address a URL names directly, if any. WHATWG parsing has already turned every IPv4 spelling
 * (2130706433, 0177.0.0.1, 0x7f.1, 127.1, 0) into dotted decimal and wraps IPv6 in brackets.
 */
function literalAddress(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? undefined : bare;
}
