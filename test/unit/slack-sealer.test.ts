import { describe, expect, it } from 'vitest';
import { parseEncryptionKey, SealError, Sealer } from '../../adapters/slack/install/encryption.js';
import { Secret } from '../../src/secret.js';

const key = (fill: number) => new Secret(Buffer.alloc(32, fill).toString('base64'));

describe('the installation store sealer (AES-256-GCM)', () => {
  it('opens what it sealed, and never writes the plain value', () => {
    const sealer = new Sealer(key(1));
    const sealed = sealer.seal('xoxb-plain-token');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('xoxb');
    expect(sealer.open(sealed)).toBe('xoxb-plain-token');
    // A fresh IV each time: the same token never seals the same way twice.
    expect(sealer.seal('xoxb-plain-token')).not.toBe(sealed);
  });

  it('refuses a value sealed with another key, an altered value, and one that was never sealed', () => {
    const sealed = new Sealer(key(1)).seal('xoxb-plain-token');
    expect(() => new Sealer(key(2)).open(sealed)).toThrow(SealError);
    const [iv, tag, body] = sealed.slice('v1:'.length).split('.');
    const flipped = Buffer.from(body ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const altered = `v1:${iv}.${tag}.${flipped.toString('base64url')}`;
    expect(() => new Sealer(key(1)).open(altered)).toThrow(SealError);
    expect(() => new Sealer(key(1)).open('xoxb-plain-token')).toThrow(/not in the sealed form/);
  });

  it('reads 32-byte keys in hex, base64 and base64url, and nothing else', () => {
    const bytes = Buffer.alloc(32, 0xfb);
    for (const text of [bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url')])
      expect(parseEncryptionKey(text)).toEqual(bytes);
    for (const text of ['', 'short', Buffer.alloc(16).toString('base64'), Buffer.alloc(33).toString('hex')])
      expect(parseEncryptionKey(text)).toBeUndefined();
  });
});
