import { PERMISSIONS } from '../contract.js';
import { MEGABYTE } from '../guesses.js';
import { sendJson, type Exchange } from '../http.js';
import type { SimState } from '../state.js';
import type { ApiEndpoint } from './api-endpoint.js';

const SERVICE = 'enterprise-inference-worker';

/** GET /health: no authentication. */
export function health(ex: Exchange, state: SimState): Promise<void> {
  sendJson(ex, 200, {
    status: 'healthy',
    service: SERVICE,
    region: state.region,
    privacy: 'zero-data-retention',
    authentication: 'enterprise-only',
    auth_methods: ['oauth2_client_credentials', 'oauth2_mtls', 'api_key'],
    timestamp: new Date().toISOString(),
  });
  return Promise.resolve();
}

/** GET /status: who the caller is and what it may do. */
export const status: ApiEndpoint = {
  permissions: [],
  run(_ex, state, client) {
    const can = (p: (typeof PERMISSIONS)[number]) => client.permissions.has(p);
    const { limits } = state;
    return Promise.resolve({
      bodyBytes: 0,
      body: {
        status: 'operational',
        service: SERVICE,
        region: state.region,
        client: { name: client.name, tier: client.tier, permissions: PERMISSIONS.filter(can) },
        features: {
          image_inference: can('image_inference'),
          video_inference: can('video_inference'),
          batch_processing: can('batch_processing'),
          max_image_size_mb: limits.imageBytes / MEGABYTE,
          max_video_size_mb: limits.videoBytes / MEGABYTE,
          max_batch_images: limits.batchImages,
          max_batch_videos: limits.batchVideos,
        },
        endpoints: {
          image: 'POST /image',
          video: 'POST /video',
          batch_image: 'POST /batch_image',
          batch_video: 'POST /batch_video',
        },
        timestamp: new Date().toISOString(),
      },
    });
  },
};
