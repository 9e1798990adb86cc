import { crc32 } from 'node:zlib';
import { FormData, request } from 'undici';
import type { Simulator } from '../../src/simulator/index.js';
import { png } from '../helpers/media-samples.js';

/** Shared by the simulator tests: the requests a BitMind client would send, spelled out by hand. */

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };

export async function tokenRequest(
  sim: Simulator,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const res = await request(`${sim.url}/v1/oauth/token`, {
    method: 'POST',
    headers: { ...FORM_TYPE, ...headers },
    body: form(fields),
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    body: (await res.body.json()) as Record<string, unknown>,
  };
}

export async function oauthToken(sim: Simulator): Promise<string> {
  const { status, body } = await tokenRequest(sim, {
    grant_type: 'client_credentials',
    client_id: sim.credentials.clientId,
    client_secret: sim.credentials.clientSecret,
  });
  if (status !== 200 || typeof body.access_token !== 'string')
    throw new Error(`token request failed: ${status}`);
  return body.access_token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

export async function call(
  sim: Simulator,
  method: 'GET' | 'POST',
  path: string,
  options: { headers?: Record<string, string>; body?: Buffer | FormData | string } = {},
): Promise<Answer> {
  const res = await request(`${sim.url}${path}`, { method, headers: options.headers, body: options.body });
  return {
    status: res.statusCode,
    headers: res.headers,
    body: (await res.body.json()) as Record<string, unknown>,
  };
}

export function postImage(sim: Simulator, token: string, bytes: Buffer, type = 'image/png'): Promise<Answer> {
  return call(sim, 'POST', '/image', { headers: { ...bearer(token), 'content-type': type }, body: bytes });
}

/** A multipart form with each file in the named field, in order. */
export function files(
  field: string,
  contents: readonly Buffer[],
  type = 'application/octet-stream',
): FormData {
  const data = new FormData();
  contents.forEach((bytes, i) => data.append(field, new Blob([bytes], { type }), `file-${i}`));
  return data;
}

/** A real PNG carrying a tEXt chunk (keyword, NUL, text) right after its header, as a demo image would. */
export function pngWithText(keyword: string, text: string, width = 2): Buffer {
  const base = png(width, 2);
  const data = Buffer.from(`${keyword}\0${text}`, 'latin1');
  const typed = Buffer.concat([Buffer.from('tEXt'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  const afterIhdr = 8 + 25; // signature, then IHDR: length, type, 13 bytes of data, CRC
  return Buffer.concat([base.subarray(0, afterIhdr), length, typed, crc, base.subarray(afterIhdr)]);
}

/** Distinct valid PNGs (different sizes, so different hashes). */
export const distinctPngs = (count: number) => Array.from({ length: count }, (_, i) => png(i + 1, 1));
