import { authenticate } from './authenticate.js';
import type { ApiEndpoint } from './endpoints/api-endpoint.js';
import { health, status } from './endpoints/info.js';
import { batchImage, batchVideo, image, video } from './endpoints/media.js';
import { token } from './endpoints/token.js';
import { playFault, sendStatus } from './faults.js';
import { HttpError, holdResponse, sendJson, type Exchange } from './http.js';
import type { SimState } from './state.js';

type Route =
  | { readonly method: 'GET' | 'POST'; readonly open: (ex: Exchange, state: SimState) => Promise<void> }
  | { readonly method: 'GET' | 'POST'; readonly api: ApiEndpoint };

/** Every path bitmind-api.md documents; nothing else answers but 404. */
const ROUTES = new Map<string, Route>([
  ['/v1/oauth/token', { method: 'POST', open: token }],
  ['/health', { method: 'GET', open: health }],
  ['/status', { method: 'GET', api: status }],
  ['/image', { method: 'POST', api: image }],
  ['/video', { method: 'POST', api: video }],
  ['/batch_image', { method: 'POST', api: batchImage }],
  ['/batch_video', { method: 'POST', api: batchVideo }],
]);

/**
 * One request, in the order a real deployment would meet it: scripted fault, authentication, rate
 * limit, permissions, the body, latency, random server errors, the answer. Any step may throw an
 * HttpError, which the caller sends.
 */
export async function dispatch(ex: Exchange, state: SimState): Promise<void> {
  const route = ROUTES.get(ex.entry.path);
  if (!route) throw new HttpError(404, 'Not Found');
  if (ex.req.method !== route.method) throw new HttpError(405, 'Method Not Allowed', { allow: route.method });

  const fault = state.faults.take(ex.entry.path, 'api' in route);
  if (fault && !(await playFault(ex, fault))) return;
  if ('open' in route) return route.open(ex, state);

  const client = await authenticate(ex, state);
  state.rateLimiter.spend(client.id);
  const missing = route.api.permissions.filter((p) => !client.permissions.has(p));
  if (missing.length > 0) throw new HttpError(403, `Permission denied: ${missing.join(' and ')} required`);

  const { body, bodyBytes } = await route.api.run(ex, state, client);
  const latency = state.faults.latencyFor(bodyBytes);
  if (latency > 0 && !(await holdResponse(ex, latency))) return;
  const failure = state.faults.randomError();
  if (failure !== undefined) sendStatus(ex, failure);
  else sendJson(ex, 200, body);
}
