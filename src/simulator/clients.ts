import { createHash, timingSafeEqual, X509Certificate } from 'node:crypto';
import { API_KEY_PREFIX, PERMISSIONS, type Permission } from './contract.js';
import { HttpError } from './http.js';

/** A BitMind enterprise client the simulator knows, with one of the three documented methods. */
export type SimClient = {
  readonly id: string;
  readonly name?: string;
  readonly tier?: string;
  /** Default: all three. */
  readonly permissions?: readonly Permission[];
} & (
  | { readonly auth: 'oauth'; readonly secret: string }
  /** PEM certificates accepted for this client, beside any issued by the simulator's mTLS CA. */
  | { readonly auth: 'mtls'; readonly certificates?: readonly string[] }
  /** The whole key, `enterprise-` prefix included. */
  | { readonly auth: 'apikey'; readonly apiKey: string }
);

export interface RegisteredClient {
  readonly id: string;
  readonly name: string;
  readonly tier: string;
  readonly auth: SimClient['auth'];
  permissions: Set<Permission>;
  readonly secret?: string;
  readonly apiKey?: string;
  /** SHA-256 thumbprints (base64url of the DER) of the certificates registered for an mTLS client. */
  readonly thumbprints: Set<string>;
}

/** RFC 8705's `x5t#S256`: the base64url SHA-256 of the certificate's DER. */
export function thumbprint(cert: X509Certificate): string {
  return createHash('sha256').update(cert.raw).digest('base64url');
}

/** The `X-Client-Cert` header: base64 of a PEM certificate (base64 of the DER is accepted too). */
export function parseClientCertHeader(value: string): X509Certificate {
  try {
    return new X509Certificate(Buffer.from(value.trim(), 'base64'));
  } catch {
    throw new HttpError(400, 'X-Client-Cert is not a base64-encoded certificate');
  }
}

function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export class ClientRegistry {
  readonly #clients = new Map<string, RegisteredClient>();
  readonly #mtlsCa: X509Certificate | undefined;

  /** `mtlsCa`: a CA whose certificates every mTLS client accepts (the https server's CA by default). */
  constructor(mtlsCa: string | undefined) {
    this.#mtlsCa = mtlsCa === undefined ? undefined : new X509Certificate(mtlsCa);
  }

  add(client: SimClient): void {
    if (this.#clients.has(client.id)) throw new Error(`simulator client "${client.id}" already exists`);
    if (client.auth === 'apikey' && !client.apiKey.startsWith(API_KEY_PREFIX)) {
      throw new Error('simulator API keys start with "enterprise-"');
    }
    const certificates = client.auth === 'mtls' ? (client.certificates ?? []) : [];
    this.#clients.set(client.id, {
      id: client.id,
      name: client.name ?? client.id,
      tier: client.tier ?? 'enterprise',
      auth: client.auth,
      permissions: new Set(client.permissions ?? PERMISSIONS),
      secret: client.auth === 'oauth' ? client.secret : undefined,
      apiKey: client.auth === 'apikey' ? client.apiKey : undefined,
      thumbprints: new Set(certificates.map((pem) => thumbprint(new X509Certificate(pem)))),
    });
  }

  /** Registers a certificate for an mTLS client, creating the client (all permissions) if it is new. */
  addCertificate(clientId: string, certPem: string): void {
    if (!this.#clients.has(clientId)) this.add({ id: clientId, auth: 'mtls' });
    const client = this.get(clientId);
    if (client.auth !== 'mtls') throw new Error(`simulator client "${clientId}" does not use mTLS`);
    client.thumbprints.add(thumbprint(new X509Certificate(certPem)));
  }

  get(clientId: string): RegisteredClient {
    const client = this.#clients.get(clientId);
    if (!client) throw new Error(`no simulator client "${clientId}"`);
    return client;
  }

  find(clientId: string): RegisteredClient | undefined {
    return this.#clients.get(clientId);
  }

  byApiKey(key: string): RegisteredClient | undefined {
    for (const client of this.#clients.values()) {
      if (client.apiKey !== undefined && sameSecret(client.apiKey, key)) return client;
    }
    return undefined;
  }

  secretMatches(client: RegisteredClient, secret: string): boolean {
    return client.secret !== undefined && sameSecret(client.secret, secret);
  }

  /** A certificate is this client's if it was registered for it, or issued (and valid now) by the mTLS CA. */
  acceptsCertificate(client: RegisteredClient, cert: X509Certificate): boolean {
    if (client.auth !== 'mtls') return false;
    if (client.thumbprints.has(thumbprint(cert))) return true;
    const ca = this.#mtlsCa;
    if (!ca) return false;
    const now = Date.now();
    const current = Date.parse(cert.validFrom) <= now && now <= Date.parse(cert.validTo);
    return current && cert.checkIssued(ca) && cert.verify(ca.publicKey);
  }
}
