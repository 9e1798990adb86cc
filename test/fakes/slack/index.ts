import { createServer, type Server } from 'node:http';
import * as build from './payloads.js';
import { SlackHttpSender, type HttpDeliveryOptions } from './signing.js';
import { FakeSocketMode, type EnvelopeType } from './socket-mode.js';
import { FakeOAuth } from './oauth.js';
import { FakeWebApi, type RecordedCall } from './web-api.js';
import {
  FakeWorkspace,
  type FakeWorkspaceOptions,
  type FakeFileSpec,
  type FakeUser,
  type SlackFileObject,
  type StoredMessage,
} from './workspace.js';

export type { RecordedCall, MethodHandler } from './web-api.js';
export type { FakeFileSpec, FakeUser, SlackFileObject, StoredMessage } from './workspace.js';
export { SIGN_IN_PAGE } from './workspace.js';
export { VERIFICATION_TOKEN } from './payloads.js';
export {
  signatureHeaders,
  SlackHttpSender,
  type HttpDeliveryOptions,
  type HttpDeliveryResult,
} from './signing.js';
export { FakeSocketMode, type EnvelopeType } from './socket-mode.js';
export type { Consent } from './oauth.js';
export type { FakeWorkspace } from './workspace.js';

export interface FakeSlackOptions {
  readonly botToken?: string;
  readonly appToken?: string;
  readonly signingSecret?: string;
  /** How often the Socket Mode end pings each connection (Slack: about every 10 s). */
  readonly pingIntervalMs?: number;
}

/** How a delivery went: the HTTP status and body (HTTP mode) or the ack's payload (Socket Mode). */
export interface Delivered {
  /** event_id for events, trigger_id for commands and shortcuts. */
  readonly id: string;
  /** Socket Mode: the envelope id (reuse it to play a redelivery). */
  readonly envelopeId?: string;
  readonly status?: number;
  readonly body?: string;
  readonly ack?: unknown;
}

export interface DeliveryOptions {
  /** Reuse an event_id (a retry). */
  readonly eventId?: string;
  /** Reuse an envelope_id (a Socket Mode redelivery). */
  readonly envelopeId?: string;
  /** A retry: x-slack-retry-num over HTTP, retry_attempt over Socket Mode. */
  readonly retryNum?: number;
  /** HTTP only: forged or stale signatures. */
  readonly http?: Omit<HttpDeliveryOptions, 'retryNum'>;
}

/**
 * A fake Slack on 127.0.0.1, one port for everything:
 * - the Web API at `apiUrl` (`/api/<method>`; SLACK_API_URL), bot token required, every call
 *   recorded in `calls` with its decoded arguments and headers;
 * - file downloads at `/files-pri/<team>-<file id>/<name>`, served only with the bot token
 *   (otherwise Slack's sign-in page, as when files:read is missing);
 * - response URLs at `/response/<id>` (recorded as method `response_url`);
 * - Socket Mode at `/link` (`apps.connections.open` hands the URL out; see FakeSocketMode).
 *
 * The workspace holds the users `alice` (a member), `admin` (is_admin) and `otherBot`, the channels
 * `general` and `random`, the private channel `secret`, and the bot `bot`. files.info says where
 * a file is shared (`channels`, `groups`, `ims`, `is_public`) from the messages that carry it. Seed it with `addFile` and `postMessage`; deliver
 * Slack's side with `shareFiles`, `react`, `command`, `shortcut` or `sendEvent`, over HTTP
 * (`deliverOverHttp(url)`, signed with `signingSecret`) or Socket Mode (`deliverOverSocketMode()`);
 * read the bot's side with `botMessages`, `threadReplies`, `botReactions`, `responses`, `downloads`.
 * Break it with `web.rateLimitNext`, `web.failNext`, `web.override`, `leaveChannel`, and
 * `socket.requestReconnect` / `socket.dropConnections`.
 */
export class FakeSlack {
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  /**
   * The workspace the helpers below seed, read and deliver from: the default one, or another made
   * by `addWorkspace` and picked with `use` (each has its own channels, messages and files).
   */
  workspace: FakeWorkspace;
  readonly web: FakeWebApi;
  /** Slack's OAuth: the consent page and oauth.v2.access (distributed mode). */
  readonly oauth: FakeOAuth;
  readonly #sequence = { n: 0 };
  readonly socket: FakeSocketMode;
  readonly bot = { userId: 'U0BITMIND', botId: 'B0BITMIND', appId: 'A0FAKE' } as const;
  readonly users: { readonly alice: FakeUser; readonly admin: FakeUser; readonly otherBot: FakeUser };
  /** `secret` is a private channel alice is in, and the asker of a test may not be. */
  readonly channels = { general: 'C0GENERAL', random: 'C0RANDOM', secret: 'C0SECRET' } as const;
  #http: SlackHttpSender | undefined;
  #viaSocket = false;

