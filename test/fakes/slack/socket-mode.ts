import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface EnvelopeOptions {
  /** Reuse an id to play a redelivery of the same envelope. */
  readonly envelopeId?: string;
  /** Events API retries carry retry_attempt and retry_reason. */
  readonly retryAttempt?: number;
  readonly retryReason?: string;
}

/**
 * Slack's Socket Mode end: `apps.connections.open` hands out `ws://127.0.0.1:<port>/link/?ticket=…`;
 * on connection the fake says `{"type":"hello"}`, then sends envelopes and collects the acks the app
 * returns by `envelope_id`. It pings each connection every `pingIntervalMs`, as Slack does, so the
 * client's server-ping watchdog stays quiet in long runs.
 */
export class FakeSocketMode {
  /** Every ack received, by envelope id (the ack's `payload`, `{}` when the app sent none). */
  readonly acks = new Map<string, unknown>();
  /** Envelope ids acknowledged more than once for one sending (a redelivery is a new sending). */
  readonly duplicateAcks: string[] = [];
  /** Connections opened so far (a reconnect adds one). */
  connectionCount = 0;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #open = new Set<WebSocket>();
  readonly #ackWaiters = new Map<string, Array<(payload: unknown) => void>>();
  #seq = 0;
  #ticket = 0;

  constructor(
    server: Server,
    private readonly origin: string,
    private readonly options: { pingIntervalMs: number },
  ) {
    server.on('upgrade', (req, socket, head) => {
      if (!(req.url ?? '').startsWith('/link')) {
        socket.destroy();
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws));
    });
  }

  /** What apps.connections.open returns: a fresh ticket each time, like Slack. */
  connectionUrl(): string {
    this.#ticket += 1;
    return `${this.origin.replace(/^http/, 'ws')}/link/?ticket=fake-${this.#ticket}&app_id=A0FAKE`;
  }

  get connected(): boolean {
    return this.#open.size > 0;
  }

  #accept(ws: WebSocket): void {
    this.connectionCount += 1;
    this.#open.add(ws);
    const ping = setInterval(() => ws.ping(), this.options.pingIntervalMs);
    ws.on('close', () => {
      clearInterval(ping);
      this.#open.delete(ws);
    });
    ws.on('message', (data: Buffer) => this.#onAck(data.toString('utf8')));
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.#open.size,
        debug_info: { host: 'fake-socket-mode', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0FAKE' },
      }),
    );
  }

  #onAck(text: string): void {
    let message: { envelope_id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (typeof message.envelope_id !== 'string') return;
    if (this.acks.has(message.envelope_id)) this.duplicateAcks.push(message.envelope_id);
    const payload = message.payload ?? {};
    this.acks.set(message.envelope_id, payload);
    for (const resolve of this.#ackWaiters.get(message.envelope_id) ?? []) resolve(payload);
    this.#ackWaiters.delete(message.envelope_id);
  }

  /** Sends one envelope to every open connection (Slack uses one; tests open one). Returns its id. */
  send(type: EnvelopeType, payload: Record<string, unknown>, options: EnvelopeOptions = {}): string {
    if (this.#open.size === 0) throw new Error('no Socket Mode connection is open');
    this.#seq += 1;
    const envelopeId = options.envelopeId ?? `fake-envelope-${this.#seq}`;
    // A redelivery waits for an ack of its own, not the first sending's.
    this.acks.delete(envelopeId);
    const envelope = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api'
        ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' }
        : {}),
    };
    for (const ws of this.#open) ws.send(JSON.stringify(envelope));
    return envelopeId;
  }

  /** Sends any text as a frame, as it is (a malformed envelope, a frame of `null`). */
  sendRaw(text: string): void {
    if (this.#open.size === 0) throw new Error('no Socket Mode connection is open');
    for (const ws of this.#open) ws.send(text);
  }

  /** Resolves with the ack's payload, or rejects after `timeoutMs`. */
  waitForAck(envelopeId: string, timeoutMs = 3000): Promise<unknown> {
    if (this.acks.has(envelopeId)) return Promise.resolve(this.acks.get(envelopeId));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ack for envelope ${envelopeId} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const list = this.#ackWaiters.get(envelopeId) ?? [];
      list.push((payload) => {
        clearTimeout(timer);
        resolve(payload);
      });
      this.#ackWaiters.set(envelopeId, list);
    });
  }

  /** Resolves when a connection is open (after hello), or rejects after `timeoutMs`. */
  async waitForConnection(timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#open.size === 0) {
      if (Date.now() > deadline) throw new Error(`no Socket Mode connection within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Asks clients to reconnect, as Slack does before recycling a server (`{"type":"disconnect"}`). */
  requestReconnect(reason = 'refresh_requested'): void {
    for (const ws of this.#open)
      ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } }));
  }

  /** Drops every connection without warning, as a network failure would. */
  dropConnections(): void {
    for (const ws of this.#open) ws.terminate();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }
}
