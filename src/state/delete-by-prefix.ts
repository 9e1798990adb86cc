import type { StateStore } from './store.js';

/** Deletes every live key that starts with `prefix` (what a workspace the bot left kept). */
export async function deleteByPrefix(state: StateStore, prefix: string): Promise<void> {
  for (const [key] of await state.entries(prefix)) await state.delete(key);
}
