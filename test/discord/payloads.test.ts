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
  componentDataSchema,
  interactionSchema,
  messageCommandSchema,
  messageSchema,
  messageUpdateSchema,
  reactionAddSchema,
} from '../../adapters/discord/payloads.js';
import { messageSpecs } from '../../adapters/discord/embeds.js';
import { isCheckable } from '../../src/pipeline/checkable.js';
import { convertible, READ_AS_IS } from '../../src/domain/media-types.js';

/** The fake CDN's host in tests; these fixtures' own hosts are Discord's real ones. */
const CDN_HOST = '127.0.0.1:1';
const DIR = new URL('../../adapters/discord/fixtures/', import.meta.url);
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, DIR), 'utf8'));

/** Which parser reads each fixture, by the file name's prefix. */
const PARSERS: ReadonlyArray<[prefix: string, schema: z.ZodType]> = [
  ['interaction-', interactionSchema],
  ['message-create', messageSchema],
  ['message-update', messageUpdateSchema],
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
      const { type, data: raw } = parsed.data as { type: number; data: unknown };
      // A button press carries a component's data; every other interaction a command's.
      const data = (type === 3 ? componentDataSchema : commandDataSchema).safeParse(raw);
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
    const media = targetMedia(messageCommandSchema.parse(i.data), CDN_HOST);
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

  it('embeds: a gifv as its MP4, a preview’s full-size image rather than its thumbnail, one spec per embed, all links', () => {
    const gifv = messageSchema.parse(fixture('message-create-embed-gifv.json'));
    expect(messageSpecs(gifv, CDN_HOST)).toEqual([
      {
        source: 'link',
        url: 'https://media.tenor.com/VDKzNRj6gKUAAAPo/cat-typing.mp4',
        name: 'media.tenor.com/VDKzNRj6gKUAAAPo/cat-typing.mp4',
      },
    ]);
    // A gifv's video is taken even where its address names no type: the still is never what was meant.
    const still = { url: 'https://gifs.example/still.png' };
    expect(
      messageSpecs(
        { ...gifv, embeds: [{ type: 'gifv', thumbnail: still, video: { url: 'https://gifs.example/v/1' } }] },
        CDN_HOST,
      ),
    ).toMatchObject([{ source: 'link', url: 'https://gifs.example/v/1' }]);
    const mixed = messageSchema.parse(fixture('message-create-embeds.json'));
    const specs = messageSpecs(mixed, CDN_HOST);
    expect(specs.map((s) => (s.source === 'link' ? s.url : s.name))).toEqual([
      'https://ichef.bbci.co.uk/news/1024/branded_news/1A2B/production/_133268543_aurora.jpg',
      'https://i.imgur.com/Xq3xhWg.jpeg',
      'https://pbs.twimg.com/media/GNI0HuCXYAAnJ3m.jpg?name=orig',
    ]);
    // Auto-scan takes them all: each path names an image type.
    expect(specs.filter((s) => isCheckable(s, READ_AS_IS))).toHaveLength(3);
    // The embeds Discord sends later, alone, read as such; the rest of the message comes from REST.
    const update = messageUpdateSchema.parse(fixture('message-update-embeds.json'));
    expect(update.embeds).toHaveLength(1);
    expect(messageSchema.safeParse(fixture('message-update-embeds.json')).success).toBe(false);
  });

  it('an embed on Discord’s own CDN is a platform medium, opened like an attachment', () => {
    const message = messageSchema.parse(fixture('message-create-embed-gifv.json'));
    const onCdn = {
      ...message,
      embeds: [
        { type: 'image', thumbnail: { url: 'https://media.discordapp.net/attachments/1/2/pic.png?ex=1' } },
      ],
    };
    expect(messageSpecs(onCdn, CDN_HOST)).toEqual([
      {
        source: 'platform',
        name: 'pic.png',
        locator: { url: 'https://media.discordapp.net/attachments/1/2/pic.png?ex=1' },
      },
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
