import { Readable } from 'node:stream';
import {
  viewOf,
  type CheckReport,
  type ErrorCode,
  type ItemResult,
  type MediaRef,
  type ReportView,
  type Requester,
  type TriggerKind,
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

/**
 * One result as a reply shows it, with what most strings touch: a strong verdict of a converted,
 * cached photo (seconds with a decimal), a clean one (milliseconds), and a file that could not be
 * checked. The fixtures under test/slack/rendered and test/discord/rendered render it per language.
 */
export function exampleView(): ReportView {
  const converted = verdict('portrait.heic', 0.91, { cached: true });
  const items: ItemResult[] = [
    { ...converted, processingTime: 1.25, source: { convertedFrom: 'HEIC photo' } },
    verdict('beach.jpg', 0.12),
    failure('notes.pdf', 'unsupported_type', 'This file is not an image or video BitMind can check.'),
  ];
  return viewOf(report(items));
}
