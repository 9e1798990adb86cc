import type { FakeSlack, StoredMessage } from '../fakes/slack/index.js';
import { threeButtons } from '../helpers/result-buttons.js';
import type { SlackRig } from './rig.js';

/** The action ids of a result's buttons, in order; none when it has no buttons. */
export function actionIds(message: StoredMessage): string[] {
  const actions = (message.blocks ?? []).find((b) => (b as { type?: string }).type === 'actions') as
    { elements: Array<{ action_id: string }> } | undefined;
  return actions?.elements.map((e) => e.action_id) ?? [];
}

/** A channel result's three buttons, by what they do. */
export function buttonsOf(message: StoredMessage): ReturnType<typeof threeButtons> {
  return threeButtons(actionIds(message));
}

/** `user` presses a button and the test waits until the bot is done; returns what it posted privately to the presser. */
export async function press(
  slack: FakeSlack,
  rig: SlackRig,
  user: string,
  message: StoredMessage,
  actionId: string,
) {
  const { responseUrl } = await slack.pressButton({ user, message, actionId });
  await rig.idle();
  return slack.responses(responseUrl).map((c) => c.args);
}
