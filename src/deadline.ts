/**
 * Signals that abort when another does, or at a deadline, and that no garbage collection can take
 * away.
 *
 * Not `AbortSignal.any([parent, AbortSignal.timeout(ms)])`: Node holds the signals given to `any`
 * only weakly, and a timeout signal that nobody listens to directly is then reachable from nothing
 * but a weak reference, so a collection during a long download took its timer with it and the
 * deadline never fired (a slow drip then ran for ever). Here each source holds the result through
 * an ordinary listener, and a deadline's timer holds its controller, so a signal lives exactly as
 * long as it is armed. `clear` lets go of the sources; every owner calls it when its work is over.
 */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  readonly clear: () => void;
}

/** Aborts, with the same reason, when the first of `sources` aborts. */
export function linkSignals(sources: readonly AbortSignal[]): LinkedSignal {
  const controller = new AbortController();
  const already = sources.find((s) => s.aborted);
  if (already) {
    controller.abort(already.reason);
    return { signal: controller.signal, clear: () => {} };
  }
  const links = sources.map((source) => {
    const follow = (): void => controller.abort(source.reason);
    source.addEventListener('abort', follow, { once: true });
    return () => source.removeEventListener('abort', follow);
  });
  const clear = (): void => links.forEach((unlink) => unlink());
  controller.signal.addEventListener('abort', clear, { once: true });
  return { signal: controller.signal, clear };
}

/** Aborts with a `TimeoutError` after `ms`, or when `parent` aborts, whichever comes first. */
export function deadline(ms: number, parent?: AbortSignal): LinkedSignal {
  const clock = new AbortController();
  const timer = setTimeout(
    () => clock.abort(new DOMException('The operation timed out.', 'TimeoutError')),
    ms,
  );
  const linked = linkSignals(parent ? [parent, clock.signal] : [clock.signal]);
  const clear = (): void => {
    clearTimeout(timer);
    linked.clear();
  };
  // Cut short by the parent: the timer has nothing left to do and must not hold the process open.
  if (linked.signal.aborted) clearTimeout(timer);
  else linked.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return { signal: linked.signal, clear };
}