  constructor(
    private readonly server: Server,
    readonly origin: string,
    options: FakeSlackOptions,
  ) {
    this.botToken = options.botToken ?? 'xoxb-1111-2222-fakebottoken';
    this.appToken = options.appToken ?? 'xapp-1-A0FAKE-3333-fakeapptoken';
    this.signingSecret = options.signingSecret ?? 'fake-signing-secret-8f14e45fceea167a';
    this.workspace = new FakeWorkspace(origin, { sequence: this.#sequence });
    this.workspace.privateChannels.add(this.channels.secret);
    this.users = {
      alice: this.workspace.addUser({ id: 'U0ALICE', name: 'alice' }),
      admin: this.workspace.addUser({ id: 'U0ADMIN', name: 'admin', is_admin: true }),
      otherBot: this.workspace.addUser({ id: 'U0OTHERBOT', name: 'otherbot', is_bot: true }),
    };
    this.workspace.addUser({ id: this.bot.userId, name: 'bitmind', is_bot: true });
    this.web = new FakeWebApi(this.workspace, { bot: this.botToken, app: this.appToken }, this.bot);
    this.socket = new FakeSocketMode(server, origin, { pingIntervalMs: options.pingIntervalMs ?? 10_000 });
    this.web.socketModeUrl = () => this.socket.connectionUrl();
    this.oauth = new FakeOAuth(this.web);
    server.on('request', (req, res) => {
      if (this.oauth.handleAuthorize(req, res, origin)) return;
      this.web.handle(req, res).then(
        (handled) => {
          if (!handled) res.writeHead(404).end();
        },
        () => res.writeHead(500).end(),
      );
    });
  }

  /** Another workspace (its own users alice and admin, channels, messages and files); tokens come from installs. */
  addWorkspace(options: Omit<FakeWorkspaceOptions, 'sequence'> & { teamId: string }): FakeWorkspace {
    const workspace = new FakeWorkspace(this.origin, { ...options, sequence: this.#sequence });
    workspace.privateChannels.add(this.channels.secret);
    for (const user of Object.values(this.users)) workspace.addUser(user);
    workspace.addUser({ id: this.bot.userId, name: 'bitmind', is_bot: true });
    return workspace;
  }

  /** Makes `workspace` the one the helpers seed, read and deliver from. */
  use(workspace: FakeWorkspace): this {
    this.workspace = workspace;
    return this;
  }

  /** The settings of distributed mode (no bot token): the app's client id and secret, over HTTP. */
  distributedEnv(): Record<string, string> {
    return {
      SLACK_CLIENT_ID: this.oauth.clientId,
      SLACK_CLIENT_SECRET: this.oauth.clientSecret,
      SLACK_SIGNING_SECRET: this.signingSecret,
      SLACK_API_URL: this.apiUrl,
    };
  }

  /** SLACK_API_URL for the bot: `http://127.0.0.1:<port>/api/`. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** The settings that point the bot at this fake, in Socket Mode (app token) or HTTP mode (signing secret). */
  env(mode: 'socket' | 'http' = 'socket'): Record<string, string> {
    return {
      SLACK_BOT_TOKEN: this.botToken,
      ...(mode === 'socket'
        ? { SLACK_APP_TOKEN: this.appToken }
        : { SLACK_SIGNING_SECRET: this.signingSecret }),
      SLACK_API_URL: this.apiUrl,
    };
  }

  get calls(): readonly RecordedCall[] {
    return this.web.calls;
  }

  callsTo(method: string): RecordedCall[] {
    return this.web.calls.filter((c) => c.method === method);
  }

  /** Posts to a response URL, in order; pass one to see only the posts to it. */
  responses(responseUrl?: string): RecordedCall[] {
    const path = responseUrl ? new URL(responseUrl).pathname : undefined;
    return this.callsTo('response_url').filter((c) => path === undefined || c.path === path);
  }

  /** File downloads, with the headers they carried. */
  get downloads(): RecordedCall[] {
    return this.callsTo('file');
  }

  // ---- the workspace --------------------------------------------------------------------------

  addFile(spec: FakeFileSpec): SlackFileObject {
    return this.workspace.addFile(spec);
  }

  /** Stores a message without delivering any event (history the bot can find). */
  postMessage(fields: {
    channel: string;
    user?: string;
    botId?: string;
    text?: string;
    files?: SlackFileObject[];
    threadTs?: string;
  }): StoredMessage {
    return this.workspace.addMessage({
      channel: fields.channel,
      user: fields.user,
      bot_id: fields.botId,
      text: fields.text,
      files: fields.files,
      thread_ts: fields.threadTs,
      subtype: fields.botId ? 'bot_message' : undefined,
    });
  }

  /** The bot can no longer post in `channel` (not_in_channel), as in a channel it was not invited to. */
  leaveChannel(channel: string): void {
    this.workspace.channelsWithoutBot.add(channel);
  }

  /** Messages the bot posted in a channel, oldest first, as they are now (after chat.update). */
  botMessages(channel: string): StoredMessage[] {
    return this.workspace.allMessages(channel).filter((m) => m.bot_id === this.bot.botId);
  }

  /** The bot's messages in the thread of `threadTs`. */
  threadReplies(channel: string, threadTs: string): StoredMessage[] {
    return this.botMessages(channel).filter((m) => m.thread_ts === threadTs);
  }

  /** Reactions the bot added to a message. */
  botReactions(channel: string, ts: string): string[] {
    const message = this.workspace.message(channel, ts);
    return [...(message?.reactions ?? [])]
      .filter(([, users]) => users.includes(this.bot.userId))
      .map(([name]) => name);
  }

  // ---- Slack's side: deliveries -----------------------------------------------------------------

  deliverOverHttp(url: string): void {
    this.#http = new SlackHttpSender(url, this.signingSecret);
    this.#viaSocket = false;
  }

  deliverOverSocketMode(): void {
    this.#http = undefined;
    this.#viaSocket = true;
  }

  get #team(): build.Team {
    return {
      teamId: this.workspace.teamId,
      domain: this.workspace.domain,
      botUserId: this.bot.userId,
      apiAppId: this.bot.appId,
      enterpriseId: this.workspace.enterpriseId,
      orgInstall: [...this.web.grants.values()].some(
        (g) => g.orgWide === true && g.workspaces().includes(this.workspace),
      ),
    };
  }

  async #deliver(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    id: string,
    options: DeliveryOptions,
  ): Promise<Delivered> {
    if (this.#viaSocket) {
      const envelopeId = this.socket.send(type, payload, {
        envelopeId: options.envelopeId,
        retryAttempt: options.retryNum,
      });
      const ack = await this.socket.waitForAck(envelopeId);
      return { id, envelopeId, ack };
    }
    if (!this.#http) throw new Error('call deliverOverHttp(url) or deliverOverSocketMode() first');
    const kind = type === 'events_api' ? 'json' : type === 'slash_commands' ? 'form' : 'payload';
    const result = await this.#http.post(kind, payload, { ...options.http, retryNum: options.retryNum });
    return { id, ...result };
  }

  /** Delivers any event in an event_callback envelope. */
  sendEvent(event: Record<string, unknown>, options: DeliveryOptions = {}): Promise<Delivered> {
    const eventId = options.eventId ?? this.workspace.nextId('Ev');
    return this.#deliver('events_api', build.eventCallback(this.#team, event, eventId), eventId, options);
  }

  /** Delivers the message event of a stored message. */
  sendMessageEvent(message: StoredMessage, options: DeliveryOptions = {}): Promise<Delivered> {
    return this.sendEvent(build.messageEvent(message), options);
  }

  /**
   * Slack unfurled the links of a posted message: stores `attachments` on it and delivers the
   * `message_changed` event Slack sends for it (the message now, and as it was).
   */
  unfurl(message: StoredMessage, attachments: Record<string, unknown>[]): Promise<Delivered> {
    const previous = build.messageObject(message);
    message.attachments = attachments;
    const ts = this.workspace.nextTs();
    return this.sendEvent({
      type: 'message',
      subtype: 'message_changed',
      hidden: true,
      channel: message.channel,
      message: build.messageObject(message),
      previous_message: previous,
      ts,
      event_ts: ts,
    });
  }

  /**
   * A user shares files: stores the message, then delivers what Slack sends, the `message` event
   * (subtype file_share) and, unless `withFileShared` is false, a `file_shared` event per file.
   */
  async shareFiles(fields: {
    channel: string;
    user: string;
    files: SlackFileObject[];
    text?: string;
    threadTs?: string;
    withFileShared?: boolean;
  }): Promise<{ message: StoredMessage; delivered: Delivered[] }> {
    const message = this.postMessage(fields);
    const delivered = [await this.sendMessageEvent(message)];
    if (fields.withFileShared !== false) {
      for (const file of fields.files)
        delivered.push(await this.sendEvent(build.fileSharedEvent(file, fields.channel, message.ts)));
    }
    return { message, delivered };
  }

  /** A user adds a reaction to a message. */
  react(
    fields: { user: string; channel: string; ts: string; reaction: string },
    options: DeliveryOptions = {},
  ): Promise<Delivered> {
    const message = this.workspace.message(fields.channel, fields.ts);
    if (message)
      message.reactions.set(fields.reaction, [
        ...(message.reactions.get(fields.reaction) ?? []),
        fields.user,
      ]);
    return this.sendEvent(
      build.reactionAddedEvent({ ...fields, itemUser: message?.user, eventTs: this.workspace.nextTs() }),
      options,
    );
  }

  /** A user opens the bot's App Home on its Home tab (`app_home_opened`). */
  openHome(user: string, options: DeliveryOptions = {}): Promise<Delivered> {
    const ts = this.workspace.nextTs();
    return this.sendEvent(
      { type: 'app_home_opened', user, channel: this.workspace.nextId('D'), tab: 'home', event_ts: ts },
      options,
    );
  }

  /** The Home tab `user` was last shown, or undefined when none was published. */
  homeView(user: string): Record<string, unknown> | undefined {
    return this.workspace.homeViews.get(user);
  }

  /** A user types a slash command; its response URL points at this fake. */
  async command(
    fields: { user: string; channel: string; text: string; command?: string },
    options: DeliveryOptions = {},
  ): Promise<Delivered & { responseUrl: string }> {
    const triggerId = this.workspace.nextId('trigger.');
    const responseUrl = `${this.origin}/response/${this.workspace.nextId('cmd')}`;
    const payload = build.slashCommand(this.#team, {
      command: fields.command ?? '/bitmind',
      text: fields.text,
      channel: fields.channel,
      user: fields.user,
      responseUrl,
      triggerId,
    });
    return { ...(await this.#deliver('slash_commands', payload, triggerId, options)), responseUrl };
  }

  /** A user picks a message shortcut on a stored message. */
  async shortcut(
    fields: { user: string; channel: string; message: StoredMessage; callbackId?: string },
    options: DeliveryOptions = {},
  ): Promise<Delivered & { responseUrl: string }> {
    const triggerId = this.workspace.nextId('trigger.');
    const responseUrl = `${this.origin}/response/${this.workspace.nextId('act')}`;
    const payload = build.messageShortcut(this.#team, {
      callbackId: fields.callbackId ?? 'bitmind_check',
      channel: fields.channel,
      user: fields.user,
      message: build.messageObject(fields.message),
      responseUrl,
      triggerId,
    });
    return { ...(await this.#deliver('interactive', payload, triggerId, options)), responseUrl };
  }

  /**
   * The message Slack shows for the bot's post `call` to a response URL (see `responses`): not kept
   * in the channel's history, but a button can be pressed on it (`pressButton`, `ephemeral` unless
   * it was posted `in_channel`).
   */
  responseMessage(channel: string, call: RecordedCall): StoredMessage {
    const { text, blocks } = call.args as { text?: string; blocks?: unknown[] };
    return { channel, ts: this.workspace.nextTs(), text: text ?? '', blocks, reactions: new Map() };
  }

  /** A user presses the button `actionId` on a stored message (`block_actions`); its response URL points at this fake. */
  async pressButton(
    fields: { user: string; message: StoredMessage; actionId: string; ephemeral?: boolean },
    options: DeliveryOptions = {},
  ): Promise<Delivered & { responseUrl: string }> {
    const triggerId = this.workspace.nextId('trigger.');
    const responseUrl = `${this.origin}/response/${this.workspace.nextId('btn')}`;
    const payload = build.blockActions(this.#team, {
      user: fields.user,
      channel: fields.message.channel,
      message: build.messageObject(fields.message),
      actionId: fields.actionId,
      responseUrl,
      triggerId,
      ephemeral: fields.ephemeral ?? false,
    });
    return { ...(await this.#deliver('interactive', payload, triggerId, options)), responseUrl };
  }

  async close(): Promise<void> {
    await this.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }
}

/** Starts the fake on 127.0.0.1 with a free port. Close it with `close()`. */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fake Slack did not get a port');
  return new FakeSlack(server, `http://127.0.0.1:${address.port}`, options);
}
