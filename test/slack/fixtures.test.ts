import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageSpecs, unfurlSpecs } from '../../adapters/slack/files.js';
import {
  blockActionsSchema,
  eventCallbackSchema,
  fileInfoResponseSchema,
  messageChangedSchema,
  messageEventSchema,
  messageShortcutSchema,
  reactionAddedSchema,
  slashCommandSchema,
} from '../../adapters/slack/schemas.js';
import { baseReaction } from '../../adapters/slack/triggers/keys.js';

const DIR = resolve(import.meta.dirname, '../../adapters/slack/fixtures');
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const load = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as unknown;

/** Parses a fixture with the schema its name points to; what the adapter would read of it. */
function parse(name: string): unknown {
  const payload = load(name);
  if (name.startsWith('event-')) {
    const envelope = eventCallbackSchema.parse(payload);
    switch (envelope.event.type) {
      case 'message':
        return envelope.event.subtype === 'message_changed'
          ? messageChangedSchema.parse(envelope.event)
          : messageEventSchema.parse(envelope.event);
      case 'reaction_added':
        return reactionAddedSchema.parse(envelope.event);
      case 'file_shared':
        return envelope.event;
      default:
        throw new Error(`${name}: no schema for event ${envelope.event.type}`);
    }
  }
  if (name.startsWith('slash-command')) return slashCommandSchema.parse(payload);
  if (name.startsWith('message-shortcut')) return messageShortcutSchema.parse(payload);
  if (name.startsWith('files-info')) return fileInfoResponseSchema.parse(payload);
  if (name.startsWith('block-actions')) return blockActionsSchema.parse(payload);
  throw new Error(`${name}: no schema named for this fixture`);
}

describe("Slack's own payload shapes, parsed by the adapter's schemas", () => {
  it('has fixtures to parse', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(8);
  });

  it.each(FIXTURES)('%s parses', (name) => {
    expect(() => parse(name)).not.toThrow();
  });

  it('reads what a trigger needs from each', () => {
    const share = parse('event-message-file-share.json') as ReturnType<typeof messageEventSchema.parse>;
    expect(messageSpecs(share)).toEqual([
      {
        source: 'platform',
        name: 'tedair.gif',
        sizeHint: 137531,
        mimeHint: 'image/gif',
        locator: {
          fileId: 'F0S43PZDF',
          url: 'https://files.slack.com/files-pri/T061EG9R6-F0S43PZDF/download/tedair.gif',
        },
      },
    ]);
    const stub = parse('event-message-slack-connect-stub.json') as ReturnType<
      typeof messageEventSchema.parse
    >;
    expect(messageSpecs(stub)).toEqual([
      { source: 'platform', name: 'F0S43PZDF', locator: { fileId: 'F0S43PZDF' } },
    ]);
    expect(stub.thread_ts).toBe('1531763348.000001');

    const reaction = parse('event-reaction-added.json') as ReturnType<typeof reactionAddedSchema.parse>;
    expect(baseReaction(reaction.reaction)).toBe('mag');
    expect(reaction.item).toEqual({ type: 'message', channel: 'C0G9QF9GZ', ts: '1360782400.498405' });
    expect((parse('event-reaction-added-file.json') as typeof reaction).item.type).toBe('file');

    // The edit that adds a link's unfurls: the page's image, a video's thumbnail (nothing else shown).
    const edit = parse('event-message-changed-unfurl.json') as ReturnType<typeof messageChangedSchema.parse>;
    expect(unfurlSpecs(edit.previous_message!)).toEqual([]);
    expect(messageSpecs(edit.message)).toEqual([
      {
        source: 'link',
        url: 'https://ichef.bbci.co.uk/news/1024/branded_news/1A2B/production/_133268543_aurora.jpg',
        name: 'ichef.bbci.co.uk/news/1024/branded_news/1A2B/production/_133268543_aurora.jpg',
      },
      {
        source: 'link',
        url: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
        name: 'i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
      },
    ]);

    const command = parse('slash-command.json') as ReturnType<typeof slashCommandSchema.parse>;
    expect(command.response_url).toMatch(/^https:\/\/hooks\.slack\.com\//);
    const shortcut = parse('message-shortcut.json') as ReturnType<typeof messageShortcutSchema.parse>;
    expect(messageSpecs(shortcut.message).map((s) => s.name)).toEqual(['IMG_0001.jpg']);
  });

  it.each([
    ['a message whose files are not a list', { ts: '1.1', channel: 'C1', type: 'message', files: 'x.png' }],
    ['a message whose file has no id', { ts: '1.1', channel: 'C1', type: 'message', files: [{}] }],
    ['a message without a ts', { channel: 'C1', type: 'message' }],
  ])('refuses %s', (_name, event) => {
    expect(messageEventSchema.safeParse(event).success).toBe(false);
  });
});
