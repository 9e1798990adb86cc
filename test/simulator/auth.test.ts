import { X509Certificate, createHash } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { png } from '../helpers/media-samples.js';
import { testTls, type TestTls } from '../helpers/tls.js';
import { bearer, call, oauthToken, postImage, tokenRequest } from './support.js';

let sim: Simulator;
let tls: TestTls;
const certHeader = (pem: string) => Buffer.from(pem).toString('base64');

beforeAll(async () => {
  tls = await testTls();
  sim = await startSimulator();
  sim.addMtlsClient(tls.client.cert);
});
afterAll(() => sim.close());

describe('OAuth client credentials', () => {
  it('issues an RS256 JWT that expires, in the documented response shape', async () => {
    const { status, body } = await tokenRequest(sim, {
      grant_type: 'client_credentials',
      client_id: sim.credentials.clientId,
      client_secret: sim.credentials.clientSecret,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const token = body.access_token as string;
    expect(decodeProtectedHeader(token).alg).toBe('RS256');
    const claims = decodeJwt(token);
    expect(claims.sub).toBe(sim.credentials.clientId);
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(claims.cnf).toBeUndefined();
  });

  it('refuses a wrong secret, an unknown client, a bad grant type and a non-form body', async () => {
    const base = { grant_type: 'client_credentials', client_id: sim.credentials.clientId };
    expect((await tokenRequest(sim, { ...base, client_secret: 'nope' })).status).toBe(401);
    expect((await tokenRequest(sim, { ...base })).status).toBe(401);
    expect((await tokenRequest(sim, { ...base, client_id: 'stranger', client_secret: 'x' })).status).toBe(
      401,
    );
    const badGrant = await tokenRequest(sim, { ...base, grant_type: 'password', client_secret: 'x' });
    expect(badGrant).toMatchObject({
      status: 400,
      body: { detail: expect.stringContaining('grant_type') as string },
    });
    const json = await call(sim, 'POST', '/v1/oauth/token', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...base, client_secret: sim.credentials.clientSecret }),
    });
    expect(json.status).toBe(400);
  });

  it('counts the tokens it issues', async () => {
    const before = sim.tokensIssued;
    await oauthToken(sim);
    expect(sim.tokensIssued).toBe(before + 1);
  });

  it('never echoes the secret or the token in an error', async () => {
    const res = await tokenRequest(sim, {
      grant_type: 'client_credentials',
      client_id: sim.credentials.clientId,
      client_secret: 'secret-that-must-not-echo',
    });
    expect(JSON.stringify(res.body)).not.toContain('secret-that-must-not-echo');
  });
});

