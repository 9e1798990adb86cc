import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { GatewayIntentBits, GatewayOpcodes, type APIMessage } from 'discord.js';
import { WebSocketServer, type WebSocket } from 'ws';
import { shardOf } from './payloads.js';
import type { FakeWorld } from './world.js';

/** `[shard id, shard count]`, as IDENTIFY sends it. */
export type ShardPair = readonly [number, number];

interface Session {
  readonly socket: WebSocket;
  sessionId: string | undefined;
  shard: ShardPair;
  intents: number;
  seq: number;
  /** The highest sequence number the client confirmed in a heartbeat on this connection. */
  seen: number;
}

export interface GatewayOptions {
  readonly world: FakeWorld;
  readonly token: string;
  /** HELLO's heartbeat_interval; small values make the client beat often enough for a test to see. */
  readonly heartbeatIntervalMs: number;
  /** The ws:// URL clients connect to, handed out again as resume_gateway_url. */
  readonly url: () => string;
}

/** Events whose payload is the guild itself: its id is `id`, not `guild_id`. */
const GUILD_ITSELF = ['GUILD_CREATE', 'GUILD_UPDATE', 'GUILD_DELETE'];

interface IdentifyData {
  readonly token: string;
  readonly intents: number;
  readonly shard?: [number, number];
}

/** Dispatches that need an intent, as Discord filters them (guild vs direct message). */
function intentFor(event: string, guild: boolean): number | undefined {
  if (event.startsWith('MESSAGE_REACTION_'))
    return guild ? GatewayIntentBits.GuildMessageReactions : GatewayIntentBits.DirectMessageReactions;
  if (event.startsWith('MESSAGE_'))
    return guild ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
  return undefined;
}

/**
 * The gateway half of the fake Discord, a WebSocket endpoint speaking JSON frames (no compression):
 * HELLO (op 10) on connect; IDENTIFY (op 2) answered by READY then a GUILD_CREATE per guild of the
 * session's shard; RESUME (op 6) by RESUMED; heartbeats (op 1) by ACK (op 11). Sharded like
 * Discord: IDENTIFY's `shard: [id, count]` (default `[0, 1]`) decides which guilds' events a
 * session gets (`(guild_id >> 22) % count`; direct messages go to shard 0), a shard outside its
 * count is refused with close code 4010 (Invalid shard), and a second session identifying as a
 * shard that has an open session with 4005 (Already authenticated, the nearest documented code;
 * discord.js reconnects and tries again, so the shard is taken once the first session is gone).
 * Dispatches are filtered by the identified intents, and without MESSAGE_CONTENT messages lose
 * their content and attachments, as on the real gateway.
 */
export class FakeGateway {
  /** The `d` of every IDENTIFY received, in order. */
  readonly identifies: Array<{ token: string; intents: number; shard: ShardPair }> = [];
  /** IDENTIFYs refused because another open session runs that shard. */
  readonly refusals: ShardPair[] = [];
  readonly resumes: Array<{ session_id: string; seq: number }> = [];
  heartbeats = 0;
  readonly #sessions = new Set<Session>();
  readonly #knownSessions = new Map<string, { intents: number; shard: ShardPair }>();
  readonly #wss: WebSocketServer;

  constructor(
    server: Server,
    private readonly options: GatewayOptions,
  ) {
    this.#wss = new WebSocketServer({ server, path: '/gateway' });
    this.#wss.on('connection', (socket) => this.#accept(socket));
  }

