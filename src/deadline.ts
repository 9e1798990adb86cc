/**
 * A signal that aborts at a deadline or when `parent` aborts, whichever comes first.
 *
 * Not `AbortSignal.any([parent, AbortSignal.timeout(ms)])`: Node holds the signals given to `any`
 * only weakly, and a timeout signal nobody listens to directly is reachable from nothing but a weak
 * reference, so a garbage collection during a long download took its timer with it and the
 * deadline never fired (a slow drip then ran for ever). Here the timer's own closure holds the
 * controller, so the deadline lives exactly as long as it is armed; `clear` disarms it and lets go
 * of the parent, and every caller calls it when the work is over.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  clear(): void;
}

export function deadline(ms: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
  const onParentAbort = (): void => controller.abort(parent?.reason);
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')),
    ms,
  );
  const clear = (): void => {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
  };
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  controller.signal.addEventListener('abort', clear, { once: true });
  return { signal: controller.signal, clear };
}
