import { setMaxListeners } from 'node:events';
import { linkSignals } from '../deadline.js';
import { createLogger } from '../log.js';
import { multipartBody, rawBody, type OpenedBody } from './bodies.js';
import { ACCEPTED_TYPES, FIELDS, MAX_BATCH, MAX_BYTES, PERMISSIONS, type Endpoint } from './contract.js';
import { CREDENTIAL_HINTS, createCredentials } from './credentials.js';
import { createDispatcher } from './dispatcher.js';
import { BitmindError, mb } from './errors.js';
import { Limiter } from './limiter.js';
import { SharedLimiter } from './shared-limiter.js';
import { DEFAULT_RETRY, type BitmindClientOptions } from './options.js';
import { abortable } from './timing.js';
import { Transport, type Answer } from './transport.js';
import type { BatchResult, BitmindApi, BitmindVerdict, CallOptions, Permissions, Upload } from './types.js';
import { batchSchema, healthSchema, parseWire, statusSchema, verdictSchema } from './wire.js';

type Kind = 'image' | 'video';

/** The BitMind Enterprise API client: one connection pool, one limiter, one token cache. */
export function createBitmindClient(options: BitmindClientOptions): BitmindApi {
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const { auth } = options;
  const dispatcher = createDispatcher({
    requestTimeoutMs: options.requestTimeoutMs ?? 300_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    ...(options.caPem ? { caPem: options.caPem } : {}),
    ...(auth.method === 'mtls'
      ? { clientCert: { certPem: auth.certPem.reveal(), keyPem: auth.keyPem.reveal() } }
      : {}),
  });
  const limits = {
    concurrency: options.concurrency ?? 4,
    limit: options.rateLimit?.limit ?? 60,
    windowMs: options.rateLimit?.windowMs ?? 60_000,
  };
  const limiter = options.rateLog
    ? new SharedLimiter({ ...limits, log: options.rateLog, logger })
    : new Limiter(limits);
  // Aborts whatever is queued or in flight when the client closes.
  const closing = new AbortController();
  // Every call in flight links to it by a listener (removed when the call ends): not a leak.
  setMaxListeners(0, closing.signal);
  const transport = new Transport({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    dispatcher,
    limiter,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    logger,
    credentialHint: CREDENTIAL_HINTS[auth.method],
    mtls: auth.method === 'mtls',
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const credentials = createCredentials(
    auth,
    async (form, headers) => {
      const body = form.toString();
      const answer = await transport.call({
        endpoint: 'token',
        method: 'POST',
        body: () =>
          Promise.resolve({ body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        headers,
        limited: false,
        priority: 'interactive',
        signal: closing.signal,
      });
      return answer.text;
    },
    logger,
  );

  // What /status granted when last read, and the read under way, if any.
  let granted: Permissions | undefined;
  let reading: Promise<Permissions> | undefined;

  /**
   * Runs `work` with one signal of its own: queue and socket listeners gather on it, not on the
   * client's. Linked by listeners rather than `AbortSignal.any`, so a caller's
   * `AbortSignal.timeout` cannot be collected (and its deadline lost) while the call runs.
   */
  const withSignal = async <T>(call: CallOptions | undefined, work: (signal: AbortSignal) => Promise<T>) => {
    const linked = linkSignals(call?.signal ? [call.signal, closing.signal] : [closing.signal]);
    try {
      return await work(linked.signal);
    } finally {
      linked.clear();
    }
  };

  const apiCall = async (
    endpoint: Endpoint,
    call: CallOptions | undefined,
    body?: () => Promise<OpenedBody>,
  ): Promise<Answer> => {
    try {
      return await withSignal(call, (signal) =>
        transport.call({
          endpoint,
          method: body ? 'POST' : 'GET',
          ...(body ? { body } : {}),
          credentials,
          limited: true,
          priority: call?.priority ?? 'interactive',
          signal,
        }),
      );
    } catch (err) {
      // A permission may have changed: read /status again next time it is asked.
      if (err instanceof BitmindError && err.code === 'forbidden') granted = undefined;
      throw err;
    }
  };

  const readStatus = async (call?: CallOptions) => {
    const answer = await apiCall('status', call);
    const status = parseWire(statusSchema, answer.text, 'status', answer.requestId);
    const names = new Set(status.client.permissions);
    granted = {
      image: names.has(PERMISSIONS.image),
      video: names.has(PERMISSIONS.video),
      batch: names.has(PERMISSIONS.batch),
    };
    return { status, permissions: granted };
  };

  const verdict = async (
    kind: Kind,
    upload: Upload,
    call: CallOptions | undefined,
  ): Promise<BitmindVerdict> => {
    const refusal = refusalOf(kind, upload);
    if (refusal) throw refusal;
    const body = kind === 'image' ? () => rawBody(upload) : () => multipartBody(FIELDS.video, [upload]);
    const answer = await apiCall(kind, call, body);
    return parseWire(verdictSchema, answer.text, kind, answer.requestId);
  };

  const batch = async (
    kind: Kind,
    uploads: readonly Upload[],
    call: CallOptions | undefined,
  ): Promise<BatchResult[]> => {
    const results: BatchResult[] = [];
    const sendable: number[] = [];
    uploads.forEach((upload, i) => {
      const refusal = refusalOf(kind, upload);
      if (refusal) results[i] = refusal;
      else sendable.push(i);
    });
    const endpoint = kind === 'image' ? 'batchImage' : 'batchVideo';
    const field = kind === 'image' ? FIELDS.batchImage : FIELDS.batchVideo;
    await Promise.all(
      chunks(sendable, MAX_BATCH[kind]).map(async (indices) => {
        const files = indices.map((i) => uploads[i]!);
        let mapped: BatchResult[];
        try {
          const answer = await apiCall(endpoint, call, () => multipartBody(field, files));
          mapped = mapBatch(answer, files.length);
        } catch (err) {
          if (!(err instanceof BitmindError)) throw err;
          mapped = files.map(() => err);
        }
        indices.forEach((inputIndex, position) => (results[inputIndex] = mapped[position]!));
      }),
    );
    return results;
  };

  return {
    async health(call) {
      const answer = await withSignal(call, (signal) =>
        transport.call({
          endpoint: 'health',
          method: 'GET',
          limited: false,
          priority: call?.priority ?? 'interactive',
          signal,
        }),
      );
      return parseWire(healthSchema, answer.text, 'health', answer.requestId);
    },
    status: async (call) => (await readStatus(call)).status,
    permissions(call) {
      if (granted) return Promise.resolve(granted);
      reading ??= readStatus()
        .then((read) => read.permissions)
        .finally(() => (reading = undefined));
      return abortable(reading, call?.signal);
    },
    checkImage: (upload, call) => verdict('image', upload, call),
    checkVideo: (upload, call) => verdict('video', upload, call),
    checkImages: (uploads, call) => batch('image', uploads, call),
    checkVideos: (uploads, call) => batch('video', uploads, call),
    queueStats: () => limiter.stats(),
    async close() {
      closing.abort(new BitmindError('unavailable', 'The BitMind client was closed.'));
      limiter.close();
      await dispatcher.close();
    },
  };
}

/** Refuses, before any byte is sent, what BitMind is documented to refuse. */
function refusalOf(kind: Kind, upload: Upload): BitmindError | undefined {
  if (upload.size > MAX_BYTES[kind]) {
    return new BitmindError(
      'too_large',
      `"${upload.filename}" is ${mb(upload.size)} MB; BitMind accepts ${kind}s up to ${mb(MAX_BYTES[kind])} MB.`,
    );
  }
  if (!ACCEPTED_TYPES[kind].includes(upload.contentType)) {
    const names = kind === 'image' ? 'JPEG, PNG and WebP images' : 'MP4, AVI and MOV videos';
    return new BitmindError(
      'bad_request',
      `"${upload.filename}" is ${upload.contentType}; BitMind accepts ${names}.`,
    );
  }
  return undefined;
}

/** Puts batch results back in input order by `batch_position`; a missing one is an error for that input. */
function mapBatch(answer: Answer, count: number): BatchResult[] {
  const { batch_results: results } = parseWire(batchSchema, answer.text, 'batch', answer.requestId);
  const byPosition = new Map<number, BitmindVerdict>();
  for (const { batch_position: position, ...verdict } of results) {
    if (position >= count || byPosition.has(position)) {
      const problem = position >= count ? `is beyond the ${count} files sent` : 'appears twice';
      throw new BitmindError(
        'unavailable',
        `BitMind's batch answer was not in the documented shape (batch_position ${position} ${problem}).`,
        { status: 200, requestId: answer.requestId },
      );
    }
    byPosition.set(position, verdict);
  }
  return Array.from(
    { length: count },
    (_, position) =>
      byPosition.get(position) ??
      new BitmindError(
        'unavailable',
        `BitMind's batch answer had no result for file ${position + 1} of ${count}; check it again.`,
        { status: 200, requestId: answer.requestId },
      ),
  );
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
