import type { APIUser } from 'discord.js';
import type { ReplyPlan } from '../../src/pipeline/plan.js';
import type { ChatTriggerKind } from '../../src/pipeline/trigger.js';
import { startDiscordRig, type DiscordRig } from '../discord/rig.js';
import type { FakeFile, InteractionRecord } from '../fakes/discord/index.js';
import { user } from '../fakes/discord/payloads.js';
import { png } from '../helpers/media-samples.js';
import type { BehaviourDriver, Situation } from './driver.js';

const MB = 1024 * 1024;
let serial = 0;

/** A PNG the simulator scores `score`, different from every other (so never a cache hit). */
function scored(score: number): Buffer {
  return Buffer.concat([png(), Buffer.from(`bitmind-sim-score=${score};behaviour=${serial++};`)]);
}

/** The one file each situation puts in front of the bot. */
function fileFor(situation: Situation): FakeFile {
  const image = (bytes: Buffer, extra: Partial<FakeFile> = {}): FakeFile => ({
    name: 'photo.png',
    bytes,
    contentType: 'image/png',
    ...extra,
  });
  switch (situation) {
    case 'clean':
      return image(scored(0.05));
    case 'unsupported':
      return image(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n'));
    case 'too_large':
      return image(scored(0.95), { size: 150 * MB });
    case 'download_refused':
      return image(scored(0.95), { refusedWith: 404 });
    default:
      return image(scored(0.95));
  }
}

/**
 * The behaviour table's Discord side: the fake Discord, a real discord.js client, the real adapter
 * and pipeline on the simulator. Each run uses a new person (so budgets start fresh) and returns the
 * plans decided for its trigger once the gateway confirmed every dispatch and the pipeline is idle.
 * Auto-scan is on (mode `flagged`) in #general and off in #random.
 */
export async function startDiscordDriver(): Promise<BehaviourDriver> {
  const rig: DiscordRig = await startDiscordRig({ USER_CHECKS_PER_HOUR: '1' });
  const { fake } = rig;
  const on = fake.channels.general.id;
  const off = fake.channels.random.id;
  fake.slashCommand({
    channelId: on,
    user: fake.users.moderator,
    name: 'bitmind',
    path: ['autoscan', 'enable'],
    options: { mode: 'flagged' },
  });
  await rig.settled();

  function person(): APIUser {
    const someone = user(`person${serial++}`);
    fake.world.addMember(someone);
    return someone;
  }

  /** Sends the trigger of `kind`; returns how to send the same delivery again (a duplicate). */
  function send(kind: ChatTriggerKind, channelId: string, who: APIUser, file: FakeFile): () => void {
    if (kind === 'autoscan') {
      const message = fake.postMessage({ channelId, author: who, files: [file] });
      return () => fake.redeliverMessage(message);
    }
    // Stored, not dispatched: auto-scan does not see it, only the trigger does.
    const stored = () =>
      fake.postMessage({ channelId, author: fake.users.alice, files: [file], dispatch: false });
    let interaction: InteractionRecord;
    if (kind === 'command') {
      interaction = fake.slashCommand({
        channelId,
        user: who,
        name: 'bitmind',
        path: ['check'],
        options: { media: file },
      });
    } else if (kind === 'reaction') {
      fake.react({ channelId, messageId: stored().id, user: who, emoji: '🔍' });
      return () => {
        throw new Error('a Discord reaction has no delivery id: a duplicate delivery cannot happen');
      };
    } else {
      const messageId = stored().id;
      interaction = fake.messageCommand({ channelId, user: who, name: 'Check with BitMind', messageId });
    }
    return () => fake.redeliverInteraction(interaction);
  }

  async function plansAfter(kind: ChatTriggerKind, act: () => Promise<void> | void): Promise<ReplyPlan[]> {
    await rig.settled();
    const before = rig.plans.length;
    await act();
    await rig.settled();
    return rig.plans
      .slice(before)
      .filter((p) => p.trigger.kind === kind)
      .map((p) => p.plan);
  }

  return {
    platform: 'discord',

    async run(kind, situation) {
      if (situation === 'repeated_reaction' && kind !== 'reaction')
        throw new Error(`repeated_reaction is a reaction's situation, not a ${kind}'s`);
      const who = person();
      const channelId = situation === 'autoscan_off' ? off : on;
      const file = fileFor(situation);

      if (situation === 'budget_spent') {
        // Spent by an earlier check of the same person, whose plans are not this row's.
        await plansAfter('command', () => void send('command', off, who, fileFor('clean')));
      }
      if (situation === 'repeated_reaction') {
        const message = fake.postMessage({
          channelId,
          author: fake.users.alice,
          files: [file],
          dispatch: false,
        });
        const plans: ReplyPlan[] = [];
        for (const reactor of [who, person(), person()]) {
          plans.push(
            ...(await plansAfter(kind, () =>
              fake.react({ channelId, messageId: message.id, user: reactor, emoji: '🔍' }),
            )),
          );
        }
        return plans;
      }
      if (situation === 'duplicate') {
        if (kind === 'reaction')
          throw new Error('a Discord reaction has no delivery id: a duplicate delivery cannot happen');
        let again = (): void => undefined;
        const first = await plansAfter(kind, () => void (again = send(kind, channelId, who, file)));
        return [...first, ...(await plansAfter(kind, again))];
      }
      if (situation === 'bitmind_down') rig.core.sim.setFaults({ errorRate: 1 });
      try {
        return await plansAfter(kind, () => void send(kind, channelId, who, file));
      } finally {
        if (situation === 'bitmind_down') rig.core.sim.setFaults({ errorRate: 0 });
      }
    },

    close: () => rig.close(),
  };
}
