import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BitmindError, createBitmindClient, type BitmindApi } from '../../src/bitmind/index.js';
import { Secret } from '../../src/secret.js';
import { FAST, mediaFiles, type MediaFiles } from './support.js';
import { startScriptedServer } from './scripted-server.js';

const API_KEY = 'enterprise-wire-test-key-0123456789';

let server: Awaited<ReturnType<typeof startScriptedServer>>;
let media: MediaFiles;
let client: BitmindApi;

beforeAll(async () => {
  server = await startScriptedServer();
  media = await mediaFiles();
  client = createBitmindClient({
    baseUrl: server.url,
    auth: { method: 'apikey', apiKey: new Secret(API_KEY) },
    ...FAST,
  });
});
afterEach(() => {
  server.seen.length = 0;
});
afterAll(async () => {
  await client.close();
  await server.close();
  await media.cleanup();
});

const verdict = (confidence: number, position: number) => ({
  isAI: confidence >= 0.5,
  confidence,
  processingTime: 0.04,
  batch_position: position,
});

describe('batch answers mapped by batch_position', () => {
  it('puts results back in input order whatever order they come in', async () => {
    server.answer('/batch_image', 200, {
      batch_results: [verdict(0.2, 1), verdict(0.8, 0)],
      request_id: 'batch_img_1',
    });
    const results = await client.checkImages([media.jpeg, media.png]);
    expect(results).toEqual([
      { isAI: true, confidence: 0.8, processingTime: 0.04 },
      { isAI: false, confidence: 0.2, processingTime: 0.04 },
    ]);
  });

  it('gives an error to each input the answer left out, and keeps the rest', async () => {
    server.answer('/batch_image', 200, { batch_results: [verdict(0.7, 0)], request_id: 'batch_img_2' });
    const [first, second] = await client.checkImages([media.jpeg, media.png]);
    expect(first).toEqual({ isAI: true, confidence: 0.7, processingTime: 0.04 });
    expect(second).toBeInstanceOf(BitmindError);
    expect(second).toMatchObject({ code: 'unavailable', requestId: 'batch_img_2' });
    expect((second as Error).message).toContain('no result for file 2 of 2');
  });

  it('refuses an answer whose positions repeat', async () => {
    server.answer('/batch_image', 200, { batch_results: [verdict(0.7, 0), verdict(0.1, 0)] });
    const results = await client.checkImages([media.jpeg, media.png]);
    expect(results.map((r) => (r as BitmindError).code)).toEqual(['unavailable', 'unavailable']);
    expect((results[0] as Error).message).toContain('batch_position 0 appears twice');
  });
});

describe('answers not in the documented shape', () => {
  it('names the field that was wrong, never a silent default', async () => {
    server.answer('/image', 200, { isAI: true, confidence: 'high', processingTime: 0.1 });
    const error = await client.checkImage(media.jpeg).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect((error as Error).message).toMatch(/image answer was not in the documented shape \(confidence: /);
  });

  it('survives a body that is not JSON at all', async () => {
    server.answer('/image', 200, '<html>maintenance</html>');
    await expect(client.checkImage(media.jpeg)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('was not JSON') as string,
    });
  });

  it('keeps the start of an HTML error page as the detail, and retries the 502', async () => {
    server.answer('/image', 502, '<h1>Bad Gateway</h1>', { 'content-type': 'text/html' });
    server.answer('/image', 502, '<h1>Bad Gateway</h1>', { 'content-type': 'text/html' });
    server.answer('/image', 502, '<h1>Bad Gateway</h1>', {
      'content-type': 'text/html',
      'x-request-id': 'req-9',
    });
    server.answer('/image', 502, '<h1>Bad Gateway</h1>', {
      'content-type': 'text/html',
      'x-request-id': 'req-9',
    });
    const error = await client.checkImage(media.jpeg).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'unavailable',
      status: 502,
      detail: '<h1>Bad Gateway</h1>',
      requestId: 'req-9',
    });
    expect(server.seen).toEqual(['/image', '/image', '/image', '/image']);
  });

  it('joins FastAPI validation errors into the detail', async () => {
    server.answer('/image', 422, { detail: [{ loc: ['body'], msg: 'field required' }, { msg: 'bad type' }] });
    await expect(client.checkImage(media.jpeg)).rejects.toMatchObject({
      code: 'bad_request',
      detail: 'field required; bad type',
    });
  });

  it('never repeats a key the server echoes back', async () => {
    server.answer('/image', 400, { detail: `unknown key ${API_KEY}` });
    const error = (await client.checkImage(media.jpeg).catch((e: unknown) => e)) as BitmindError;
    expect(`${error.message} ${error.detail} ${JSON.stringify(error)}`).not.toContain(API_KEY);
    expect(error.detail).toBe('unknown key [redacted]');
  });

  it('refuses /status without the permissions it is read for', async () => {
    server.answer('/status', 200, { status: 'operational', client: { name: 'x' } });
    await expect(client.permissions()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('client.permissions') as string,
    });
  });
});
