import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';

/**
 * Malformed and hostile platform payloads, as data. Slack's are delivered to the real adapter over
 * HTTP (signed, unless the case is about the signature); Discord's are dispatched by the fake gateway
 * to a logged-in discord.js client. Each case names what Slack/Discord sees (`status`) and what the
 * person sees: a reply matching `reply`, or nothing at all (`reply: null`), and in every case no
 * error logged and no crash.
 */

// ---- Slack --------------------------------------------------------------------------------------

export interface SlackEventCase {
  readonly name: string;
  /** The event inside an otherwise well-formed, signed event_callback envelope. */
  readonly event: (ctx: { channel: string; user: string; ts: string }) => Record<string, unknown>;
}

const file = { id: 'F0CORPUS', name: 'x.png', mimetype: 'image/png', url_private_download: 'x' };

/** Events in a channel where auto-scan is on: every one must be acknowledged and ignored. */
export const SLACK_EVENT_CASES: readonly SlackEventCase[] = [
  {
    name: 'a message without a channel',
    event: (c) => ({ type: 'message', user: c.user, ts: c.ts, files: [file] }),
  },
  {
    name: 'a message without a ts',
    event: (c) => ({ type: 'message', channel: c.channel, user: c.user, files: [file] }),
  },
  {
    name: 'a message whose files have no id',
    event: (c) => ({ type: 'message', channel: c.channel, user: c.user, ts: c.ts, files: [{}] }),
  },
  {
    name: 'a message whose files are not a list',
    event: (c) => ({ type: 'message', channel: c.channel, user: c.user, ts: c.ts, files: 'x.png' }),
  },
  ...['message_changed', 'message_deleted', 'bot_message', 'channel_join', 'made_up_subtype'].map(
    (subtype): SlackEventCase => ({
      name: `a message of subtype ${subtype}`,
      event: (c) => ({ type: 'message', subtype, channel: c.channel, user: c.user, ts: c.ts, files: [file] }),
    }),
  ),
  { name: 'an event of an unknown type', event: (c) => ({ type: 'made_up_event', channel: c.channel }) },
  { name: 'an event with no type', event: (c) => ({ channel: c.channel, user: c.user }) },
  {
    name: 'a reaction without an item',
    event: (c) => ({ type: 'reaction_added', user: c.user, reaction: 'mag', event_ts: c.ts }),
  },
  {
    name: 'the trigger reaction on a file, not a message',
    event: (c) => ({
      type: 'reaction_added',
      user: c.user,
      reaction: 'mag',
      item: { type: 'file', file: 'F1' },
    }),
  },
  {
    name: 'the trigger reaction on a message that does not exist',
    event: (c) => ({
      type: 'reaction_added',
      user: c.user,
      reaction: 'mag',
      item: { type: 'message', channel: c.channel, ts: '1.000001' },
    }),
  },
];

export interface SlackEnvelopeCase {
  readonly name: string;
  /** Raw body, content type and signature: `sign` false sends no signature headers at all. */
  readonly body: string;
  readonly contentType: string;
  readonly sign: 'right' | 'forged' | 'stale' | 'none';
  readonly status: number;
  /** An error line the case is expected to log (Bolt's own complaint), if any. */
  readonly logs?: RegExp;
}

const NOT_ACKNOWLEDGED = /An incoming event was not acknowledged within 3 seconds/;
const json = 'application/json';
const form = 'application/x-www-form-urlencoded';
const someEvent = JSON.stringify({
  type: 'event_callback',
  event_id: 'Ev0FORGED',
  event: { type: 'app_mention' },
});

/**
 * Bad signatures are refused by Bolt with 401, unparseable bodies with 400. An envelope Bolt has no
 * listener for is never acknowledged, so Bolt answers 404 after its 3-second wait: Slack retries,
 * gets the same, and gives up; nothing is posted.
 */
export const SLACK_ENVELOPE_CASES: readonly SlackEnvelopeCase[] = [
  { name: 'a forged signature', body: someEvent, contentType: json, sign: 'forged', status: 401 },
  {
    name: 'a signature ten minutes old (a replay)',
    body: someEvent,
    contentType: json,
    sign: 'stale',
    status: 401,
  },
  { name: 'no signature at all', body: someEvent, contentType: json, sign: 'none', status: 401 },
  {
    name: 'a body that is not JSON',
    body: '{"type": "event_callback", ',
    contentType: json,
    sign: 'right',
    status: 400,
  },
  {
    name: 'an event_callback without an event',
    body: '{"type":"event_callback","event_id":"Ev0NOEVENT"}',
    contentType: json,
    sign: 'right',
    status: 404,
    logs: NOT_ACKNOWLEDGED,
  },
  {
    name: 'an envelope of an unknown type',
    body: '{"type":"made_up_envelope"}',
    contentType: json,
    sign: 'right',
    status: 404,
    logs: NOT_ACKNOWLEDGED,
  },
  {
    name: 'an interaction payload that is not JSON',
    body: 'payload=%7Bnot-json',
    contentType: form,
    sign: 'right',
    status: 400,
  },
];

