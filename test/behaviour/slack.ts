import type { ReplyPlan } from '../../src/pipeline/plan.js';
import type { ChatTriggerKind } from '../../src/pipeline/trigger.js';
import type { Delivered, SlackFileObject, StoredMessage } from '../fakes/slack/index.js';
import { png } from '../helpers/media-samples.js';
import { startSlackRig } from '../slack/rig.js';
import type { BehaviourDriver, Situation } from './driver.js';

/** More than BitMind's 100 MB image limit, as Slack claims it (the bytes are small). */
const TOO_LARGE_BYTES = 200 * 1024 * 1024;

let serial = 0;

/** A PNG the simulator scores `score`, unique so no verdict comes from an earlier row's cache. */
function scoredPng(score: number): Buffer {
  serial += 1;
  return Buffer.concat([png(), Buffer.from(`bitmind-sim-score=${score};row=${serial};`)]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * Slack's side of the behaviour table: the real adapter (Bolt, Socket Mode, so commands and
 * shortcuts can be redelivered) on the real pipeline, against the fake Slack. Auto-scan is on in
 * #general (mode `flagged`) and off in #random; each run is by a person of its own, so the hourly
 * budget (1 check) is spent only where the row says so.
 */
export async function startSlackDriver(): Promise<BehaviourDriver> {
  const rig = await startSlackRig({ mode: 'socket', env: { USER_CHECKS_PER_HOUR: '1' } });
  const { slack } = rig;
  await rig.connected.settings.update(
    { platform: 'slack', workspace: slack.workspace.teamId },
    slack.channels.general,
    {
      autoscan: true,
      replyMode: 'flagged',
    },
  );
  await rig.connected.settings.update(
    { platform: 'slack', workspace: slack.workspace.teamId },
    slack.channels.random,
    { autoscan: false },
  );

  function fileFor(situation: Situation): SlackFileObject {
    switch (situation) {
      case 'clean':
        return slack.addFile({ name: 'photo.png', mimetype: 'image/png', bytes: scoredPng(0.05) });
      case 'unsupported':
        return slack.addFile({ name: 'photo.png', mimetype: 'image/png', bytes: PDF });
      case 'too_large':
        return slack.addFile({
          name: 'photo.png',
          mimetype: 'image/png',
          bytes: scoredPng(0.95),
          size: TOO_LARGE_BYTES,
        });
      case 'download_refused':
        // On Slack's own (trusted) host, but a file the host does not have: 404.
        return slack.addFile({
          name: 'photo.png',
          mimetype: 'image/png',
          bytes: scoredPng(0.95),
          downloadUrl: `${slack.origin}/files-pri/${slack.workspace.teamId}-F0GONE/photo.png`,
        });
      default:
        return slack.addFile({ name: 'photo.png', mimetype: 'image/png', bytes: scoredPng(0.95) });
    }
  }

  /** Sends one trigger of `kind` about `message`; `again` replays the same delivery (a duplicate). */
  async function send(
    kind: ChatTriggerKind,
    user: string,
    channel: string,
    message: StoredMessage,
    again?: Delivered,
  ): Promise<Delivered> {
    const replay = again ? { envelopeId: again.envelopeId, eventId: again.id, retryNum: 1 } : {};
    switch (kind) {
      case 'command':
        return slack.command({ user, channel, text: 'check' }, again ? { envelopeId: again.envelopeId } : {});
      case 'shortcut':
        return slack.shortcut({ user, channel, message }, again ? { envelopeId: again.envelopeId } : {});
      case 'autoscan':
        return slack.sendMessageEvent(message, replay);
      case 'reaction':
        return slack.react({ user, channel, ts: message.ts, reaction: 'mag' }, replay);
    }
  }

  /** Acknowledged (the fake resolved on the ack) and every accepted trigger answered. */
  async function settled(delivered: Delivered): Promise<void> {
    if (delivered.ack === undefined) throw new Error('Slack got no ack for the delivery');
    await rig.idle();
  }

  async function spendBudget(user: string, channel: string): Promise<void> {
    const message = slack.postMessage({ channel, user, files: [fileFor('clean')] });
    await settled(await slack.shortcut({ user, channel, message }));
  }

  return {
    platform: 'slack',

    async run(kind, situation) {
      if (situation === 'repeated_reaction' && kind !== 'reaction')
        throw new Error(`repeated_reaction is a reaction situation; ${kind} cannot produce it`);
      serial += 1;
      const user = `U0ROW${String(serial).padStart(5, '0')}`;
      const channel = situation === 'autoscan_off' ? slack.channels.random : slack.channels.general;
      if (situation === 'budget_spent') await spendBudget(user, channel);

      const mark = rig.planCount();
      const message = slack.postMessage({ channel, user, files: [fileFor(situation)] });
      if (situation === 'bitmind_down') rig.core.sim.setFaults({ errorRate: 1 });
      try {
        const first = await send(kind, user, channel, message);
        await settled(first);
        if (situation === 'duplicate') await settled(await send(kind, user, channel, message, first));
        if (situation === 'repeated_reaction') {
          for (const other of [slack.users.alice.id, slack.users.admin.id])
            await settled(await send(kind, other, channel, message));
        }
      } finally {
        if (situation === 'bitmind_down') rig.core.sim.setFaults({ errorRate: 0 });
      }
      return rig.plansSince(mark).map((p): ReplyPlan => p.plan);
    },

    close: () => rig.close(),
  };
}
