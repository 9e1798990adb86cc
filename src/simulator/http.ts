import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from './guesses.js';
import type { SimRequestLog } from './request-log.js';

/** One request being answered, with the log entry it keeps up to date. */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly entry: SimRequestLog;
  /** Set once the body's bytes are being counted into the log, so they are counted once. */
  counting?: boolean;
}

/** An answer other than 200; thrown anywhere in a handler and sent by the dispatcher. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'HttpError';
  }
}

/**
 * How long an upload answered early (413, 400, 401...) is still read and discarded so the client can
 * read the answer, before the socket is closed on it.
 */
const LINGER_MS = 2000;

/** Counts body bytes into the log as they arrive; call it where the body starts being consumed. */
export function countBody(ex: Exchange): void {
  if (ex.counting) return;
  ex.counting = true;
  ex.req.on('data', (chunk: Buffer) => {
    ex.entry.bytesReceived += chunk.length;
  });
}

/**
 * Answers with JSON. Like a FastAPI service, which reads the whole body before its handler and its
 * auth dependencies run, an answer to an upload waits until the upload is read, so the client reads
 * the status rather than a broken pipe. The size cap is the exception: a 413 answers mid-stream,
 * which is the point of it.
 */
export function sendJson(
  ex: Exchange,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const { req, res } = ex;
  if (res.headersSent || res.destroyed) return;
  if (!req.complete && status !== 413) {
    let answered = false;
    const answer = () => {
      if (answered) return;
      answered = true;
      writeJson(ex, status, body, headers);
    };
    countBody(ex);
    req.once('end', answer);
    setTimeout(answer, LINGER_MS).unref();
    req.resume();
    return;
  }
  writeJson(ex, status, body, headers);
}

function writeJson(
  ex: Exchange,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>>,
): void {
  const { req, res } = ex;
  if (res.headersSent || res.destroyed) return;
  const payload = JSON.stringify(body);
  const unread = !req.complete;
  ex.entry.status = status;
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(payload)),
    ...(unread ? { connection: 'close' } : {}),
    ...headers,
  });
  res.end(payload);
  if (unread) drainThenClose(req);
}

export function sendError(ex: Exchange, err: HttpError): void {
  sendJson(ex, err.status, errorBody(err.detail), err.headers);
}

function drainThenClose(req: IncomingMessage): void {
  const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
  timer.unref();
  const done = () => clearTimeout(timer);
  req.once('end', done);
  req.once('close', done);
  req.resume();
}

/** Resolves after `ms`, or early when the client goes away; says whether the client is still there. */
export function holdResponse(ex: Exchange, ms: number | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer =
      ms === undefined
        ? undefined
        : setTimeout(() => {
            ex.res.off('close', onClose);
            resolve(true);
          }, ms);
    ex.res.once('close', onClose);
  });
}
