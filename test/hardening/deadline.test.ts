import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBitmindClient } from '../../src/bitmind/index.js';
import { deadline, linkSignals } from '../../src/deadline.js';
import { Secret } from '../../src/secret.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';

/** The signals behind every deadline (issue 13, class 3), alone and under forced collections. */
failOnStrayErrors();

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('deadline and linkSignals', () => {
  it('aborts at the deadline with a TimeoutError, under collections every 5 ms', async () => {
    const pressure = setInterval(gc, 5);
    try {
      const { signal } = deadline(100);
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      expect(signal.reason).toMatchObject({ name: 'TimeoutError' });
    } finally {
      clearInterval(pressure);
    }
  });

  it("follows the parent's abort, with its reason", () => {
    const parent = new AbortController();
    const { signal, clear } = deadline(60_000, parent.signal);
    parent.abort(new Error('cancelled'));
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toEqual(new Error('cancelled'));
    clear();
  });

  it('is aborted at once by a source aborted already', () => {
    const source = AbortSignal.abort(new Error('too late'));
    expect(linkSignals([new AbortController().signal, source]).signal.reason).toEqual(new Error('too late'));
  });

  it('lets go of its sources when cleared', () => {
    const source = new AbortController();
    const linked = linkSignals([source.signal]);
    linked.clear();
    source.abort();
    expect(linked.signal.aborted).toBe(false);
  });
});

describe("a caller's AbortSignal.timeout through the BitMind client", () => {
  let server: Server;
  beforeAll(async () => {
    server = createServer(() => {}); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('ends the call at the timeout, under collections every 5 ms', async () => {
    const client = createBitmindClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      auth: { method: 'apikey', apiKey: new Secret('enterprise-test-0000') },
    });
    const pressure = setInterval(gc, 5);
    try {
      await expect(client.health({ signal: AbortSignal.timeout(200) })).rejects.toMatchObject({
        name: 'TimeoutError',
      });
    } finally {
      clearInterval(pressure);
      await client.close();
    }
  });
});
