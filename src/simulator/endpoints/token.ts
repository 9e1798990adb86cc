import { z } from 'zod';
import { parseClientCertHeader, thumbprint } from '../clients.js';
import { HttpError, countBody, sendJson, type Exchange } from '../http.js';
import type { SimState } from '../state.js';

/** A token request is a few short fields; anything much bigger is not one. */
const MAX_FORM_BYTES = 16 * 1024;

const TokenForm = z.object({
  grant_type: z.literal('client_credentials', { error: 'grant_type must be client_credentials' }),
  client_id: z.string({ error: 'client_id is required' }).min(1, 'client_id is required'),
  client_secret: z.string().optional(),
});

/** POST /v1/oauth/token: client credentials, with a secret or (mTLS clients) a certificate. */
export async function token(ex: Exchange, state: SimState): Promise<void> {
  const form = TokenForm.safeParse(Object.fromEntries(new URLSearchParams(await readForm(ex))));
  if (!form.success) throw new HttpError(400, form.error.issues[0]?.message ?? 'invalid token request');
  const { client_id: clientId, client_secret: secret } = form.data;
  ex.entry.clientId = clientId;

  const certHeader = ex.req.headers['x-client-cert'];
  const client = state.clients.find(clientId);
  const claimsMtls = client ? client.auth === 'mtls' : certHeader !== undefined;
  ex.entry.authMethod = claimsMtls ? 'mtls' : 'oauth';
  if (!client || client.auth === 'apikey') throw new HttpError(401, 'Invalid client credentials');

  let boundTo: string | undefined;
  if (client.auth === 'mtls') {
    if (typeof certHeader !== 'string' || certHeader === '') {
      throw new HttpError(403, 'mTLS client certificate required: send X-Client-Cert');
    }
    const cert = parseClientCertHeader(certHeader);
    if (!state.clients.acceptsCertificate(client, cert)) {
      throw new HttpError(401, 'Certificate not accepted for this client');
    }
    boundTo = thumbprint(cert);
  } else if (secret === undefined || !state.clients.secretMatches(client, secret)) {
    throw new HttpError(401, 'Invalid client credentials');
  }

  const accessToken = await state.tokens.issue(client.id, boundTo);
  sendJson(ex, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: state.tokens.ttlSeconds });
}

async function readForm(ex: Exchange): Promise<string> {
  const type = ex.req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new HttpError(400, 'expected an application/x-www-form-urlencoded body');
  }
  countBody(ex);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size <= MAX_FORM_BYTES) return;
      ex.req.off('data', onData);
      reject(new HttpError(400, 'token request body too large'));
    };
    ex.req.on('data', onData);
    ex.req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    ex.req.once('error', () => reject(new HttpError(400, 'token request ended early')));
  });
}
