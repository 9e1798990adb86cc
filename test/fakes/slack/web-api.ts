import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { BOT_SCOPES } from '../../../adapters/slack/surface.js';
import { messageObject } from './payloads.js';
import { SIGN_IN_PAGE, type FakeWorkspace, type StoredMessage } from './workspace.js';

/** One request the bot made: a Web API call, a response_url post, or a file download. */
export interface RecordedCall {
  /** `chat.postMessage`…, `response_url`, or `file` for a download. */
  readonly method: string;
  /** Decoded arguments (form fields, with JSON values such as `blocks` parsed), or the JSON body. */
  readonly args: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
  readonly path: string;
  /** The HTTP status the fake answered. */
  readonly status: number;
  /** Slack's `error` when the fake answered ok: false. */
  readonly error?: string;
  readonly at: number;
}

export type MethodHandler = (args: Record<string, unknown>) => Record<string, unknown>;

/**
 * What a bot token opens: one workspace, or (an org-wide Grid install) every workspace of an
 * organisation, the one a call is about found by its channel or file.
 */
export interface Grant {
  readonly workspaces: () => readonly FakeWorkspace[];
  readonly enterpriseId?: string;
  readonly orgWide?: boolean;
  /** Seconds since the epoch after which Slack answers token_expired (rotation). */
  expiresAt?: number;
}

interface PlannedFailure {
  remaining: number;
  readonly answer: { status: 429; retryAfterSeconds: number } | { status: 200; error: string };
}

export type Answer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

export const ok = (body: Record<string, unknown> = {}): Answer => ({
  status: 200,
  body: { ok: true, ...body },
});
export const fail = (error: string): Answer => ({ status: 200, body: { ok: false, error } });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The Web API client posts form fields, JSON-encoding arrays and objects; decode them back. */
function decodeArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/**
 * Slack's Web API over the fake workspace: the methods the bot uses, answered as Slack answers them
 * (HTTP 200 with ok: false for errors, 429 with Retry-After for rate limits), every request recorded.
 */
export class FakeWebApi {
  readonly calls: RecordedCall[] = [];
  readonly #overrides = new Map<string, MethodHandler>();
  readonly #failures = new Map<string, PlannedFailure[]>();
  socketModeUrl: (() => string) | undefined;
  /** The bot token's scopes, sent as Slack does in auth.test's `x-oauth-scopes` header: the manifest's by default. */
  botScopes: readonly string[] = BOT_SCOPES;
  /** Bot tokens besides the default one, each with what it opens (installs through OAuth add them). */
  readonly grants = new Map<string, Grant>();
  /** oauth.v2.access, when the fake also plays Slack's OAuth (see oauth.ts). */
  oauthAccess: ((args: Record<string, unknown>) => Answer | Promise<Answer>) | undefined;

  constructor(
    private readonly workspace: FakeWorkspace,
    private readonly tokens: { bot: string; app: string },
    private readonly bot: { userId: string; botId: string; appId: string },
  ) {}

  /** Answers `method` with `handler` instead of the built-in behaviour, until `restore(method)`. */
  override(method: string, handler: MethodHandler): void {
    this.#overrides.set(method, handler);
  }

  restore(method: string): void {
    this.#overrides.delete(method);
  }

  /** The next `times` calls of `method` get HTTP 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(method: string, options: { times?: number; retryAfterSeconds?: number } = {}): void {
    this.#plan(method, options.times ?? 1, {
      status: 429,
      retryAfterSeconds: options.retryAfterSeconds ?? 1,
    });
  }

  /** The next `times` calls of `method` answer `{ ok: false, error }`. */
  failNext(method: string, error: string, times = 1): void {
    this.#plan(method, times, { status: 200, error });
  }

  /** Forgets every planned failure: Slack answers normally again. */
  clearFailures(): void {
    this.#failures.clear();
  }

