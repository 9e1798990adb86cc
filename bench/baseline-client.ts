import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { FormData, request, type Dispatcher } from 'undici';
import { z } from 'zod';

/**
 * The baseline: the vendor's sample client (seeds/002, Python `BitMindClient`) written in TypeScript
 * on undici, so a comparison with the bot is about design, not the HTTP library. Like the sample it
 * sends one request per file, one file at a time, reads the whole file into memory, caches its token
 * until 60 s before expiry, and neither batches nor retries: any non-2xx answer is thrown.
 *
 * Two liberties, both in the baseline's favour: undici keeps connections alive (the sample's bare
 * `requests.post` opens one per call), and the Content-Type follows the file's extension (the sample
 * only ever sends test.jpg). `processVideo` is `process_image`'s twin for /video, which the sample
 * lists but does not show.
 */

const tokenSchema = z.object({ access_token: z.string(), expires_in: z.number() });
const verdictSchema = z.object({ isAI: z.boolean(), confidence: z.number(), processingTime: z.number() });
export type BaselineVerdict = z.infer<typeof verdictSchema>;

const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
};

export class BaselineHttpError extends Error {
  constructor(readonly status: number) {
    super(`BitMind answered ${status}`);
  }
}

export interface BaselineOptions {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Default: undici's global dispatcher. */
  readonly dispatcher?: Dispatcher;
}

export class BaselineClient {
  #token: string | undefined;
  #expiresAt = 0;

  constructor(private readonly options: BaselineOptions) {}

  /** The sample's `get_token`: reuse the token until 60 s before it expires. */
  async token(): Promise<string> {
    if (this.#token && Date.now() / 1000 < this.#expiresAt - 60) return this.#token;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
    });
    const body = await this.#post('/v1/oauth/token', form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    const token = tokenSchema.parse(body);
    this.#token = token.access_token;
    this.#expiresAt = Date.now() / 1000 + token.expires_in;
    return this.#token;
  }

  /** The sample's `process_image`: the whole file read into memory, then one POST. */
  async processImage(path: string): Promise<BaselineVerdict> {
    const data = await readFile(path);
    const body = await this.#post('/image', data, {
      authorization: `Bearer ${await this.token()}`,
      'content-type': TYPES[extname(path).toLowerCase()] ?? 'image/jpeg',
    });
    return verdictSchema.parse(body);
  }

  /** The same for /video: the whole file read into memory, sent as one multipart part. */
  async processVideo(path: string): Promise<BaselineVerdict> {
    const data = await readFile(path);
    const form = new FormData();
    form.append(
      'video',
      new Blob([data], { type: TYPES[extname(path).toLowerCase()] ?? 'video/mp4' }),
      'video',
    );
    const body = await this.#post('/video', form, { authorization: `Bearer ${await this.token()}` });
    return verdictSchema.parse(body);
  }

  async #post(
    path: string,
    body: string | Buffer | FormData,
    headers: Record<string, string>,
  ): Promise<unknown> {
    const response = await request(this.options.baseUrl + path, {
      method: 'POST',
      headers,
      body,
      ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
    });
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump();
      throw new BaselineHttpError(response.statusCode);
    }
    return response.body.json();
  }
}
