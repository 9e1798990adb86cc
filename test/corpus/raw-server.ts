import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { png } from '../helpers/media-samples.js';
import type { MediaServe } from './media.js';

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that answers `GET /case/<n>` as `serves[n]` says. Raw, because
 * Node's HTTP server will not send a body that disagrees with its Content-Length. Every timer and
 * socket it opens is ended by `close()`.
 */
export interface RawServer {
  readonly origin: string;
  close(): Promise<void>;
}

const CHUNK = 64 * 1024;

export async function startRawServer(serves: readonly (MediaServe | undefined)[]): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    const onData = (data: Buffer) => {
      head += data.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      const path = /^GET (\S+)/.exec(head)?.[1] ?? '';
      const serve = serves[Number(/^\/case\/(\d+)/.exec(path)?.[1] ?? -1)];
      if (serve) answer(socket, serve, path, timers);
      else socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function statusLine(status: number, headers: Record<string, string | number>): string {
  const lines = Object.entries({ connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `HTTP/1.1 ${status} X\r\n${lines.join('\r\n')}\r\n\r\n`;
}

function answer(socket: Socket, serve: MediaServe, path: string, timers: Set<NodeJS.Timeout>): void {
  switch (serve.kind) {
    case 'bytes':
      socket.write(
        statusLine(200, {
          'content-type': serve.contentType ?? 'application/octet-stream',
          'content-length': serve.body.length,
          ...serve.headers,
        }),
      );
      socket.end(serve.body);
      return;
    case 'declares':
      socket.write(statusLine(200, { 'content-type': 'image/png', 'content-length': serve.contentLength }));
      socket.end(serve.body);
      return;
    case 'chunked':
      socket.write(statusLine(200, { 'content-type': 'image/png', 'transfer-encoding': 'chunked' }));
      streamChunked(socket, serve.head, serve.total);
      return;
    case 'status':
      socket.end(statusLine(serve.status, { 'content-length': 0 }));
      return;
    case 'redirect-loop':
      socket.end(statusLine(302, { location: path, 'content-length': 0 }));
      return;
    case 'drip': {
      socket.write(statusLine(200, { 'content-type': 'image/png', 'transfer-encoding': 'chunked' }));
      socket.write(chunk(png()));
      const drip = setInterval(() => socket.write(chunk(Buffer.alloc(1))), 50);
      timers.add(drip);
      socket.on('close', () => clearInterval(drip));
      return;
    }
    case 'stall':
      socket.write(statusLine(200, { 'content-type': 'image/png', 'content-length': 100_000 }));
      socket.write(png());
      return;
    case 'silent':
      return;
  }
}

function chunk(data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
}

/** `head` then zeros, `total` bytes, honouring back-pressure; stops when the client goes away. */
function streamChunked(socket: Socket, head: Buffer, total: number): void {
  let sent = 0;
  const pump = () => {
    while (sent < total && !socket.destroyed) {
      const size = Math.min(CHUNK, total - sent);
      const body = sent === 0 ? Buffer.concat([head, Buffer.alloc(size - head.length)]) : Buffer.alloc(size);
      sent += size;
      if (!socket.write(chunk(body))) {
        socket.once('drain', pump);
        return;
      }
    }
    if (sent >= total && !socket.destroyed) socket.end('0\r\n\r\n');
  };
  pump();
}
