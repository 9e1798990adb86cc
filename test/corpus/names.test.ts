import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { APIEmbed, APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaRef } from '../../src/domain/types.js';
import { MEMORY_LIMITS } from '../../src/media/memory-budget.js';
import { reportTable } from '../../src/cli/report-output.js';
import { startDiscordRig, type DiscordRig } from '../discord/rig.js';
import { startCore, type TestCore } from '../helpers/core.js';
import { png } from '../helpers/media-samples.js';
import { waitFor } from '../helpers/wait.js';
import { blockText, finalReply, startSlackRig, type SlackRig } from '../slack/rig.js';
import { NAME_CASES, UNSAFE_IN_OUTPUT } from './names.js';
import { commandRequest, expectNoFileLeft } from './support.js';

/** A distinct real PNG per case, so no verdict comes from the cache of another. */
const pngFor = (i: number) => Buffer.concat([png(i + 2, 2), Buffer.from(`bitmind-sim-score=0.${i + 10}`)]);

function expectSafe(shown: string, what: string): void {
  for (const [danger, pattern] of UNSAFE_IN_OUTPUT) {
    expect(pattern.test(shown), `${what} holds ${danger}: ${JSON.stringify(shown)}`).toBe(false);
  }
}

describe('hostile names in the Slack reply (Block Kit)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await startSlackRig({ mode: 'socket' });
  });
  afterAll(() => rig?.close());

  it('escapes, strips and shortens every name, and still shows it', async () => {
    const { slack } = rig;
    const channel = slack.channels.general;
    const files = NAME_CASES.map((c, i) =>
      slack.addFile({ name: c.raw, mimetype: 'image/png', bytes: pngFor(i) }),
    );
    const message = slack.postMessage({ channel, user: slack.users.alice.id, files });
    await slack.shortcut({ user: slack.users.alice.id, channel, message });
    const reply = await finalReply(slack, channel, message.ts);

    const sections = (reply.blocks as { type: string; text?: { text: string } }[])
      .filter((b) => b.type === 'section')
      .map((b) => b.text?.text ?? '');
    expect(sections).toHaveLength(NAME_CASES.length);
    NAME_CASES.forEach((c, i) => {
      const nameLine = sections[i]!.split('\n')[0]!;
      expect(nameLine, c.name).toContain(c.visible.replace(/&/g, '&amp;'));
      expectSafe(nameLine, `Slack: ${c.name}`);
      // Markup from a name is text: no live mention, broadcast or link.
      expect(nameLine).not.toMatch(/<[!@#]|<https?:/);
      expect(nameLine.length, c.name).toBeLessThanOrEqual(120);
      expect(sections[i], c.name).toContain('evidence of AI generation');
    });
    expect(blockText(reply)).toContain('&lt;!channel&gt;');
    await expectNoFileLeft(rig.core);
  });
});

describe('hostile names in the Discord embed', () => {
  let rig: DiscordRig;
  beforeAll(async () => {
    rig = await startDiscordRig();
  });
  afterAll(() => rig?.close());

  it('escapes markdown, strips controls, shortens, and pings nobody', async () => {
    const { fake } = rig;
    const channelId = fake.channels.general.id;
    const message = fake.postMessage({
      channelId,
      author: fake.users.alice,
      files: NAME_CASES.map((c, i) => ({ name: c.raw, bytes: pngFor(i), contentType: 'image/png' })),
      dispatch: false,
    });
    const interaction = fake.messageCommand({
      channelId,
      user: fake.users.alice,
      name: 'Check with BitMind',
      messageId: message.id,
    });
    const body = (await fake.interactionAnswer(interaction)) as Partial<APIMessage> & {
      allowed_mentions?: { parse?: unknown[] };
    };
    const fields = (body.embeds ?? []).flatMap((e: APIEmbed) => e.fields ?? []);
    expect(fields).toHaveLength(NAME_CASES.length);
    NAME_CASES.forEach((c, i) => {
      const shown = fields[i]!.name;
      expect(shown.replace(/\\/g, ''), c.name).toContain(c.visible.replace(/\\/g, ''));
      expectSafe(shown, `Discord: ${c.name}`);
      expect(shown.length).toBeLessThanOrEqual(256);
      // The fake CDN cannot route a name holding '/' (Discord itself strips paths from file names).
      if (!c.raw.includes('/')) expect(fields[i]!.value, c.name).toContain('evidence of AI generation');
    });
    expect(fields[NAME_CASES.findIndex((c) => c.name.startsWith('Discord'))]!.name).toContain(
      '\\*\\*bold\\*\\*',
    );
    expect(body.allowed_mentions?.parse).toEqual([]);
    await expectNoFileLeft(rig.core);
  });
});

describe('hostile names in the CLI table, and never as a path', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core?.close());

  /** A MediaRef named `name` whose bytes arrive only when the test lets them. */
  function gatedRef(name: string, bytes: Buffer): { ref: MediaRef; release: () => void } {
    const body = new PassThrough();
    body.write(bytes.subarray(0, 64));
    return {
      // Announced larger than memory takes, so it is spooled to disk, where its file name would show.
      ref: { name, sizeHint: MEMORY_LIMITS.perItemBytes + 1, open: () => Promise.resolve(body) },
      release: () => body.end(bytes.subarray(64)),
    };
  }

  it('prints every name on one line, without controls, bidi or escapes', async () => {
    const refs = NAME_CASES.map((c, i) => ({
      name: c.raw,
      open: () => Promise.resolve(new PassThrough().end(pngFor(i + 20))),
    }));
    const table = reportTable(await core.checker.check({ ...commandRequest(refs), trigger: 'cli' }));
    const rows = table.split('\n').slice(1, 1 + NAME_CASES.length);
    NAME_CASES.forEach((c, i) => {
      expectSafe(rows[i]!, `CLI: ${c.name}`);
      expect(rows[i]!.length).toBeLessThan(200);
    });
    expect(table).toContain('etc/passwd');
    expect(table).toContain('Café 漢字');
    expectSafe(table.replace(/\n/g, ' '), 'the whole table');
  });

  it('spools each file under a random name inside its own directory, whatever the file is called', async () => {
    const before = new Set(await readdir(tmpdir()));
    const gates = NAME_CASES.map((c, i) => gatedRef(c.raw, pngFor(i + 40)));
    const checking = core.checker.check(commandRequest(gates.map((g) => g.ref)));

    // While the downloads are held open, the spool directory holds only random hex names.
    const spooled = await waitFor(
      async () => {
        const names = await readdir(core.checker.tempDir);
        return names.length >= 4 ? names : undefined;
      },
      { what: 'files being spooled' },
    );
    for (const name of spooled) expect(name).toMatch(/^[0-9a-f]{32}$/);
    for (const c of NAME_CASES) expect(existsSync(join(core.checker.tempDir, basename(c.raw)))).toBe(false);
    for (const gate of gates) gate.release();
    const report = await checking;

    expect(report.items.map((item) => ('error' in item ? item.error.code : 'checked'))).toEqual(
      NAME_CASES.map(() => 'checked'),
    );
    await expectNoFileLeft(core);
    // Nothing named after a file appeared beside the spool directory either.
    const added = (await readdir(tmpdir())).filter((n) => !before.has(n));
    for (const name of added) expect(NAME_CASES.map((c) => c.raw)).not.toContain(name);
  });
});
