import { randomUUID } from 'node:crypto';
import { SignJWT, errors, generateKeyPair, jwtVerify, type CryptoKey } from 'jose';
import { HttpError } from './http.js';

const AUDIENCE = 'bitmind-enterprise-api';

export interface TokenClaims {
  readonly clientId: string;
  /** RFC 8705 certificate binding, for a token issued to an mTLS client. */
  readonly certThumbprint: string | undefined;
}

/** Access tokens: RS256 JWTs signed with a key pair made at start, with an expiry and a revocation switch. */
export class TokenIssuer {
  #issued = 0;
  /** Tokens carry the generation they were issued in; revoking starts a new one. */
  #generation = 0;

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    private readonly issuer: string,
    readonly ttlSeconds: number,
  ) {}

  static async create(issuer: string, ttlSeconds: number): Promise<TokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    return new TokenIssuer(privateKey, publicKey, issuer, ttlSeconds);
  }

  get issued(): number {
    return this.#issued;
  }

  async issue(clientId: string, certThumbprint: string | undefined): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({
      client_id: clientId,
      gen: this.#generation,
      ...(certThumbprint === undefined ? {} : { cnf: { 'x5t#S256': certThumbprint } }),
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(AUDIENCE)
      .setSubject(clientId)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.privateKey);
    this.#issued += 1;
    return token;
  }

  /** Every token issued so far stops working. */
  revokeAll(): void {
    this.#generation += 1;
  }

  async verify(token: string): Promise<TokenClaims> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, {
        issuer: this.issuer,
        audience: AUDIENCE,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (err) {
      throw new HttpError(401, err instanceof errors.JWTExpired ? 'Token expired' : 'Invalid token');
    }
    if (payload.gen !== this.#generation) throw new HttpError(401, 'Token revoked');
    const cnf = payload.cnf as { 'x5t#S256'?: unknown } | undefined;
    const bound = cnf?.['x5t#S256'];
    return { clientId: payload.sub ?? '', certThumbprint: typeof bound === 'string' ? bound : undefined };
  }
}
