import type { z } from 'zod';

/**
 * A value kept as JSON (in the state store, a journal line), read back through its schema:
 * undefined when absent, not JSON, or not of this shape (written by another version), so a reader
 * treats it as missing instead of trusting it or throwing.
 */
export function parseStored<T>(schema: z.ZodType<T>, text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
