import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIMessage } from 'discord.js';
import { snowflake } from './payloads.js';
import type { FakeWorld } from './world.js';

/** One request the fake received, REST or CDN, in arrival order. */
export interface RecordedCall {
  readonly method: string;
  /** Decoded (`@original`, `🔍`); REST paths without the `/api/v10` prefix, CDN paths as they are. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The parsed JSON body, the raw text when it is not JSON, undefined when empty. */
  readonly body: unknown;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** performance.now() at arrival, to compare the order and timing of calls. */
  readonly at: number;
  /** The status the fake answered. */
  status: number;
}

/** A planned failure: the next `times` calls matching `method` and `path` get this answer instead. */
export interface PlannedFailure {
  readonly method?: string;
  readonly path: RegExp;
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  times: number;
}

/** What the REST side needs from the rest of the fake. */
export interface RestContext {
  readonly world: FakeWorld;
  readonly token: string;
  readonly gatewayUrl: () => string;
  /** GET /gateway/bot's advice: how many shards, and how many may IDENTIFY at once. */
  readonly sharding: () => { shards: number; maxConcurrency: number };
  /** Called when a message is created through REST (the bot's replies), so the gateway can echo it. */
  readonly onMessageCreated: (message: APIMessage) => void;
}

/** The state of one interaction: its callbacks and its original response. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly channelId: string;
  /** The callback type Discord received (5 = deferred channel message), in order. */
  readonly callbackTypes: number[];
  ephemeral: boolean;
  original: APIMessage | undefined;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = (match: RegExpExecArray, call: RecordedCall) => Answer;

const REST_PREFIX = '/api/v10';

/**
 * The REST half of the fake Discord: an http request handler that records every call, answers planned
 * failures (429 with `retry_after`, 5xx, 403...) first, and otherwise serves the routes discord.js uses.
 */
