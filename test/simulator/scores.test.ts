import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confidenceFor, startSimulator, type Simulator } from '../../src/simulator/index.js';
import { jpeg, padded, png } from '../helpers/media-samples.js';
import { bearer, call, files, oauthToken, pngWithText, postImage } from './support.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('confidenceFor', () => {
  it('is the first four bytes of the hash over 2^32, to four decimals', () => {
    expect(confidenceFor('00000000'.padEnd(64, 'f'))).toBe(0);
    expect(confidenceFor('80000000'.padEnd(64, '0'))).toBe(0.5);
    expect(confidenceFor('40000000'.padEnd(64, '0'))).toBe(0.25);
    expect(confidenceFor('ffffffff'.padEnd(64, '0'))).toBe(1);
    expect(() => confidenceFor('not hex')).toThrow(TypeError);
  });
});

describe('scores over the wire', () => {
  let sim: Simulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator();
    token = await oauthToken(sim);
  });
  afterAll(() => sim.close());

  it('scores content by its hash, the same every time, with isAI at 0.5 and above', async () => {
    for (const bytes of [png(1, 1), png(2, 1), png(3, 1), png(4, 1)]) {
      const first = await postImage(sim, token, bytes);
      const again = await postImage(sim, token, bytes);
      expect(first.body.confidence).toBe(confidenceFor(sha256(bytes)));
      expect(again.body.confidence).toBe(first.body.confidence);
      expect(first.body.isAI).toBe(confidenceFor(sha256(bytes)) >= 0.5);
      expect(first.body.processingTime).toBeGreaterThan(0);
      expect(first.body.processingTime).toBeLessThan(1);
    }
  });

  it('honours a bitmind-sim-score marker, as text or as a PNG tEXt chunk', async () => {
    const asText = Buffer.concat([jpeg(), Buffer.from(' bitmind-sim-score=0.93 ')]);
    expect((await postImage(sim, token, asText, 'image/jpeg')).body).toMatchObject({
      confidence: 0.93,
      isAI: true,
    });
    const tEXt = pngWithText('bitmind-sim-score', '0.12');
    expect((await postImage(sim, token, tEXt)).body).toMatchObject({ confidence: 0.12, isAI: false });
    const comment = pngWithText('Comment', 'bitmind-sim-score=0.5');
    expect((await postImage(sim, token, comment)).body).toMatchObject({ confidence: 0.5, isAI: true });
  });

  it('ignores a marker past the first 64 KiB, and one out of range', async () => {
    const late = Buffer.concat([padded(png(), 64 * 1024), Buffer.from('bitmind-sim-score=0.93')]);
    expect((await postImage(sim, token, late)).body.confidence).toBe(confidenceFor(sha256(late)));
    const outOfRange = pngWithText('Comment', 'bitmind-sim-score=1.5');
    expect((await postImage(sim, token, outOfRange)).body.confidence).toBe(confidenceFor(sha256(outOfRange)));
  });

  it('lets setScore override both, in single calls and batches', async () => {
    const marked = pngWithText('bitmind-sim-score', '0.93', 5);
    sim.setScore(sha256(marked), 0.07);
    expect((await postImage(sim, token, marked)).body).toMatchObject({ confidence: 0.07, isAI: false });
    const batch = await call(sim, 'POST', '/batch_image', {
      headers: bearer(token),
      body: files('images', [png(9, 9), marked]),
    });
    const results = batch.body.batch_results as Array<{ confidence: number }>;
    expect(results[1]?.confidence).toBe(0.07);
    expect(() => sim.setScore(sha256(marked), 1.2)).toThrow(RangeError);
    expect(() => sim.setScore('abc', 0.5)).toThrow(TypeError);
  });
});
