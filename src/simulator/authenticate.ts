import { API_KEY_PREFIX } from './contract.js';
import { CERTIFICATE_MISMATCH_STATUS } from './guesses.js';
import { HttpError, type Exchange } from './http.js';
import { parseClientCertHeader, thumbprint, type RegisteredClient } from './clients.js';
import type { SimState } from './state.js';

/**
 * Who is calling an API endpoint: an organization API key, or an access token (and, for an mTLS
 * client, the certificate in `X-Client-Cert` that the token was bound to).
 */
export async function authenticate(ex: Exchange, state: SimState): Promise<RegisteredClient> {
  const { req, entry } = ex;
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new HttpError(401, 'Not authenticated');
  const credential = match[1];

  if (credential.startsWith(API_KEY_PREFIX)) {
    const client = state.clients.byApiKey(credential);
    if (!client) throw new HttpError(401, 'Invalid API key');
    entry.authMethod = 'apikey';
    entry.clientId = client.id;
    return client;
  }

  const claims = await state.tokens.verify(credential);
  const client = state.clients.find(claims.clientId);
  if (!client) throw new HttpError(401, 'Invalid token');
  entry.clientId = client.id;
  entry.authMethod = client.auth === 'mtls' ? 'mtls' : 'oauth';
  if (client.auth === 'mtls') {
    const certHeader = req.headers['x-client-cert'];
    if (typeof certHeader !== 'string' || certHeader === '') {
      throw new HttpError(403, 'mTLS client certificate required: send X-Client-Cert');
    }
    if (thumbprint(parseClientCertHeader(certHeader)) !== claims.certThumbprint) {
      throw new HttpError(CERTIFICATE_MISMATCH_STATUS, 'Certificate does not match the token');
    }
  }
  return client;
}
