import type { APIMessage, APIUser } from 'discord.js';
import { expect } from 'vitest';
import type { InteractionRecord } from '../fakes/discord/index.js';
import { threeButtons } from '../helpers/result-buttons.js';
import type { DiscordRig } from './rig.js';

/** The custom_ids of a result's buttons, in order; none when it has no buttons. */
export function buttonIds(message: APIMessage): string[] {
  const row = message.components?.[0] as { components: Array<{ custom_id: string }> } | undefined;
  return row?.components.map((c) => c.custom_id) ?? [];
}

/** A channel result's three buttons, by what they do. */
export function buttonsOf(message: APIMessage): ReturnType<typeof threeButtons> {
  return threeButtons(buttonIds(message));
}

/**
 * `by` presses a button and the test waits until the bot is done; returns what the presser alone
 * was told (each word a private follow-up of the deferred update, the only callback). `locale` is
 * the presser's client language.
 */
export async function press(
  rig: DiscordRig,
  by: APIUser,
  message: APIMessage,
  customId: string,
  locale?: string,
): Promise<string[]> {
  const record: InteractionRecord = rig.fake.pressButton({ user: by, message, customId, locale });
  await rig.settled();
  expect(record.callbackTypes).toEqual([6]);
  return rig.fake
    .interactionCalls(record)
    .filter((c) => c.method === 'POST' && c.path.startsWith('/webhooks/'))
    .map((c) => {
      expect((c.body as { flags?: number }).flags).toBe(64);
      return (c.body as { content: string }).content;
    });
}
