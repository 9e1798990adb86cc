import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { reactionForms } from '../../adapters/discord/events.js';
import { checkMedia, invocationOf, targetMedia } from '../../adapters/discord/invocation.js';
import { attachmentSpecs } from '../../adapters/discord/media.js';
import {
  channelSchema,
  chatInputSchema,
  commandDataSchema,
  interactionSchema,
  messageCommandSchema,
  messageSchema,
  reactionAddSchema,
} from '../../adapters/discord/payloads.js';
import { isCheckable } from '../../src/pipeline/checkable.js';
import { convertible, READ_AS_IS } from '../../src/domain/media-types.js';

const DIR = new URL('../../adapters/discord/fixtures/', import.meta.url);
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, DIR), 'utf8'));

/** Which parser reads each fixture, by the file name's prefix. */
const PARSERS: ReadonlyArray<[prefix: string, schema: z.ZodType]> = [
  ['interaction-', interactionSchema],
  ['message-create', messageSchema],
  ['message-reaction-add', reactionAddSchema],
  ['channel-', channelSchema],
];

describe('Discord payload fixtures (real shapes, beside the parsers)', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

  it('every fixture has a parser, and there is one of each kind', () => {
    for (const file of files)
      expect(
        PARSERS.some(([prefix]) => file.startsWith(prefix)),
        file,
      ).toBe(true);
    for (const [prefix] of PARSERS)
      expect(
        files.some((f) => f.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });

  it.each(files)('%s parses', (file) => {
    const [, schema] = PARSERS.find(([prefix]) => file.startsWith(prefix))!;
    const parsed = schema.safeParse(fixture(file));
    expect(parsed.error?.issues ?? []).toEqual([]);
    if (file.startsWith('interaction-')) {
      const data = commandDataSchema.safeParse((parsed.data as { data: unknown }).data);
      expect(data.error?.issues ?? []).toEqual([]);
    }
  });

  it('a slash command: path, options and its attachment, taken as given', () => {
    const i = interactionSchema.parse(fixture('interaction-check-attachment.json'));
    const data = chatInputSchema.parse(i.data);
    const asked = invocationOf(i, i.member!.user.id, i.channel_id, data);
    expect(asked).toMatchObject({ path: ['check'], options: { private: true }, workspace: i.guild_id });
    const media = checkMedia(asked, data);
    expect(media).toEqual([
      expect.objectContaining({
        source: 'platform',
        name: 'sunset.png',
        mimeHint: 'image/png',
        sizeHint: 482113,
        locator: expect.not.objectContaining({ messageId: expect.anything() }),
      }),
    ]);
  });

  it('a subcommand group in a thread; a DM without member or guild', () => {
    const i = interactionSchema.parse(fixture('interaction-autoscan-enable.json'));
    const asked = invocationOf(i, i.member!.user.id, i.channel!.parent_id!, chatInputSchema.parse(i.data));
    expect(asked).toMatchObject({ path: ['autoscan', 'enable'], options: { mode: 'silent' } });
    expect(asked.settingsChannel).not.toBe(asked.channel);
    const dm = interactionSchema.parse(fixture('interaction-dm-help.json'));
    expect(dm.member ?? undefined).toBeUndefined();
    expect(invocationOf(dm, dm.user!.id, dm.channel_id, chatInputSchema.parse(dm.data))).toMatchObject({
      workspace: 'dm',
      path: ['help'],
    });
  });

  it('the message command takes the image and video attachments of its message, with their ids', () => {
    const i = interactionSchema.parse(fixture('interaction-message-command.json'));
    const media = targetMedia(messageCommandSchema.parse(i.data));
    expect(media.map((m) => m.name)).toEqual(['harbour.jpg']);
    expect(media[0]).toMatchObject({
      locator: { channelId: i.channel_id, messageId: '1232749425624223826' },
    });
  });

  it('a message gives every image or video as a spec; the pipeline then takes the GIF only where it can convert it', () => {
    const message = messageSchema.parse(fixture('message-create.json'));
    const specs = attachmentSpecs(message.attachments, {
      channelId: message.channel_id,
      messageId: message.id,
    });
    expect(specs.map((s) => s.name)).toEqual(['cat.webp', 'dance.gif', 'clip.mov']);
    // What auto-scan takes depends on what this bot can convert: a GIF only with conversion.
    expect(specs.filter((s) => isCheckable(s, READ_AS_IS)).map((s) => s.name)).toEqual([
      'cat.webp',
      'clip.mov',
    ]);
    expect(specs.filter((s) => isCheckable(s, convertible(false))).map((s) => s.name)).toEqual([
      'cat.webp',
      'dance.gif',
      'clip.mov',
    ]);
  });

  it('reactions: a unicode emoji by itself, a custom one by name, id and mention form', () => {
    expect(reactionForms(reactionAddSchema.parse(fixture('message-reaction-add.json')).emoji)).toEqual([
      '🔍',
    ]);
    expect(reactionForms(reactionAddSchema.parse(fixture('message-reaction-add-custom.json')).emoji)).toEqual(
      ['magnify', '1005178262939410472', '<a:magnify:1005178262939410472>'],
    );
  });
});

describe('malformed payloads are refused by the parsers, never thrown', () => {
  const interaction = fixture('interaction-check-attachment.json') as Record<string, unknown>;
  const data = interaction.data as Record<string, unknown>;
  const cases: ReadonlyArray<[what: string, schema: z.ZodType, payload: unknown]> = [
    ['null', interactionSchema, null],
    ['a string', interactionSchema, 'INTERACTION_CREATE'],
    ['no token', interactionSchema, { ...interaction, token: undefined }],
    ['an id that is not a snowflake', interactionSchema, { ...interaction, id: { $gt: '' } }],
    [
      'permissions that are not a number',
      interactionSchema,
      { ...interaction, member: { user: { id: '1' }, permissions: 'all' } },
    ],
    ['options not an array', commandDataSchema, { ...data, options: { name: 'check' } }],
    [
      'an option value that is an object',
      commandDataSchema,
      { ...data, options: [{ name: 'check', type: 1, options: [{ name: 'url', type: 3, value: {} }] }] },
    ],
    ['data null', commandDataSchema, null],
    ['an unknown command type', commandDataSchema, { ...data, type: 99 }],
    [
      'a message without author',
      messageSchema,
      { ...(fixture('message-create.json') as object), author: null },
    ],
    [
      'attachments not an array',
      messageSchema,
      { ...(fixture('message-create.json') as object), attachments: 'x' },
    ],
    [
      'an attachment size that is text',
      messageSchema,
      {
        ...(fixture('message-create.json') as object),
        attachments: [{ id: '1', filename: 'a.png', size: 'big', url: 'u' }],
      },
    ],
    [
      'a reaction without emoji',
      reactionAddSchema,
      { ...(fixture('message-reaction-add.json') as object), emoji: null },
    ],
    [
      'a reaction with a numeric user id',
      reactionAddSchema,
      { ...(fixture('message-reaction-add.json') as object), user_id: 5 },
    ],
  ];
  it.each(cases)('%s', (_what, schema, payload) => {
    expect(() => schema.safeParse(payload)).not.toThrow();
    expect(schema.safeParse(payload).success).toBe(false);
  });
});
