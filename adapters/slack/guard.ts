import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { HTTPModuleFunctions, type SocketModeReceiver } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../src/log.js';
import { issuesOf, socketFrameSchema } from './schemas.js';

/**
 * What any body Bolt reads must be before Bolt reads it: an object (Bolt reads `body.ssl_check` and
 * `body.event` without looking, so a JSON `null` threw outside any handler and ended the process),
 * whose `type` and `event` are of the types Bolt assumes. The handlers parse their own parts.
 */
const boltBodySchema = z
  .object({
    type: z.string().optional(),
    event: z.object({ type: z.string().optional() }).loose().optional(),
  })
  .loose();

type Buffered = IncomingMessage & { rawBody: Buffer };

/** The body as Bolt will parse it; undefined when it is not JSON (Bolt answers that with 400 itself). */
function bodyAsBoltParsesIt(req: Buffered): { value: unknown } | undefined {
  const text = req.rawBody.toString('utf8');
  try {
    if (req.headers['content-type'] === 'application/x-www-form-urlencoded') {
      const form = parseQuery(text);
      return typeof form.payload === 'string'
        ? { value: JSON.parse(form.payload) as unknown }
        : { value: form };
    }
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * Slack's HTTP requests, checked before Bolt's listener sees them: the body is read once (Bolt
 * reuses it), and a signed body that is JSON but not an object Bolt can read is refused with 400
 * and one warning, never passed on. Unsigned or forged requests still get Bolt's 401.
 */
export function guardHttp(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
  signingSecret: string,
  logger: Logger,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
    } catch (err) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(err) && err.statusCode === 413;
      res.writeHead(tooLarge ? 413 : 400).end();
      return;
    }
    const parsed = bodyAsBoltParsesIt(req as Buffered);
    const checked = parsed && boltBodySchema.safeParse(parsed.value);
    if (checked && !checked.success) {
      try {
        await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ enabled: true, signingSecret }, req);
      } catch {
        res.writeHead(401).end();
        return;
      }
      logger.warn({ issues: issuesOf(checked.error) }, 'Slack request body not readable; refused');
      res.writeHead(400).end();
      return;
    }
    listener(req, res);
  };
}

type FrameListener = (data: unknown, isBinary: boolean) => unknown;

/**
 * Socket Mode frames, checked before the Socket Mode client reads them: it reads `event.type` of
 * whatever JSON arrives, so a frame of `null` threw outside any handler. A frame that is not an
 * envelope is logged once and acknowledged (when it names itself), so Slack does not send it again.
 */
export function guardSocketMode(receiver: SocketModeReceiver, logger: Logger): void {
  const client = receiver.client;
  const original = client.listeners('ws_message') as FrameListener[];
  client.removeAllListeners('ws_message');
  client.on('ws_message', (data: unknown, isBinary: boolean) => {
    let frame: unknown;
    try {
      frame = isBinary
        ? undefined
        : JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer));
    } catch {
      frame = undefined;
    }
    const checked = socketFrameSchema.safeParse(frame);
    if (frame !== undefined && !checked.success) {
      logger.warn(
        { issues: issuesOf(checked.error) },
        'Socket Mode frame not readable; acknowledged and dropped',
      );
      const named = z.object({ envelope_id: z.string() }).safeParse(frame);
      const id = named.success ? named.data.envelope_id : undefined;
      if (typeof id === 'string')
        (client as unknown as { send(id: string): Promise<void> }).send(id).catch((err: unknown) => {
          logger.warn({ err }, 'could not acknowledge an unreadable Socket Mode frame');
        });
      return;
    }
    for (const listener of original) {
      Promise.resolve(listener(data, isBinary)).catch((err: unknown) => {
        logger.warn({ err }, 'Socket Mode frame could not be handled');
      });
    }
  });
}
