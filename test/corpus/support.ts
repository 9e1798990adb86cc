import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { expect } from 'vitest';
import type { CheckRequest, ItemResult, MediaRef } from '../../src/domain/types.js';
import type { TestCore } from '../helpers/core.js';

/** Paths of the simulator that are BitMind API calls (not token requests or health probes). */
const API_PATHS = new Set(['/image', '/video', '/batch_image', '/batch_video']);

export function apiCalls(core: TestCore): { path: string; status: number | undefined }[] {
  return core.sim.requests
    .filter((r) => API_PATHS.has(r.path))
    .map((r) => ({ path: r.path, status: r.status }));
}

export function commandRequest(media: MediaRef[]): CheckRequest {
  return {
    id: randomUUID(),
    trigger: 'command',
    requester: { platform: 'corpus', userId: 'U-corpus', channelId: 'C-corpus' },
    media,
  };
}

/** Checks one medium through the real Checker and returns its one result. */
export async function checkOne(core: TestCore, ref: MediaRef): Promise<ItemResult> {
  const report = await core.checker.check(commandRequest([ref]));
  expect(report.items).toHaveLength(1);
  return report.items[0]!;
}

/** The Checker's spool directory must be empty once a check has settled, whatever happened. */
export async function expectNoFileLeft(core: TestCore): Promise<void> {
  expect(await readdir(core.checker.tempDir)).toEqual([]);
}

/** A message a person can read: one line, no stack trace, no internals. */
export function expectPlainMessage(message: string): void {
  expect(message).not.toMatch(/\n|\bat .+:\d+:\d+|Error:|undefined|\[object /);
  expect(message.length).toBeLessThan(300);
}
