import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { png } from '../helpers/media-samples.js';
import { testTls, type TestKeyPair, type TestTls } from '../helpers/tls.js';

let sim: Simulator;
let tls: TestTls;
const agents: Agent[] = [];

/** An undici agent trusting the test CA, presenting `identity` if given. */
function agent(identity?: TestKeyPair): Agent {
  const a = new Agent({
    connect: { ca: tls.ca.cert, ...(identity ? { key: identity.key, cert: identity.cert } : {}) },
  });
  agents.push(a);
  return a;
}

beforeAll(async () => {
  tls = await testTls();
  sim = await startSimulator({ tls: { key: tls.server.key, cert: tls.server.cert, ca: tls.ca.cert } });
});
afterAll(async () => {
  await Promise.all(agents.map((a) => a.close()));
  await sim.close();
});

describe('https with client certificates', () => {
  it('serves https on 127.0.0.1', () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('completes the mTLS flow with the right certificate: handshake, token, upload', async () => {
    const dispatcher = agent(tls.client);
    const certHeader = Buffer.from(tls.client.cert).toString('base64');
    const tokenRes = await request(`${sim.url}/v1/oauth/token`, {
      dispatcher,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-client-cert': certHeader },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: sim.credentials.mtlsClientId,
      }).toString(),
    });
    expect(tokenRes.statusCode).toBe(200);
    const { access_token: token } = (await tokenRes.body.json()) as { access_token: string };

    const image = await request(`${sim.url}/image`, {
      dispatcher,
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-client-cert': certHeader, 'content-type': 'image/png' },
      body: png(),
    });
    expect(image.statusCode).toBe(200);
    expect(await image.body.json()).toMatchObject({
      isAI: expect.any(Boolean) as boolean,
      confidence: expect.any(Number) as number,
    });
    expect(sim.requests.at(-1)).toMatchObject({ path: '/image', authMethod: 'mtls', tlsClientCert: true });
  });

  it('fails the handshake without a client certificate', async () => {
    await expect(request(`${sim.url}/health`, { dispatcher: agent() })).rejects.toThrow();
  });

  it('fails the handshake with a certificate from another CA', async () => {
    await expect(request(`${sim.url}/health`, { dispatcher: agent(tls.wrongClient) })).rejects.toThrow();
  });

  it('lets clients without a certificate in when requireClientCert is false, and logs that', async () => {
    const open = await startSimulator({
      tls: { key: tls.server.key, cert: tls.server.cert, ca: tls.ca.cert, requireClientCert: false },
    });
    try {
      const res = await request(`${open.url}/health`, { dispatcher: agent() });
      expect(res.statusCode).toBe(200);
      await res.body.dump();
      expect(open.requests.at(-1)).toMatchObject({ path: '/health', tlsClientCert: false });
    } finally {
      await open.close();
    }
  });
});