  #plan(method: string, times: number, answer: PlannedFailure['answer']): void {
    const list = this.#failures.get(method) ?? [];
    list.push({ remaining: times, answer });
    this.#failures.set(method, list);
  }

  #planned(method: string): Answer | undefined {
    const plan = this.#failures.get(method)?.find((p) => p.remaining > 0);
    if (!plan) return undefined;
    plan.remaining -= 1;
    const a = plan.answer;
    return a.status === 429
      ? {
          status: 429,
          body: { ok: false, error: 'ratelimited' },
          headers: { 'retry-after': String(a.retryAfterSeconds) },
        }
      : fail(a.error);
  }

  /** Routes `/api/<method>`, `/files-pri/...` and `/response/<id>`; false for anything else. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', this.workspace.origin);
    if (url.pathname.startsWith('/api/') && req.method === 'POST') {
      await this.#api(url.pathname.slice('/api/'.length), req, res);
      return true;
    }
    if (url.pathname.startsWith('/files-pri/') && req.method === 'GET') {
      this.#download(url, req, res);
      return true;
    }
    if (url.pathname.startsWith('/response/') && req.method === 'POST') {
      const raw = await readBody(req);
      this.#record('response_url', decodeArgs(raw, 'application/json'), req, url.pathname, 200);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return true;
    }
    return false;
  }

  async #api(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const args = decodeArgs(await readBody(req), req.headers['content-type']);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? str(args.token);
    const wanted = method === 'apps.connections.open' ? this.tokens.app : this.tokens.bot;
    const grant = bearer === undefined ? undefined : this.grants.get(bearer);
    let answer: Answer;
    if (method === 'oauth.v2.access' && this.oauthAccess)
      answer = this.#planned(method) ?? (await this.oauthAccess(args));
    else if (bearer === undefined) answer = fail('not_authed');
    else if (grant?.expiresAt !== undefined && grant.expiresAt < Date.now() / 1000)
      answer = fail('token_expired');
    else if (grant) {
      const w = workspaceOf(grant, args);
      answer = w
        ? (this.#planned(method) ?? this.#answer(method, args, w, grant))
        : fail('channel_not_found');
    } else if (bearer !== wanted) answer = fail('invalid_auth');
    else answer = this.#planned(method) ?? this.#answer(method, args, this.workspace);
    this.#record(
      method,
      args,
      req,
      `/api/${method}`,
      answer.status,
      answer.body.ok === false ? str(answer.body.error) : undefined,
    );
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  }

  #record(
    method: string,
    args: Record<string, unknown>,
    req: IncomingMessage,
    path: string,
    status: number,
    error?: string,
  ): void {
    this.calls.push({ method, args, headers: req.headers, path, status, error, at: Date.now() });
  }

  #answer(method: string, args: Record<string, unknown>, w: FakeWorkspace, grant?: Grant): Answer {
    const override = this.#overrides.get(method);
    if (override) return { status: 200, body: override(args) };
    switch (method) {
      case 'auth.test':
        return {
          ...ok({
            url: `https://${w.domain}.slack.com/`,
            team: w.name,
            user: 'bitmind',
            team_id: grant?.orgWide ? grant.enterpriseId : w.teamId,
            ...(w.enterpriseId ? { enterprise_id: w.enterpriseId } : {}),
            user_id: this.bot.userId,
            bot_id: this.bot.botId,
            is_enterprise_install: grant?.orgWide === true,
          }),
          headers: { 'x-oauth-scopes': this.botScopes.join(',') },
        };
      case 'apps.connections.open':
        return this.socketModeUrl ? ok({ url: this.socketModeUrl() }) : fail('socket_mode_not_enabled');
      case 'chat.postMessage':
        return this.#postMessage(args, w);
      case 'chat.update':
        return this.#update(args, w);
      case 'chat.postEphemeral':
        return ok({ message_ts: w.nextTs() });
      case 'chat.delete':
        return this.#delete(args, w);
      case 'chat.getPermalink': {
        const channel = str(args.channel) ?? '';
        const ts = str(args.message_ts) ?? '';
        if (!w.message(channel, ts)) return fail('message_not_found');
        return ok({
          channel,
          permalink: `https://${w.domain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`,
        });
      }
      case 'reactions.add':
        return this.#react(args, w);
      case 'conversations.history':
        return this.#history(args, w);
      case 'conversations.replies':
        return this.#replies(args, w);
      case 'files.info': {
        const file = w.files.get(str(args.file) ?? '');
        if (!file) return fail('file_not_found');
        const described = { ...file.object, user_team: w.teamId, ...w.sharing(file.object.id) };
        return ok({ file: described, comments: [], response_metadata: { next_cursor: '' } });
      }
      case 'users.info': {
        const found = w.users.get(str(args.user) ?? '');
        if (!found) return fail('user_not_found');
        // As Slack does: the locale only for a caller that asks for it.
        const { locale, ...user } = found;
        const withLocale = String(args.include_locale) === 'true' && locale ? { locale } : {};
        return ok({ user: { team_id: w.teamId, deleted: false, ...user, ...withLocale } });
      }
      case 'views.publish': {
        const user = str(args.user_id) ?? '';
        const view = args.view;
        if (!w.users.has(user)) return fail('user_not_found');
        if (typeof view !== 'object' || view === null || (view as { type?: unknown }).type !== 'home')
          return fail('invalid_arguments');
        w.homeViews.set(user, view as Record<string, unknown>);
        return ok({ view: { id: w.nextId('V'), team_id: w.teamId, ...view } });
      }
      default:
        return fail('unknown_method');
    }
  }

  #postMessage(args: Record<string, unknown>, w: FakeWorkspace): Answer {
    const channel = str(args.channel);
    if (!channel) return fail('channel_not_found');
    if (w.channelsWithoutBot.has(channel)) return fail('not_in_channel');
    if (!str(args.text) && !Array.isArray(args.blocks)) return fail('no_text');
    const threadTs = str(args.thread_ts);
    if (threadTs && !w.message(channel, threadTs)) return fail('thread_not_found');
    const message = w.addMessage({
      channel,
      thread_ts: threadTs,
      user: this.bot.userId,
      bot_id: this.bot.botId,
      text: str(args.text),
      blocks: Array.isArray(args.blocks) ? (args.blocks as unknown[]) : undefined,
    });
    return ok({ channel, ts: message.ts, message: messageObject(message) });
  }

  #update(args: Record<string, unknown>, w: FakeWorkspace): Answer {
    const channel = str(args.channel) ?? '';
    const message = w.message(channel, str(args.ts) ?? '');
    if (!message) return fail('message_not_found');
    if (message.bot_id !== this.bot.botId) return fail('cant_update_message');
    message.text = str(args.text) ?? message.text;
    message.blocks = Array.isArray(args.blocks) ? (args.blocks as unknown[]) : message.blocks;
    return ok({ channel, ts: message.ts, text: message.text });
  }

  #delete(args: Record<string, unknown>, w: FakeWorkspace): Answer {
    const channel = str(args.channel) ?? '';
    const ts = str(args.ts) ?? '';
    const message = w.message(channel, ts);
    if (!message) return fail('message_not_found');
    if (message.bot_id !== this.bot.botId) return fail('cant_delete_message');
    w.deleteMessage(channel, ts);
    return ok({ channel, ts });
  }

  #react(args: Record<string, unknown>, w: FakeWorkspace): Answer {
    const name = str(args.name);
    const message = w.message(str(args.channel) ?? '', str(args.timestamp) ?? '');
    if (!name) return fail('invalid_name');
    if (!message) return fail('message_not_found');
    const users = message.reactions.get(name) ?? [];
    if (users.includes(this.bot.userId)) return fail('already_reacted');
    message.reactions.set(name, [...users, this.bot.userId]);
    return ok();
  }

  #history(args: Record<string, unknown>, w: FakeWorkspace): Answer {
    const channel = str(args.channel) ?? '';
    if (w.channelsWithoutBot.has(channel)) return fail('not_in_channel');
    const messages = inRange(w.history(channel), args).slice(0, limitOf(args));
    return ok({ messages: messages.map(messageObject), has_more: false, pin_count: 0 });
  }

  #replies(args: Record<string, unknown>, w: FakeWorkspace): Answer {
    const thread = w.thread(str(args.channel) ?? '', str(args.ts) ?? '');
    if (!thread) return fail('thread_not_found');
    // Like Slack, the parent comes first whatever the range; the range and limit apply to the rest.
    const messages = [thread.parent, ...inRange(thread.replies, args)].slice(0, limitOf(args));
    return ok({ messages: messages.map(messageObject), has_more: false });
  }

  /** File downloads being served right now, and the most there ever were at once. */
  downloadsOpen = 0;
  peakDownloadsOpen = 0;

  #download(url: URL, req: IncomingMessage, res: ServerResponse): void {
    const [, team, id] = /^\/files-pri\/([^/]+)-(F[0-9A-Z]+)\//.exec(url.pathname) ?? [];
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const grant = bearer === undefined ? undefined : this.grants.get(bearer);
    const w = grant ? grant.workspaces().find((x) => x.teamId === team) : this.workspace;
    const file = id ? w?.files.get(id) : undefined;
    const authorized = grant ? w !== undefined : bearer === this.tokens.bot && team === w?.teamId;
    const status = file ? 200 : 404;
    this.#record('file', { file: id }, req, url.pathname, status);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } else if (!authorized || file.servedAsHtml) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SIGN_IN_PAGE);
    } else {
      this.downloadsOpen++;
      this.peakDownloadsOpen = Math.max(this.peakDownloadsOpen, this.downloadsOpen);
      res.once('close', () => this.downloadsOpen--);
      res.writeHead(200, {
        'content-type': file.object.mimetype,
        'content-length': String(file.bytes.length),
      });
      res.end(Buffer.from(file.bytes));
    }
  }
}

