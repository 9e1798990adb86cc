import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackFileObject, StoredMessage } from '../fakes/slack/index.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { waitFor } from '../helpers/wait.js';
import { blockText, finalReply, pngScored, startSlackRig, type SlackRig } from './rig.js';

failOnStrayErrors();

/**
 * Issue 13, class 4 (no confused deputy): a Slack file or message link is checked only when what it
 * points at can already be seen where the answer goes; otherwise the asker alone hears a refusal that
 * names nothing, and the bot's token never fetches the file.
 */
describe('Slack: /bitmind check <Slack link> answers only about what the channel can see', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await startSlackRig({ mode: 'http' });
  });
  afterAll(() => rig?.close());

  const alice = () => rig.slack.users.alice.id;
  const channels = () => rig.slack.channels;

  function fileIn(channel: string | undefined, name: string): SlackFileObject {
    const file = rig.slack.addFile({ name, mimetype: 'image/png', bytes: pngScored(0.66) });
    if (channel) rig.slack.postMessage({ channel, user: alice(), files: [file] });
    return file;
  }

  function messageLink(message: StoredMessage): string {
    return `https://${rig.slack.workspace.domain}.slack.com/archives/${message.channel}/p${message.ts.replace('.', '')}`;
  }

  /** Asks in `channel`; expects exactly one private answer, naming nothing, and no download of `file`. */
  async function expectRefused(channel: string, text: string, file: SlackFileObject, refusal: RegExp) {
    const { slack } = rig;
    const mark = slack.calls.length;
    const { responseUrl } = await slack.command({ user: alice(), channel, text });
    await rig.idle();
    const responses = slack.responses(responseUrl);
    expect(responses).toHaveLength(1);
    expect(responses[0]!.args.response_type ?? 'ephemeral').toBe('ephemeral');
    expect(String(responses[0]!.args.text)).toMatch(refusal);
    const since = slack.calls.slice(mark);
    expect(JSON.stringify(since.map((c) => c.args))).not.toContain(file.name);
    expect(since.filter((c) => ['chat.postMessage', 'chat.update'].includes(c.method))).toEqual([]);
    expect(slack.downloads.filter((d) => d.args.file === file.id)).toEqual([]);
  }

  const FILE_REFUSAL = /^I can only check a file here that was shared in this channel\.$/;
  const MESSAGE_REFUSAL = /^I can only check a message link from this channel\.$/;

  it('refuses a file shared only in a private channel, in every link form', async () => {
    const file = fileIn(channels().secret, 'secret-plan.png');
    const filesPri = new URL(file.url_private).pathname;
    for (const link of [
      file.permalink,
      `<${file.permalink}>`,
      `<${file.permalink}|photo>`,
      `https://files.slack.com${filesPri}`,
    ])
      await expectRefused(channels().general, `check ${link}`, file, FILE_REFUSAL);
  });

  it('refuses a file shared nowhere, or only in a direct message', async () => {
    const unshared = fileIn(undefined, 'never-shared.png');
    await expectRefused(channels().general, `check ${unshared.permalink}`, unshared, FILE_REFUSAL);
    const dm = fileIn('D0ALICEDM', 'in-a-dm.png');
    await expectRefused(channels().general, `check ${dm.permalink}`, dm, FILE_REFUSAL);
  });

  it('refuses a link to a message of another channel, public or private', async () => {
    for (const channel of [channels().random, channels().secret]) {
      const file = rig.slack.addFile({
        name: `elsewhere-${channel}.png`,
        mimetype: 'image/png',
        bytes: pngScored(0.5),
      });
      const message = rig.slack.postMessage({ channel, user: alice(), files: [file] });
      const historyBefore = rig.slack.callsTo('conversations.history').length;
      await expectRefused(channels().general, `check ${messageLink(message)}`, file, MESSAGE_REFUSAL);
      // Not even looked up: the refusal comes from the link alone.
      expect(rig.slack.callsTo('conversations.history')).toHaveLength(historyBefore);
    }
  });

  it('checks a file shared in this channel, private channels included, and answers there', async () => {
    const { slack } = rig;
    for (const channel of [channels().general, channels().secret]) {
      const file = fileIn(channel, `here-${channel}.png`);
      await slack.command({ user: alice(), channel, text: `check ${file.permalink}` });
      const update = await waitFor(
        () =>
          slack
            .callsTo('chat.update')
            .find((c) => c.args.channel === channel && blockText(c.args).includes(file.name)),
        { what: `the verdict on ${file.name}` },
      );
      expect(blockText(update.args)).toContain('66%');
      expect(slack.downloads.filter((d) => d.args.file === file.id)).toHaveLength(1);
    }
  });

  it('checks a public file of this workspace from another public channel', async () => {
    const { slack } = rig;
    const file = fileIn(channels().random, 'public-poster.png');
    await slack.command({ user: alice(), channel: channels().general, text: `check ${file.permalink}` });
    const update = await waitFor(
      () => slack.callsTo('chat.update').find((c) => blockText(c.args).includes(file.name)),
      { what: 'the verdict on the public file' },
    );
    expect(update.args.channel).toBe(channels().general);
  });

  it('checks a message link of this channel: every file of it, answered in its thread', async () => {
    const { slack } = rig;
    const files = [
      slack.addFile({ name: 'linked-one.png', mimetype: 'image/png', bytes: pngScored(0.21) }),
      slack.addFile({ name: 'linked-two.png', mimetype: 'image/png', bytes: pngScored(0.87) }),
    ];
    const message = slack.postMessage({ channel: channels().general, user: alice(), files });
    await slack.command({
      user: alice(),
      channel: channels().general,
      text: `check <${messageLink(message)}>`,
    });
    const text = blockText(await finalReply(slack, channels().general, message.ts));
    expect(text).toMatch(/linked-one\.png\*\n.*21%/);
    expect(text).toMatch(/linked-two\.png\*\n.*87%/);
  });

  it('says privately when a linked message of this channel has nothing to check', async () => {
    const { slack } = rig;
    const message = slack.postMessage({ channel: channels().general, user: alice(), text: 'words only' });
    const { responseUrl } = await slack.command({
      user: alice(),
      channel: channels().general,
      text: `check ${messageLink(message)}`,
    });
    await rig.idle();
    expect(slack.responses(responseUrl).map((r) => r.args.text)).toEqual([
      'That message has no image or video I can check.',
    ]);
  });
});