export class FakeRest {
  readonly calls: RecordedCall[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  readonly commands = new Map<string, unknown[]>();
  readonly #failures: PlannedFailure[] = [];
  readonly #routes: [string, RegExp, Handler, { auth: boolean }][];

  constructor(private readonly ctx: RestContext) {
    const w = ctx.world;
    const app = w.application.id;
    this.#routes = [
      ['GET', /^\/gateway\/bot$/, () => ok(this.#gatewayBot()), { auth: true }],
      ['GET', /^\/gateway$/, () => ok({ url: ctx.gatewayUrl() }), { auth: false }],
      ['GET', /^\/users\/@me$/, () => ok(w.bot), { auth: true }],
      ['GET', /^\/applications\/@me$/, () => ok(this.#application()), { auth: true }],
      [
        'PUT',
        /^\/applications\/(\d+)\/commands$/,
        (m, c) => this.#putCommands(m[1]!, 'global', c),
        { auth: true },
      ],
      [
        'GET',
        /^\/applications\/(\d+)\/commands$/,
        () => ok(this.commands.get('global') ?? []),
        { auth: true },
      ],
      [
        'PUT',
        /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
        (m, c) => this.#putCommands(m[1]!, m[2]!, c),
        { auth: true },
      ],
      ['GET', /^\/channels\/(\d+)$/, (m) => this.#channel(m[1]!), { auth: true }],
      ['GET', /^\/channels\/(\d+)\/messages\/(\d+)$/, (m) => this.#getMessage(m[1]!, m[2]!), { auth: true }],
      ['POST', /^\/channels\/(\d+)\/messages$/, (m, c) => this.#postMessage(m[1]!, c), { auth: true }],
      [
        'PATCH',
        /^\/channels\/(\d+)\/messages\/(\d+)$/,
        (m, c) => this.#patchMessage(m[2]!, c),
        { auth: true },
      ],
      [
        'DELETE',
        /^\/channels\/(\d+)\/messages\/(\d+)$/,
        (m) => (w.deleteMessage(m[2]!) ? noContent() : notFound(10008, 'Unknown Message')),
        { auth: true },
      ],
      ['POST', /^\/users\/@me\/channels$/, (_m, c) => this.#openDm(c), { auth: true }],
      [
        'PUT',
        /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/([^/]+)\/@me$/,
        () => noContent(),
        { auth: true },
      ],
      [
        'DELETE',
        /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/([^/]+)\/@me$/,
        () => noContent(),
        { auth: true },
      ],
      [
        'POST',
        /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
        (m, c) => this.#callback(m[2]!, c),
        { auth: false },
      ],
      [
        'PATCH',
        new RegExp(`^/webhooks/${app}/([^/]+)/messages/@original$`),
        (m, c) => this.#editOriginal(m[1]!, c),
        { auth: false },
      ],
      [
        'DELETE',
        new RegExp(`^/webhooks/${app}/([^/]+)/messages/@original$`),
        (m) => this.#deleteOriginal(m[1]!),
        { auth: false },
      ],
      [
        'GET',
        new RegExp(`^/webhooks/${app}/([^/]+)/messages/@original$`),
        (m) => this.#getOriginal(m[1]!),
        { auth: false },
      ],
      ['POST', new RegExp(`^/webhooks/${app}/([^/]+)$`), (m, c) => this.#followUp(m[1]!, c), { auth: false }],
    ];
  }

  /** The next `times` calls matching get `status` (and body/headers) instead of the real answer. */
  failNext(failure: Omit<PlannedFailure, 'times'> & { times?: number }): void {
    this.#failures.push({ ...failure, times: failure.times ?? 1 });
  }

  /** Answers the next matching calls with 429 and `retry_after`, as Discord's rate limiter does. */
  rateLimitNext(options: {
    method?: string;
    path: RegExp;
    retryAfterSeconds: number;
    global?: boolean;
    times?: number;
  }) {
    const global = options.global ?? false;
    this.failNext({
      ...(options.method ? { method: options.method } : {}),
      path: options.path,
      times: options.times ?? 1,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: options.retryAfterSeconds, global },
      headers: {
        'retry-after': String(options.retryAfterSeconds),
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    });
  }

  /** `message`: the message a component (a button) is on, which its `@original` names. */
  registerInteraction(id: string, token: string, channelId: string, message?: APIMessage): InteractionRecord {
    const record: InteractionRecord = {
      id,
      token,
      channelId,
      callbackTypes: [],
      ephemeral: false,
      original: message,
    };
    this.interactions.set(token, record);
    return record;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const isRest = url.pathname.startsWith(REST_PREFIX);
    const path = safeDecode(url.pathname);
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path: isRest ? path.slice(REST_PREFIX.length) : path,
      query: Object.fromEntries(url.searchParams),
      body: parseBody(raw),
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [
          k.toLowerCase(),
          Array.isArray(v) ? v.join(', ') : (v ?? ''),
        ]),
      ),
      at: performance.now(),
      status: 0,
    };
    this.calls.push(call);
    const answer = isRest ? this.#rest(call) : this.#cdn(call, url);
    call.status = answer.status;
    send(res, answer);
  }

  #rest(call: RecordedCall): Answer {
    const planned = this.#failures.find(
      (f) => f.times > 0 && (!f.method || f.method === call.method) && f.path.test(call.path),
    );
    if (planned) {
      planned.times -= 1;
      return {
        status: planned.status,
        body: planned.body ?? { message: 'Planned failure', code: 0 },
        headers: planned.headers ?? {},
      };
    }
    for (const [method, pattern, handler, { auth }] of this.#routes) {
      const match = method === call.method ? pattern.exec(call.path) : null;
      if (!match) continue;
      if (auth && call.headers.authorization !== `Bot ${this.ctx.token}`)
        return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      return handler(match, call);
    }
    return notFound(0, '404: Not Found');
  }

  #cdn(call: RecordedCall, url: URL): Answer {
    const match = /^\/attachments\/(\d+)\/(\d+)\/[^/]+$/.exec(call.path);
    if (call.method !== 'GET' || !match) return { status: 404, body: 'Not Found' };
    const answer = this.ctx.world.cdn(match[1]!, match[2]!, url.searchParams.get('hm'));
    if (answer.status !== 200) return { status: answer.status, body: 'This content is no longer available.' };
    return { status: 200, body: Buffer.from(answer.body), headers: { 'content-type': answer.contentType } };
  }

  #gatewayBot() {
    return {
      url: this.ctx.gatewayUrl(),
      shards: this.ctx.sharding().shards,
      session_start_limit: {
        total: 1000,
        remaining: 999,
        reset_after: 0,
        max_concurrency: this.ctx.sharding().maxConcurrency,
      },
    };
  }

  #application() {
    const { application, bot } = this.ctx.world;
    return {
      id: application.id,
      name: application.name,
      description: '',
      bot_public: true,
      bot_require_code_grant: false,
      bot,
      flags: application.flags,
      verify_key: 'fake',
    };
  }

  #putCommands(appId: string, scope: string, call: RecordedCall): Answer {
    if (appId !== this.ctx.world.application.id) return notFound(10002, 'Unknown Application');
    if (!Array.isArray(call.body))
      return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
    const stored = call.body.map((command: Record<string, unknown>) => ({
      ...command,
      id: snowflake(),
      application_id: appId,
      version: snowflake(),
      ...(scope === 'global' ? {} : { guild_id: scope }),
    }));
    this.commands.set(scope, stored);
    return ok(stored);
  }

