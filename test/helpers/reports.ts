import { Readable } from 'node:stream';
import type {
  CheckReport,
  ErrorCode,
  ItemResult,
  MediaRef,
  Requester,
  TriggerKind,
} from '../../src/domain/types.js';

/** Hand-made reports for rendering tests: what the Checker would hand an adapter. */
export function ref(name: string): MediaRef {
  return { name, open: () => Promise.resolve(Readable.from([])) };
}

export function verdict(
  name: string,
  confidence: number,
  extra: Partial<{ cached: boolean; simulated: boolean }> = {},
): ItemResult {
  return {
    ref: ref(name),
    kind: 'image',
    isAI: confidence >= 0.5,
    confidence,
    processingTime: 0.045,
    cached: extra.cached ?? false,
    simulated: extra.simulated ?? false,
  };
}

export function failure(name: string, code: ErrorCode, message: string): ItemResult {
  return { ref: ref(name), error: { code, message } };
}

export function report(
  items: ItemResult[],
  {
    skipped = 0,
    trigger = 'command',
    requester = { platform: 'test', userId: 'U1', channelId: 'C1' },
  }: {
    skipped?: number;
    trigger?: TriggerKind;
    requester?: Requester;
  } = {},
): CheckReport {
  return { request: { id: 'r1', trigger, requester, media: items.map((i) => i.ref) }, items, skipped };
}
