import { Readable } from 'node:stream';
import { expect } from 'vitest';
import type { CheckRequest, ItemResult, MediaRef, TriggerKind } from '../../src/domain/types.js';
import { png } from '../helpers/media-samples.js';

let serial = 0;

/**
 * A real PNG that no other call returns (so never a cache hit) and that the simulator scores
 * `score`: a verdict can then be checked for truth, not just for presence. `padTo` grows it, so
 * an upload spans several chunks.
 */
export function uniqueScoredPng(score: number, padTo = 0): Buffer {
  const head = Buffer.concat([png(), Buffer.from(`bitmind-sim-score=${score};serial=${serial++};`)]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, padTo - head.length))]);
}

/** A score from 0.01 to 0.99 that varies with `i`, so answers crossed between checks would show. */
export function scoreFor(i: number): number {
  return (1 + (i % 99)) / 100;
}

export function memoryRef(name: string, bytes: Buffer): MediaRef {
  return { name, open: () => Promise.resolve(Readable.from([bytes])) };
}

export function checkRequest(media: MediaRef[], trigger: TriggerKind = 'command'): CheckRequest {
  return {
    id: `reliability-${serial++}`,
    trigger,
    requester: { platform: 'test', userId: 'U1', channelId: 'C1' },
    media,
  };
}

/** A verdict is true when it carries the score the simulator was asked for. */
export function isTrueVerdict(item: ItemResult, score: number): boolean {
  return !('error' in item) && item.confidence === score && item.isAI === score >= 0.5;
}

/**
 * A clear error: a sentence for people, not a stack trace, an object dump or an empty message. (The
 * client may name the network error in parentheses, e.g. "(ECONNRESET)", for whoever runs the bot.)
 */
export function isClearError(item: ItemResult): boolean {
  if (!('error' in item)) return false;
  const { message } = item.error;
  return message.length > 10 && message.length < 400 && !/\n\s+at |\[object |undefined/.test(message);
}

/** The fault invariant for one checked medium: a true verdict, or a clear error. */
export function expectTrueOrClear(item: ItemResult, score: number): void {
  expect(
    isTrueVerdict(item, score) || isClearError(item),
    `expected a true verdict (${score}) or a clear error, got ${JSON.stringify(item)}`,
  ).toBe(true);
}