  #channel(channelId: string): Answer {
    const channel = this.ctx.world.channels.get(channelId);
    return channel ? ok(channel) : notFound(10003, 'Unknown Channel');
  }

  #getMessage(channelId: string, messageId: string): Answer {
    const message = this.ctx.world.messagePayload(messageId);
    return message && message.channel_id === channelId ? ok(message) : notFound(10008, 'Unknown Message');
  }

  #postMessage(channelId: string, call: RecordedCall): Answer {
    if (!this.ctx.world.channels.has(channelId)) return notFound(10003, 'Unknown Channel');
    const body = (call.body ?? {}) as Partial<APIMessage>;
    const message = this.ctx.world.storeMessage({
      channelId,
      author: this.ctx.world.bot,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      reference: body.message_reference,
      components: body.components ?? [],
    });
    this.ctx.onMessageCreated(message);
    return ok(message);
  }

  #patchMessage(messageId: string, call: RecordedCall): Answer {
    const message = this.ctx.world.editMessage(messageId, call.body ?? {});
    return message ? ok(message) : notFound(10008, 'Unknown Message');
  }

  #callback(token: string, call: RecordedCall): Answer {
    const record = this.interactions.get(token);
    if (!record) return notFound(10062, 'Unknown interaction');
    if (record.callbackTypes.length > 0)
      return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    const body = call.body as {
      type: number;
      data?: { flags?: number; content?: string; embeds?: APIMessage['embeds'] };
    };
    record.callbackTypes.push(body.type);
    // A button's deferred update (6): nothing is posted; @original stays the message it is on.
    if (body.type === 6) return noContent();
    record.ephemeral = ((body.data?.flags ?? 0) & 64) !== 0;
    record.original = this.ctx.world.storeMessage({
      channelId: record.channelId,
      author: this.ctx.world.bot,
      content: body.type === 5 ? '' : (body.data?.content ?? ''),
      embeds: body.data?.embeds ?? [],
      flags: record.ephemeral ? 64 : 0,
    });
    if (call.query.with_response !== 'true') return noContent();
    return ok({
      interaction: {
        id: record.id,
        type: 2,
        response_message_loading: body.type === 5,
        response_message_ephemeral: record.ephemeral,
      },
      resource: { type: body.type, message: record.original },
    });
  }

  #editOriginal(token: string, call: RecordedCall): Answer {
    const record = this.interactions.get(token);
    if (!record?.original) return notFound(10015, 'Unknown Webhook');
    record.original = this.ctx.world.editMessage(record.original.id, call.body ?? {});
    return ok(record.original);
  }

  #deleteOriginal(token: string): Answer {
    const record = this.interactions.get(token);
    if (!record?.original || !this.ctx.world.deleteMessage(record.original.id))
      return notFound(10008, 'Unknown Message');
    return noContent();
  }

  #openDm(call: RecordedCall): Answer {
    const recipient = (call.body as { recipient_id?: unknown } | undefined)?.recipient_id;
    const member = typeof recipient === 'string' ? this.ctx.world.members.get(recipient) : undefined;
    if (!member?.user) return { status: 400, body: { message: 'Invalid Recipient(s)', code: 50033 } };
    return ok(this.ctx.world.dmChannel(member.user));
  }

  #getOriginal(token: string): Answer {
    const record = this.interactions.get(token);
    return record?.original ? ok(record.original) : notFound(10008, 'Unknown Message');
  }

  #followUp(token: string, call: RecordedCall): Answer {
    const record = this.interactions.get(token);
    if (!record?.original) return notFound(10015, 'Unknown Webhook');
    const body = (call.body ?? {}) as Partial<APIMessage>;
    return ok(
      this.ctx.world.storeMessage({
        channelId: record.channelId,
        author: this.ctx.world.bot,
        content: body.content ?? '',
        embeds: body.embeds ?? [],
        flags: body.flags ?? 0,
      }),
    );
  }
}

function ok(body: unknown): Answer {
  return { status: 200, body };
}

function noContent(): Answer {
  return { status: 204 };
}

function notFound(code: number, message: string): Answer {
  return { status: 404, body: { message, code } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function send(res: ServerResponse, answer: Answer): void {
  const headers = { ...(answer.headers ?? {}) };
  if (answer.body === undefined) {
    res.writeHead(answer.status, headers).end();
    return;
  }
  if (Buffer.isBuffer(answer.body)) {
    res
      .writeHead(answer.status, { 'content-length': String(answer.body.length), ...headers })
      .end(answer.body);
    return;
  }
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const type = typeof answer.body === 'string' ? 'text/plain' : 'application/json';
  res.writeHead(answer.status, { 'content-type': type, ...headers }).end(text);
}
