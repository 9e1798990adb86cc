import { z } from 'zod';
import { BitmindError } from './errors.js';

/** The shapes BitMind answers with; anything else is an `unavailable` error naming what differed. */

export const tokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'must be "Bearer"'),
  expires_in: z.number().positive(),
});

export const verdictSchema = z.object({
  isAI: z.boolean(),
  confidence: z.number().min(0).max(1),
  processingTime: z.number().min(0),
});

export const batchSchema = z.object({
  batch_results: z.array(verdictSchema.extend({ batch_position: z.number().int().min(0) })),
  request_id: z.string().optional(),
});

export const healthSchema = z.looseObject({ status: z.string() });

export const statusSchema = z.looseObject({
  status: z.string(),
  client: z.looseObject({ permissions: z.array(z.string()) }),
});

/** Parses a response body (text) against a schema, or throws naming the first thing that was wrong. */
export function parseWire<T>(schema: z.ZodType<T>, body: string, what: string, requestId?: string): T {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new BitmindError('unavailable', `BitMind's ${what} answer was not JSON; try again later.`, {
      status: 200,
      requestId,
    });
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the body';
  throw new BitmindError(
    'unavailable',
    `BitMind's ${what} answer was not in the documented shape (${where}: ${issue?.message ?? 'invalid'}).`,
    { status: 200, requestId },
  );
}
