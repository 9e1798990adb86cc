import type { StateStore } from '../state/store.js';

/** Platforms retry for minutes (Slack: three times within about an hour at worst); an hour covers it. */
const REMEMBER_MS = 60 * 60 * 1000;

/**
 * Delivery de-duplication: true for the first delivery of any of `keys`. Every key is claimed, so a
 * retry that carries only one of the ids (a Socket Mode redelivery has a new envelope but the same
 * event id) is still recognised.
 */
export async function isFirstDelivery(state: StateStore, platform: string, keys: readonly string[]) {
  let first = true;
  for (const key of keys)
    if (!(await state.setIfAbsent(`delivery:${platform}:${key}`, '1', REMEMBER_MS))) first = false;
  return first;
}
