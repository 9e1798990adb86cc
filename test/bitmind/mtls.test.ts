import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { certificateBinding, certificateThumbprint } from '../../src/bitmind/cert-binding.js';
import { createBitmindClient, type BitmindApi } from '../../src/bitmind/index.js';
import { Secret } from '../../src/secret.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { testTls, type TestKeyPair, type TestTls } from '../helpers/tls.js';
import { startScriptedServer } from './scripted-server.js';
import { FAST, mediaFiles, requestsTo, type MediaFiles } from './support.js';

let tls: TestTls;
let sim: Simulator;
let media: MediaFiles;
let client: BitmindApi | undefined;

beforeAll(async () => {
  tls = await testTls();
  sim = await startSimulator({ tls: { key: tls.server.key, cert: tls.server.cert, ca: tls.ca.cert } });
  media = await mediaFiles();
});
afterEach(async () => {
  await client?.close();
  client = undefined;
  sim.clearLog();
});
afterAll(async () => {
  await sim.close();
  await media.cleanup();
});

function mtlsClient(pair: TestKeyPair, caPem: string | undefined = tls.ca.cert): BitmindApi {
  return createBitmindClient({
    baseUrl: sim.url,
    auth: {
      method: 'mtls',
      clientId: sim.credentials.mtlsClientId,
      certPem: new Secret(pair.cert),
      keyPem: new Secret(pair.key),
    },
    ...(caPem ? { caPem } : {}),
    ...FAST,
  });
}

describe('OAuth with mTLS over real TLS', () => {
  it('gets a token with the certificate and no secret, and sends the certificate on every call', async () => {
    client = mtlsClient(tls.client);
    await client.checkImage(media.jpeg);
    await client.checkVideo(media.mp4);
    expect(await client.permissions()).toEqual({ image: true, video: true, batch: true });

    const [token, ...calls] = sim.requests;
    expect(token).toMatchObject({
      path: '/v1/oauth/token',
      status: 200,
      clientCertHeader: true,
      tlsClientCert: true,
    });
    expect(calls.map((c) => [c.path, c.status, c.authMethod, c.clientCertHeader, c.tlsClientCert])).toEqual([
      ['/image', 200, 'mtls', true, true],
      ['/video', 200, 'mtls', true, true],
      ['/status', 200, 'mtls', true, true],
    ]);
  });

  it('fails cleanly, naming the certificate to check, when the server refuses our certificate', async () => {
    client = mtlsClient(tls.wrongClient);
    const error = await client.checkImage(media.jpeg).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BitmindError', code: 'unauthorized', status: 0 });
    expect((error as Error).message).toMatch(/client certificate; check .*BITMIND_CLIENT_CERT/);
    expect((error as Error).message).not.toContain('BEGIN');
    expect(requestsTo(sim, '/image')).toHaveLength(0);
  });

  it('blames the network, not the certificate, for a connection reset mid-upload', async () => {
    client = mtlsClient(tls.client);
    await client.permissions();
    sim.next(
      { kind: 'reset', path: '/image' },
      { kind: 'reset', path: '/image' },
      { kind: 'reset', path: '/image' },
      { kind: 'reset', path: '/image' },
    );
    const error = await client.checkImage(media.jpeg).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BitmindError', code: 'unavailable' });
    expect((error as Error).message).not.toMatch(/certificate/);
  });

  it('says to set BITMIND_CA_CERT when the server certificate is from an unknown CA, without retrying', async () => {
    client = mtlsClient(tls.client, tls.otherCa.cert);
    const error = await client.checkImage(media.jpeg).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable', status: 0 });
    expect((error as Error).message).toContain('BITMIND_CA_CERT');
    expect(sim.requests).toHaveLength(0);
  });
});

describe('certificate binding (cnf x5t#S256)', () => {
  async function tokenBoundTo(thumbprint: string | undefined): Promise<string> {
    const { privateKey } = await generateKeyPair('RS256');
    const claims = thumbprint ? { cnf: { 'x5t#S256': thumbprint } } : {};
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).setExpirationTime('1h').sign(privateKey);
  }

  it('refuses, with a clear error, a token bound to a certificate other than ours', async () => {
    const server = await startScriptedServer();
    try {
      const foreign = await tokenBoundTo(certificateThumbprint(tls.wrongClient.cert));
      server.answer('/v1/oauth/token', 200, {
        access_token: foreign,
        token_type: 'Bearer',
        expires_in: 3600,
      });
      client = createBitmindClient({
        baseUrl: server.url,
        auth: {
          method: 'mtls',
          clientId: 'client-1',
          certPem: new Secret(tls.client.cert),
          keyPem: new Secret(tls.client.key),
        },
        ...FAST,
      });
      const error = await client.checkImage(media.jpeg).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'unauthorized' });
      expect((error as Error).message).toContain('bound to a different certificate than ours');
      expect(server.seen).toEqual(['/v1/oauth/token']);
    } finally {
      await server.close();
    }
  });

  it('tells a token bound to our certificate from one bound to another, or to none', async () => {
    const ours = certificateThumbprint(tls.client.cert);
    expect(ours).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await certificateBinding(await tokenBoundTo(ours), ours)).toBe('match');
    expect(
      await certificateBinding(await tokenBoundTo(certificateThumbprint(tls.wrongClient.cert)), ours),
    ).toBe('mismatch');
    expect(await certificateBinding(await tokenBoundTo(undefined), ours)).toBe('unbound');
    expect(await certificateBinding('opaque-token', ours)).toBe('unbound');
  });
});
