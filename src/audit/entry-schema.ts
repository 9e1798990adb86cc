import { z } from 'zod';
import type { AuditEntry } from './audit-log.js';

const band = z.enum(['strong', 'some', 'little']);
const base = {
  at: z.iso.datetime(),
  platform: z.string().min(1),
  workspace: z.string().min(1),
  channel: z.string().min(1),
  resultId: z.string().min(1),
};

const itemSchema = z.object({
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  kind: z.enum(['image', 'video', 'unknown']),
  band: band.optional(),
  confidence: z.number().min(0).max(1).optional(),
  error: z.string().min(1).optional(),
  cached: z.boolean().optional(),
});

/**
 * An entry as read back from a file or a stream: another version of the bot may have written it,
 * or a torn write cut it, so nothing is read from it before this says it is whole.
 */
export const auditEntrySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('check'),
    ...base,
    link: z.string().optional(),
    asker: z.string().min(1),
    trigger: z.string().min(1),
    items: z.array(itemSchema).max(1000),
  }),
  z.object({ type: z.literal('feedback'), ...base, by: z.string().min(1), band: band.optional() }),
  z.object({ type: z.literal('deletion'), ...base, by: z.string().min(1) }),
]) satisfies z.ZodType<AuditEntry>;

/** One line of the trail (JSON), or undefined when it is not an entry this version can read. */
export function parseEntry(text: string): AuditEntry | undefined {
  try {
    const parsed = auditEntrySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