function limitOf(args: Record<string, unknown>): number {
  const n = Number(str(args.limit) ?? 100);
  return Number.isFinite(n) && n > 0 ? n : 100;
}

/** Slack's oldest/latest bounds: exclusive unless `inclusive` is true. */
function inRange(messages: StoredMessage[], args: Record<string, unknown>): StoredMessage[] {
  const inclusive = str(args.inclusive) === 'true' || args.inclusive === true;
  const latest = str(args.latest);
  const oldest = str(args.oldest);
  return messages.filter((m) => {
    const ts = Number(m.ts);
    if (latest !== undefined && (inclusive ? ts > Number(latest) : ts >= Number(latest))) return false;
    if (oldest !== undefined && (inclusive ? ts < Number(oldest) : ts <= Number(oldest))) return false;
    return true;
  });
}

/** The workspace a call with `grant` is about: its own, or the organisation's that holds the channel or file. */
function workspaceOf(grant: Grant, args: Record<string, unknown>): FakeWorkspace | undefined {
  const all = grant.workspaces();
  if (!grant.orgWide) return all[0];
  const channel = str(args.channel);
  const file = str(args.file);
  return (
    all.find(
      (w) => (channel !== undefined && w.hasChannel(channel)) || (file !== undefined && w.files.has(file)),
    ) ?? all[0]
  );
}
