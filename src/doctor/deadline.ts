import { scrubText } from '../log.js';

/** A probe that outlived its deadline. */
export class ProbeTimeout extends Error {
  override name = 'ProbeTimeout';
}

/**
 * Runs one probe against a deadline. The probe gets a signal that aborts at the deadline; a probe
 * whose library ignores the signal still loses the race, so the doctor never hangs on one service.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  what: string,
  probe: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ProbeTimeout(`${what} did not answer within ${Math.ceil(timeoutMs / 1000)} s`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([probe(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** The message of anything thrown, for a checklist line: scrubbed, since libraries quote what they sent. */
export function messageOf(err: unknown): string {
  return scrubText(err instanceof Error ? err.message : String(err));
}
