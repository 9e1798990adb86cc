import { X509Certificate, createHash } from 'node:crypto';

/** RFC 8705 §3.1: base64url of the SHA-256 of the certificate's DER encoding. */
export function certificateThumbprint(certPem: string): string {
  return createHash('sha256').update(new X509Certificate(certPem).raw).digest('base64url');
}

export type Binding = 'match' | 'mismatch' | 'unbound';

/**
 * Compares the certificate a token is bound to (`cnf["x5t#S256"]`) with ours. The payload is read
 * without verifying the signature: this only explains a refusal early, it grants nothing. A token
 * that is not a JWT, or carries no binding, is 'unbound'. jose is loaded here, on the mTLS path
 * only, so the other credential methods never pay for it.
 */
export async function certificateBinding(accessToken: string, ourThumbprint: string): Promise<Binding> {
  const { decodeJwt } = await import('jose');
  let bound: unknown;
  try {
    const cnf = decodeJwt(accessToken).cnf as Record<string, unknown> | undefined;
    bound = cnf?.['x5t#S256'];
  } catch {
    return 'unbound';
  }
  if (typeof bound !== 'string') return 'unbound';
  return bound === ourThumbprint ? 'match' : 'mismatch';
}