  /** Sessions that finished IDENTIFY or RESUME and are still open. */
  get readySessions(): number {
    return [...this.#sessions].filter((s) => s.sessionId !== undefined).length;
  }

  /** The shards with a ready session, as `id/count`, sorted. */
  get readyShards(): string[] {
    return [...this.#sessions]
      .filter((s) => s.sessionId !== undefined)
      .map((s) => `${s.shard[0]}/${s.shard[1]}`)
      .sort();
  }

  /**
   * Sends a dispatch (op 0) to the ready sessions whose intents allow it, on the shard that owns
   * its guild (`guild_id`, or `id` for GUILD_* events); one without a guild goes to shard 0.
   */
  dispatch(event: string, data: Record<string, unknown>): void {
    // Malformed-payload tests send anything here, `null` included.
    const fields = data as Record<string, unknown> | null;
    const guildId = GUILD_ITSELF.includes(event) ? fields?.id : fields?.guild_id;
    const guild = typeof guildId === 'string' && /^\d+$/.test(guildId) ? guildId : undefined;
    const needs = intentFor(event, guild !== undefined);
    for (const session of this.#sessions) {
      if (!session.sessionId || (needs !== undefined && (session.intents & needs) === 0)) continue;
      const owner = guild === undefined ? 0 : shardOf(guild, session.shard[1]);
      if (owner !== session.shard[0]) continue;
      this.#send(session, { op: GatewayOpcodes.Dispatch, t: event, d: this.#visible(session, event, data) });
    }
  }

  /** Asks the client for a heartbeat now (op 1); it must answer with op 1 and get an ACK. */
  requestHeartbeat(): void {
    this.#broadcast({ op: GatewayOpcodes.Heartbeat, d: null });
  }

  /**
   * Resolves once the client has taken every dispatch sent so far: asks for a heartbeat, whose
   * sequence number says which dispatches the client had processed when it answered (discord.js
   * updates it just before handing a dispatch to its listeners). The "delivery acknowledged" of the
   * gateway, for tests that then wait for the bot to be idle.
   */
  async acknowledged(timeoutMs = 5000): Promise<void> {
    const waiting = [...this.#sessions].filter((s) => s.sessionId).map((s) => ({ session: s, sent: s.seq }));
    const deadline = Date.now() + timeoutMs;
    while (waiting.some(({ session, sent }) => session.seen < sent && this.#sessions.has(session))) {
      if (Date.now() > deadline)
        throw new Error(`the client did not confirm the dispatches sent within ${timeoutMs} ms`);
      this.requestHeartbeat();
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** op 7: the client should reconnect and RESUME. */
  reconnect(): void {
    this.#broadcast({ op: GatewayOpcodes.Reconnect, d: null });
  }

  /** op 9: the session is invalid; with `resumable` false the client must IDENTIFY again. */
  invalidSession(resumable: boolean): void {
    if (!resumable) this.#knownSessions.clear();
    this.#broadcast({ op: GatewayOpcodes.InvalidSession, d: resumable });
  }

  /** Closes every connection with `code` (4000 unknown error: the client resumes). */
  closeConnections(code = 4000): void {
    for (const session of this.#sessions) session.socket.close(code, 'fake gateway closed the connection');
  }

  close(): Promise<void> {
    for (const session of this.#sessions) session.socket.terminate();
    return new Promise((resolve) => this.#wss.close(() => resolve()));
  }

  #accept(socket: WebSocket): void {
    const session: Session = { socket, sessionId: undefined, shard: [0, 1], intents: 0, seq: 0, seen: 0 };
    this.#sessions.add(session);
    socket.on('close', () => this.#sessions.delete(session));
    socket.on('message', (raw: Buffer) => this.#receive(session, raw.toString('utf8')));
    this.#send(session, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
    });
  }

  #receive(session: Session, text: string): void {
    let frame: { op?: number; d?: unknown };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      session.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (frame.op) {
      case GatewayOpcodes.Heartbeat:
        this.heartbeats += 1;
        if (typeof frame.d === 'number') session.seen = Math.max(session.seen, frame.d);
        this.#send(session, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.#identify(session, frame.d as IdentifyData);
        return;
      case GatewayOpcodes.Resume:
        this.#resume(session, frame.d as { token: string; session_id: string; seq: number });
        return;
      default:
        return;
    }
  }

  #identify(session: Session, d: IdentifyData): void {
    const shard: ShardPair = Array.isArray(d.shard) ? [d.shard[0], d.shard[1]] : [0, 1];
    this.identifies.push({ token: d.token, intents: d.intents, shard });
    if (d.token !== this.options.token) {
      session.socket.close(4004, 'Authentication failed.');
      return;
    }
    if (!Number.isInteger(shard[0]) || !Number.isInteger(shard[1]) || shard[0] < 0 || shard[0] >= shard[1]) {
      session.socket.close(4010, 'Invalid shard.');
      return;
    }
    const taken = [...this.#sessions].some(
      (other) => other.sessionId && other.shard[0] === shard[0] && other.shard[1] === shard[1],
    );
    if (session.sessionId || taken) {
      this.refusals.push(shard);
      session.socket.close(4005, 'Already authenticated.');
      return;
    }
    session.sessionId = randomUUID();
    session.shard = shard;
    session.intents = d.intents;
    this.#knownSessions.set(session.sessionId, { intents: d.intents, shard });
    const { world } = this.options;
    this.#dispatchTo(session, 'READY', world.readyPayload(session.sessionId, this.options.url(), shard));
    for (const guild of world.guildsOnShard(shard))
      this.#dispatchTo(session, 'GUILD_CREATE', world.guildCreatePayload(guild));
  }

  #resume(session: Session, d: { token: string; session_id: string; seq: number }): void {
    this.resumes.push({ session_id: d.session_id, seq: d.seq });
    const known = this.#knownSessions.get(d.session_id);
    if (d.token !== this.options.token || known === undefined) {
      this.#send(session, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    session.sessionId = d.session_id;
    session.shard = known.shard;
    session.intents = known.intents;
    session.seq = d.seq;
    this.#dispatchTo(session, 'RESUMED', {});
  }

  /** What a session sees of a payload: Discord hides message content from clients without the intent. */
  #visible(session: Session, event: string, data: Record<string, unknown>): Record<string, unknown> {
    if (!event.startsWith('MESSAGE_') || event.startsWith('MESSAGE_REACTION_')) return data;
    if ((session.intents & GatewayIntentBits.MessageContent) !== 0) return data;
    if (typeof data !== 'object' || data === null) return data;
    const author = (data as Partial<APIMessage>).author;
    if (author?.id === this.options.world.bot.id || typeof data.guild_id !== 'string') return data;
    return { ...data, content: '', embeds: [], attachments: [], components: [] };
  }

  #dispatchTo(session: Session, event: string, data: Record<string, unknown>): void {
    this.#send(session, { op: GatewayOpcodes.Dispatch, t: event, d: data });
  }

  #send(session: Session, frame: { op: GatewayOpcodes; t?: string; d?: unknown }): void {
    const s = frame.op === GatewayOpcodes.Dispatch ? ++session.seq : null;
    session.socket.send(JSON.stringify({ op: frame.op, d: frame.d ?? null, s, t: frame.t ?? null }));
  }

  #broadcast(frame: { op: GatewayOpcodes; d: unknown }): void {
    for (const session of this.#sessions) this.#send(session, frame);
  }
}