export interface SlackCommandCase {
  readonly name: string;
  readonly text: string;
  /** What the private (or public) answer on the response URL says. */
  readonly reply: RegExp;
}

export const SLACK_COMMAND_CASES: readonly SlackCommandCase[] = [
  {
    name: 'an unknown verb with controls and markup',
    text: '\u0000\u202E<script>alert(1)</script>',
    reply: /^I do not know `\S*script\S*`\./,
  },
  { name: 'five thousand characters of garbage', text: 'z'.repeat(5000), reply: /^I do not know `z{39}…`\./ },
  {
    name: 'check with words, not a link',
    text: 'check not-a-link',
    reply: /^That does not look like a link\./,
  },
  {
    name: 'check javascript:',
    text: 'check javascript:alert(1)',
    reply: /^That does not look like a link\./,
  },
  {
    name: 'check a Slack-wrapped loopback link',
    text: 'check <http://127.0.0.1:9/x.png|photo>',
    reply: /That address is not allowed: 127\.0\.0\.1 is on a private or local network\./,
  },
  {
    name: 'check a 10,000-character link',
    text: `check https://example.com/${'a'.repeat(9980)}`,
    reply: /the link is 10,000 characters long; the limit is 4,096\./,
  },
  {
    name: 'check a link with credentials',
    text: 'check https://alice:hunter2@example.com/a.png',
    reply: /links with a user name or password in them are refused/,
  },
  {
    name: 'autoscan with a bogus mode',
    text: 'autoscan mode shouting',
    reply: /^Try `\/bitmind autoscan on`/,
  },
  { name: 'autoscan with a bogus action', text: 'autoscan explode', reply: /^Try `\/bitmind autoscan on`/ },
];

// ---- Discord ------------------------------------------------------------------------------------

export interface DiscordInteractionCase {
  readonly name: string;
  /** The interaction's `data`; `A` stands for an attachment id the fake has never heard of. */
  readonly data: Record<string, unknown>;
  /** The edited answer's text, or null when the bot should not answer at all. */
  readonly reply: RegExp | null;
}

const check = (options: unknown[]) => ({
  name: 'bitmind',
  type: ApplicationCommandType.ChatInput,
  options: [{ name: 'check', type: ApplicationCommandOptionType.Subcommand, options }],
});

export const DISCORD_INTERACTION_CASES: readonly DiscordInteractionCase[] = [
  { name: '/bitmind check with nothing to check', data: check([]), reply: /Give me something to check/ },
  {
    name: '/bitmind check with an attachment missing from resolved data',
    data: check([{ name: 'media', type: ApplicationCommandOptionType.Attachment, value: '1234567890' }]),
    reply: /could not read that command/,
  },
  {
    name: '/bitmind check with a url that is not a link',
    data: check([{ name: 'url', type: ApplicationCommandOptionType.String, value: 'not a link' }]),
    reply: /That address is not allowed: that is not a valid link\./,
  },
  {
    name: '/bitmind check with a javascript: url',
    data: check([{ name: 'url', type: ApplicationCommandOptionType.String, value: 'javascript:alert(1)' }]),
    reply: /only http and https links can be checked, not javascript links/,
  },
  {
    name: '/bitmind check with a cloud metadata url',
    data: check([
      { name: 'url', type: ApplicationCommandOptionType.String, value: 'http://169.254.169.254/latest/' },
    ]),
    reply: /169\.254\.169\.254 is on a private or local network/,
  },
  {
    name: 'the message command with the target missing from resolved data',
    data: {
      name: 'Check with BitMind',
      type: ApplicationCommandType.Message,
      target_id: '1234567890',
      resolved: {},
    },
    reply: /That message has no image or video attached\./,
  },
  {
    name: 'a command the bot does not know',
    data: { name: 'somebody-elses', type: ApplicationCommandType.ChatInput },
    reply: null,
  },
  {
    name: 'a subcommand the bot does not know',
    data: {
      name: 'bitmind',
      type: ApplicationCommandType.ChatInput,
      options: [{ name: 'explode', type: ApplicationCommandOptionType.Subcommand, options: [] }],
    },
    // Answered privately rather than left "thinking": a command out of step with the bot's definitions.
    reply: /could not read that command/,
  },
];
