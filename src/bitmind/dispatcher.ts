import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';

export interface DispatcherOptions {
  /** Longest silence while sending or before the answer's headers, and between body chunks. */
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
  /** An extra CA to trust besides the public ones (private CAs, test rigs). */
  readonly caPem?: string;
  /** Client certificate and key for the TLS handshake (OAuth with mTLS). */
  readonly clientCert?: { readonly certPem: string; readonly keyPem: string };
}

/**
 * The one connection pool for BitMind, apart from any that fetches user content, so its TLS identity
 * and timeouts never reach another host. undici's headers timeout is refreshed while a body is still
 * being written, so a long timeout here bounds a stalled upload or a silent server, not the time a
 * 500 MB upload takes on a slow link.
 */
export function createDispatcher(options: DispatcherOptions): Agent {
  return new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 10 * 60_000,
    headersTimeout: options.requestTimeoutMs,
    bodyTimeout: options.requestTimeoutMs,
    connect: {
      timeout: options.connectTimeoutMs,
      // `ca` replaces Node's trust store, so the public roots are passed along with the extra CA.
      ...(options.caPem ? { ca: [...rootCertificates, options.caPem] } : {}),
      ...(options.clientCert ? { cert: options.clientCert.certPem, key: options.clientCert.keyPem } : {}),
    },
  });
}