describe('API calls', () => {
  it('answers with a token, and with an organization API key', async () => {
    expect((await call(sim, 'GET', '/status', { headers: bearer(await oauthToken(sim)) })).status).toBe(200);
    expect((await call(sim, 'GET', '/status', { headers: bearer(sim.credentials.apiKey) })).status).toBe(200);
    const log = sim.requests.filter((r) => r.path === '/status').slice(-2);
    expect(log.map((r) => r.authMethod)).toEqual(['oauth', 'apikey']);
  });

  it('401s a missing token, a forged token, a wrong API key', async () => {
    const missing = await call(sim, 'GET', '/status');
    expect(missing).toMatchObject({ status: 401, body: { detail: expect.any(String) as string } });
    const forged = `${(await oauthToken(sim)).slice(0, -4)}AAAA`;
    expect((await call(sim, 'GET', '/status', { headers: bearer(forged) })).status).toBe(401);
    expect((await call(sim, 'GET', '/status', { headers: bearer('enterprise-wrong-key') })).status).toBe(401);
    expect((await call(sim, 'GET', '/status', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('401s every token issued before revokeTokens(), and accepts new ones', async () => {
    const old = await oauthToken(sim);
    sim.revokeTokens();
    expect(await call(sim, 'GET', '/status', { headers: bearer(old) })).toMatchObject({
      status: 401,
      body: { detail: 'Token revoked' },
    });
    expect((await call(sim, 'GET', '/status', { headers: bearer(await oauthToken(sim)) })).status).toBe(200);
  });

  it('403s a call the client has no permission for, and /status says so', async () => {
    const token = await oauthToken(sim);
    sim.setPermissions(sim.credentials.clientId, ['image_inference']);
    try {
      const status = await call(sim, 'GET', '/status', { headers: bearer(token) });
      expect(status.body.client).toMatchObject({ permissions: ['image_inference'] });
      expect(status.body.features).toMatchObject({
        image_inference: true,
        video_inference: false,
        batch_processing: false,
      });
      const batch = await call(sim, 'POST', '/batch_image', { headers: bearer(token) });
      expect(batch).toMatchObject({
        status: 403,
        body: { detail: expect.stringContaining('batch_processing') as string },
      });
      expect((await postImage(sim, token, png())).status).toBe(200);
    } finally {
      sim.setPermissions(sim.credentials.clientId, [
        'image_inference',
        'video_inference',
        'batch_processing',
      ]);
    }
  });
});

describe('expiry', () => {
  let short: Simulator;
  beforeAll(async () => {
    short = await startSimulator({ tokenTtlSeconds: 1 });
  });
  afterAll(() => short.close());

  it('401s a token past its expiry', async () => {
    const token = await oauthToken(short);
    expect(decodeJwt(token).exp! - decodeJwt(token).iat!).toBe(1);
    await new Promise((r) => setTimeout(r, 2100));
    expect(await call(short, 'GET', '/status', { headers: bearer(token) })).toMatchObject({
      status: 401,
      body: { detail: 'Token expired' },
    });
  });
});

describe('OAuth with mTLS (X-Client-Cert)', () => {
  const mtlsForm = () => ({ grant_type: 'client_credentials', client_id: sim.credentials.mtlsClientId });

  it('issues a token bound to the certificate (RFC 8705 cnf x5t#S256), without a secret', async () => {
    const { status, body } = await tokenRequest(sim, mtlsForm(), {
      'x-client-cert': certHeader(tls.client.cert),
    });
    expect(status).toBe(200);
    const der = new X509Certificate(tls.client.cert).raw;
    const expected = createHash('sha256').update(der).digest('base64url');
    expect(decodeJwt(body.access_token as string).cnf).toEqual({ 'x5t#S256': expected });

    const headers = { ...bearer(body.access_token as string), 'x-client-cert': certHeader(tls.client.cert) };
    expect((await call(sim, 'GET', '/status', { headers })).status).toBe(200);
    const entry = sim.requests.at(-1)!;
    expect(entry).toMatchObject({
      authMethod: 'mtls',
      clientId: sim.credentials.mtlsClientId,
      clientCertHeader: true,
    });
  });

  it('403s a token request without a certificate, 401s a certificate nobody registered', async () => {
    const none = await tokenRequest(sim, mtlsForm());
    expect(none).toMatchObject({
      status: 403,
      body: { detail: expect.stringContaining('X-Client-Cert') as string },
    });
    const wrong = await tokenRequest(sim, mtlsForm(), { 'x-client-cert': certHeader(tls.wrongClient.cert) });
    expect(wrong.status).toBe(401);
    const garbage = await tokenRequest(sim, mtlsForm(), { 'x-client-cert': 'not a certificate' });
    expect(garbage.status).toBe(400);
  });

  it('403s an API call whose X-Client-Cert is missing, 401s one with another certificate', async () => {
    const { body } = await tokenRequest(sim, mtlsForm(), { 'x-client-cert': certHeader(tls.client.cert) });
    const token = body.access_token as string;
    const missing = await call(sim, 'GET', '/status', { headers: bearer(token) });
    expect(missing).toMatchObject({
      status: 403,
      body: { detail: expect.stringContaining('X-Client-Cert') as string },
    });
    const swapped = await call(sim, 'GET', '/status', {
      headers: { ...bearer(token), 'x-client-cert': certHeader(tls.wrongClient.cert) },
    });
    expect(swapped.status).toBe(401);
  });

  it('accepts any certificate the mTLS CA issued when one is configured', async () => {
    const withCa = await startSimulator({ mtlsCa: tls.ca.cert });
    try {
      const form = { grant_type: 'client_credentials', client_id: withCa.credentials.mtlsClientId };
      expect(
        (await tokenRequest(withCa, form, { 'x-client-cert': certHeader(tls.client.cert) })).status,
      ).toBe(200);
      expect(
        (await tokenRequest(withCa, form, { 'x-client-cert': certHeader(tls.wrongClient.cert) })).status,
      ).toBe(401);
    } finally {
      await withCa.close();
    }
  });
});
