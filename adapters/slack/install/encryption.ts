import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Secret } from '../../../src/secret.js';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Marks a sealed value, so a plain token written by hand is never mistaken for one. */
const PREFIX = 'v1:';

/** A 32-byte key written as 64 hex digits or as base64; undefined when it is neither. */
export function parseEncryptionKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!/^[A-Za-z0-9+/]{43}=?$|^[A-Za-z0-9_-]{43}$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

/** The key cannot open a sealed value: another key sealed it, or it was altered. */
export class SealError extends Error {
  override name = 'SealError';
}

/**
 * AES-256-GCM with a fresh 96-bit IV per value: `v1:<iv>.<tag>.<ciphertext>`, base64url. The tag
 * authenticates the value, so a wrong key or a changed byte is an error, never garbage.
 */
export class Sealer {
  readonly #key: Buffer;

  constructor(key: Secret) {
    const bytes = parseEncryptionKey(key.reveal());
    if (!bytes) throw new SealError('DATA_ENCRYPTION_KEY is not a 32-byte key in hex or base64');
    this.#key = bytes;
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')}`;
  }

  open(sealed: string): string {
    const parts = sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length).split('.') : [];
    const [iv, tag, body] = parts.map((p) => Buffer.from(p, 'base64url'));
    if (parts.length !== 3 || !iv || !tag || !body || iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
      throw new SealError('a stored token is not in the sealed form');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch (err) {
      throw new SealError('a stored token does not open with DATA_ENCRYPTION_KEY (another key, or altered)', {
        cause: err,
      });
    }
  }
}
