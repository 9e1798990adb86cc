import { randomBytes } from 'node:crypto';
import { startFakeDiscord } from '../../test/fakes/discord/index.js';
import { png } from '../../test/helpers/media-samples.js';

/**
 * The fake Discord (gateway and REST) in a process of its own, so that sending a firehose of
 * MESSAGE_CREATE costs the bot under test none of its CPU. Driven by `bench/lib/discord-process.ts`:
 * `firehose` sends messages without media to #general at a rate for a while, with one message
 * carrying a small distinct PNG every `mediaEveryMs` (none when 0), and answers with what it achieved and each
 * media message's time from dispatch to the bot's final answer.
 */
export interface FirehoseCommand {
  readonly id: number;
  readonly rate: number;
  readonly seconds: number;
  readonly mediaEveryMs: number;
}

export interface FirehoseResult {
  readonly sent: number;
  readonly seconds: number;
  /** Media messages' dispatch to final answer, ms; NaN for one not answered by the end. */
  readonly mediaMs: number[];
}

const PLACEHOLDER = /^Checking \d+ files?…$/;
/** Sends in ticks of this length: a timer per message would be the sender's bottleneck. */
const TICK_MS = 5;
/** How long after the firehose ends the media messages' answers are awaited. */
const ANSWER_WAIT_MS = 10_000;

const fake = await startFakeDiscord();
const channelId = fake.channels.general.id;

async function firehose(command: FirehoseCommand): Promise<FirehoseResult> {
  const started = performance.now();
  const end = started + command.seconds * 1000;
  let sent = 0;
  let nextMedia = started;
  const media: { id: string; at: number }[] = [];
  // Bounded: one turn per tick until `seconds` have passed.
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - started) / 1000) * command.rate);
    for (; sent < due; sent++)
      fake.postMessage({ channelId, author: fake.users.alice, content: `firehose ${sent}` });
    if (command.mediaEveryMs > 0 && performance.now() >= nextMedia) {
      nextMedia += command.mediaEveryMs;
      const at = performance.now();
      const message = fake.postMessage({
        channelId,
        author: fake.users.alice,
        files: [
          { name: 'photo.png', bytes: Buffer.concat([png(), randomBytes(2048)]), contentType: 'image/png' },
        ],
      });
      media.push({ id: message.id, at });
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  const seconds = (performance.now() - started) / 1000;
  const answered = (id: string) => fake.answersTo(id).some((m) => !PLACEHOLDER.test(m.content));
  const deadline = performance.now() + ANSWER_WAIT_MS;
  while (performance.now() < deadline && !media.every((m) => answered(m.id)))
    await new Promise((resolve) => setTimeout(resolve, 20));
  const mediaMs = media.map(({ id, at }) => (answered(id) ? answerAt(id) - at : Number.NaN));
  return { sent, seconds, mediaMs };
}

/**
 * When the answer to `id` became final, as the fake recorded it (on this process's clock): the last
 * edit of the placeholder, or the reply's POST when it was posted whole.
 */
function answerAt(id: string): number {
  const answers = new Set(fake.answersTo(id).map((m) => m.id));
  const edit = fake.calls.findLast(
    (c) => c.method === 'PATCH' && [...answers].some((a) => c.path.endsWith(`/messages/${a}`)),
  );
  return (edit ?? fake.repliesTo(id).at(-1))?.at ?? Number.NaN;
}

process.on('message', (command: FirehoseCommand) => {
  void firehose(command).then((result) => process.send?.({ id: command.id, result }));
});
process.on('disconnect', () => void fake.close().then(() => process.exit(0)));
process.send?.({ ready: { env: fake.env(), channelId } });
