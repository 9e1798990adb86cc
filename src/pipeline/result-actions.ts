import { z } from 'zod';
import type { Locale, MessageKey } from '../i18n/i18n.js';
import type { PlaceholderHandle } from './platform.js';
import type { Place } from './trigger.js';

/** What the buttons on a result do. */
export type ResultAction = 'recheck' | 'feedback' | 'delete';

const CODES = { recheck: 'r', feedback: 'w', delete: 'd' } as const satisfies Record<ResultAction, string>;

/**
 * The buttons a result carries, and the result they name. A private answer (Discord's
 * `private:true`) has no Delete: its only reader can dismiss it, which Discord offers itself.
 */
export interface ResultButtons {
  readonly id: string;
  readonly actions: readonly ResultAction[];
}

export function resultButtons(id: string, alone: boolean): ResultButtons {
  return { id, actions: alone ? ['recheck', 'feedback'] : ['recheck', 'feedback', 'delete'] };
}

/** Each button's label in the catalogues. */
export const BUTTON_KEYS = {
  recheck: 'buttons.recheck',
  feedback: 'buttons.feedback',
  delete: 'buttons.delete',
} as const satisfies Record<ResultAction, MessageKey>;

/**
 * A button's id: `bm:<action>:<resultId>`, 41 characters for a UUID, within Discord's 100 for a
 * custom_id. It carries all a press needs to be found again; the rest is in the state store.
 */
export function actionId(action: ResultAction, resultId: string): string {
  return `bm:${CODES[action]}:${resultId}`;
}

const idSchema = z
  .string()
  .max(100)
  .regex(/^bm:[rwd]:[0-9a-f-]{36}$/)
  .transform((id) => {
    const [, code, resultId] = id.split(':') as [string, string, string];
    const action = (Object.keys(CODES) as ResultAction[]).find((a) => CODES[a] === code)!;
    return { action, resultId };
  });

/** The action and result a button id names; undefined for anything malformed (a forged press). */
export function parseActionId(id: string): { action: ResultAction; resultId: string } | undefined {
  const parsed = idSchema.safeParse(id);
  return parsed.success ? parsed.data : undefined;
}

/** True for the ids of the bot's own buttons, valid or not: the adapters route these to `press`. */
export const ACTION_PREFIX = 'bm:';

/**
 * A button pressed on a result, as the adapter read it: plain data.
 * - `id`: the button's id, unchecked (the core parses it, and refuses what it cannot read);
 * - `place`: where the pressed message is (platform, workspace, channel, the message itself);
 * - `moderator`: the presser may moderate here (the adapter knows the platform's rule; it may
 *   leave it false for any press but a Delete, which alone needs it);
 * - `result`: the pressed message as `deliver` edits it, for a Recheck;
 * - `replyVia`: what the adapter needs to answer the presser and act on the message;
 * - `locale`, `audienceLocale`: the presser's and the place's languages, where the press carries
 *   them (Discord's interaction `locale` and `guild_locale`); else the presser's is looked up.
 */
export interface ResultPress {
  readonly id: string;
  readonly place: Place;
  readonly user: string;
  readonly moderator: boolean;
  readonly deliveryKeys: readonly string[];
  readonly result: PlaceholderHandle;
  readonly replyVia: Readonly<Record<string, string>>;
  readonly locale?: Locale;
  readonly audienceLocale?: Locale;
}
