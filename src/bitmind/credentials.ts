import type { BitmindAuthConfig } from '../config.js';
import type { Logger } from '../log.js';
import { certificateBinding, certificateThumbprint } from './cert-binding.js';
import { API_KEY_PREFIX, TOKEN_REFRESH_MARGIN_MS } from './contract.js';
import { BitmindError } from './errors.js';
import { abortable } from './timing.js';
import { parseWire, tokenSchema } from './wire.js';

/** The three documented ways to authenticate. */
export type BitmindAuth = Exclude<BitmindAuthConfig, { method: 'simulator' }>;

export type AuthHeaders = Readonly<Record<string, string>>;

/** Sends a token request (form body, extra headers) and returns the body of a 2xx answer. */
export type TokenRequester = (form: URLSearchParams, headers: AuthHeaders) => Promise<string>;

export interface Credentials {
  /** Whether a 401 can be cured by a new token (not so for an API key). */
  readonly refreshable: boolean;
  /** Headers for one API call; fetches or refreshes the token when due, one request however many wait. */
  headers(signal?: AbortSignal): Promise<AuthHeaders>;
  /** After a 401: forget the token these headers carried, unless a newer one has already replaced it. */
  invalidate(used: AuthHeaders): void;
}

/** What to check when BitMind refuses us, by method. */
export const CREDENTIAL_HINTS = {
  oauth: 'BITMIND_CLIENT_ID and BITMIND_CLIENT_SECRET',
  mtls: 'BITMIND_CLIENT_ID, BITMIND_CLIENT_CERT and BITMIND_CLIENT_KEY (the certificate registered for this client)',
  apikey: 'BITMIND_API_KEY',
} as const;

export function createCredentials(
  auth: BitmindAuth,
  requestToken: TokenRequester,
  logger: Logger,
): Credentials {
  if (auth.method === 'apikey') {
    const key = auth.apiKey.reveal();
    if (!key.startsWith(API_KEY_PREFIX)) {
      logger.warn(`BITMIND_API_KEY does not start with "${API_KEY_PREFIX}"; sending it as configured`);
    }
    const headers = { authorization: `Bearer ${key}` };
    return {
      refreshable: false,
      headers: () => Promise.resolve(headers),
      invalidate: () => undefined,
    };
  }

  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: auth.clientId });
  let certHeader: AuthHeaders = {};
  let thumbprint: string | undefined;
  if (auth.method === 'oauth') {
    form.set('client_secret', auth.clientSecret.reveal());
  } else {
    // RFC 8705: the certificate, not a secret, authenticates the token request and every call.
    certHeader = { 'x-client-cert': Buffer.from(auth.certPem.reveal()).toString('base64') };
    thumbprint = certificateThumbprint(auth.certPem.reveal());
  }
  const hint = CREDENTIAL_HINTS[auth.method];

  const fetchToken = async (): Promise<{ value: string; refreshAt: number }> => {
    const asked = Date.now();
    const token = parseWire(tokenSchema, await requestToken(form, certHeader), 'token');
    if (thumbprint && (await certificateBinding(token.access_token, thumbprint)) === 'mismatch') {
      throw new BitmindError(
        'unauthorized',
        `BitMind issued a token bound to a different certificate than ours (cnf x5t#S256 differs): check ${hint}.`,
      );
    }
    const lifetime = token.expires_in * 1000;
    // A token shorter-lived than the margin would otherwise be fetched anew for every call.
    const margin = Math.min(TOKEN_REFRESH_MARGIN_MS, lifetime / 2);
    return { value: token.access_token, refreshAt: asked + lifetime - margin };
  };

  let current: { value: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const token = (signal?: AbortSignal): Promise<string> => {
    if (current && Date.now() < current.refreshAt) return Promise.resolve(current.value);
    inFlight ??= fetchToken()
      .then((fresh) => {
        current = fresh;
        return fresh.value;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return abortable(inFlight, signal);
  };

  return {
    refreshable: true,
    headers: async (signal) => ({ ...certHeader, authorization: `Bearer ${await token(signal)}` }),
    invalidate: (used) => {
      if (current && used.authorization === `Bearer ${current.value}`) current = undefined;
    },
  };
}
