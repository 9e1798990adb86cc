/**
 * Work in flight in this process, by key: one run shared by every caller that asks while it runs
 * (`shared`), or runs one after another (`queued`). An entry lives exactly as long as its work, so
 * nothing here outlives it, and nothing is shared with other processes: that takes a lock in the
 * shared store.
 */
export class InFlight {
  readonly #shared = new Map<string, Promise<unknown>>();
  readonly #tails = new Map<string, Promise<void>>();

  /** The run of `key` under way, or `work` started as it; callers while it runs get its outcome. */
  shared<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.#shared.get(key) as Promise<T> | undefined;
    if (running) return running;
    const run = work().finally(() => this.#shared.delete(key));
    this.#shared.set(key, run);
    return run;
  }

  /** Runs `work` once every run queued before it for `key` has settled; other keys run side by side. */
  queued<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (this.#tails.get(key) ?? Promise.resolve()).then(work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return run;
  }
}
