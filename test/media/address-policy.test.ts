import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../src/media/address-policy.js';
import { fileMediaRef, urlMediaRef } from '../../src/media/refs.js';
import type { MediaFetcher } from '../../src/media/types.js';

describe('isPublicAddress', () => {
  it.each(['8.8.8.8', '1.1.1.1', '151.101.1.140', '2606:4700:4700::1111', '2a00:1450:4001:82b::200e'])(
    'allows the public address %s',
    (address) => expect(isPublicAddress(address)).toBe(true),
  );

  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.251',
    '192.0.2.1',
    '::',
    '::1',
    'fc00::1',
    'fdff::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:8.8.8.8',
    '64:ff9b::a00:1',
    '2002:a00:1::',
    'ff02::1',
    'example.com',
    '',
  ])('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it('sits just outside the private ranges it refuses', () => {
    expect(isPublicAddress('172.32.0.1')).toBe(true);
    expect(isPublicAddress('100.128.0.1')).toBe(true);
    expect(isPublicAddress('11.0.0.1')).toBe(true);
  });
});

describe('media refs', () => {
  const fetcher: MediaFetcher = {
    openUrl: () => Promise.reject(new Error('not used')),
    openTrusted: () => Promise.reject(new Error('not used')),
  };

  it('names a link without its credentials, query string or fragment', () => {
    expect(urlMediaRef('https://bob:pw@cdn.example.com/a/b.png?sig=123#x', fetcher).name).toBe(
      'https://cdn.example.com/a/b.png',
    );
    expect(urlMediaRef('::not a link::', fetcher).name).toBe('an invalid link');
  });

  it('names a local file by its base name, never its directory', () => {
    expect(fileMediaRef('/home/alice/private/holiday.png').name).toBe('holiday.png');
  });
});
