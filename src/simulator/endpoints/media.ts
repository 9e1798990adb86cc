import type { Limits, MediaKind } from '../contract.js';
import { IMAGE_CONTENT_TYPES, batchFileCap } from '../guesses.js';
import { HttpError, countBody } from '../http.js';
import { measure, type MeasuredFile } from '../measure.js';
import { readFileParts } from '../multipart.js';
import { confidenceFor, markerScore, processingTimeFor, round } from '../score.js';
import type { SimState } from '../state.js';
import type { ApiEndpoint } from './api-endpoint.js';

interface Verdict {
  isAI: boolean;
  confidence: number;
  processingTime: number;
}

function verdictFor(state: SimState, kind: MediaKind, file: MeasuredFile): Verdict {
  const confidence = state.scores.get(file.sha256) ?? markerScore(file.head) ?? confidenceFor(file.sha256);
  return {
    isAI: confidence >= 0.5,
    confidence,
    processingTime: processingTimeFor(kind, file.bytes, file.sha256),
  };
}

/** POST /image: the raw bytes are the body. */
export const image: ApiEndpoint = {
  permissions: ['image_inference'],
  async run(ex, state) {
    const type = ex.req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!IMAGE_CONTENT_TYPES.includes(type)) {
      throw new HttpError(
        400,
        type === 'application/json'
          ? '/image takes the raw image bytes as the body, not JSON'
          : 'Content-Type must be image/jpeg, image/png or image/webp',
      );
    }
    countBody(ex);
    const file = await measure(ex.req, 'image', state.limits.imageBytes, 'image');
    ex.entry.fileTypes.push(file.contentType);
    return { body: verdictFor(state, 'image', file), bodyBytes: file.bytes };
  },
};

/** POST /video: one file in the multipart field `video`. */
export const video: ApiEndpoint = {
  permissions: ['video_inference'],
  async run(ex, state) {
    const [file] = await readFileParts(ex, {
      field: 'video',
      maxFiles: 1,
      kind: 'video',
      maxBytes: state.limits.videoBytes,
    });
    if (!file) throw new HttpError(400, 'no file in the field "video"');
    return { body: verdictFor(state, 'video', file), bodyBytes: file.bytes };
  },
};

let batchSequence = 0;

/** `batch_img_1734567890123007`: the documented prefix, then digits that do not repeat. */
function batchId(kind: MediaKind): string {
  batchSequence = (batchSequence + 1) % 1000;
  return `batch_${kind === 'image' ? 'img' : 'vid'}_${Date.now()}${String(batchSequence).padStart(3, '0')}`;
}

function batch(kind: MediaKind, field: string, maxFiles: (limits: Limits) => number): ApiEndpoint {
  return {
    permissions: [kind === 'image' ? 'image_inference' : 'video_inference', 'batch_processing'],
    async run(ex, state) {
      const files = await readFileParts(ex, {
        field,
        kind,
        maxFiles: maxFiles(state.limits),
        maxBytes: batchFileCap(state.limits, kind),
        maxRequestBytes: state.limits.requestBytes,
      });
      const results = files.map((file, i) => ({ ...verdictFor(state, kind, file), batch_position: i }));
      const modelTime = results.reduce((t, r) => t + r.processingTime, 0);
      return {
        bodyBytes: files.reduce((n, f) => n + f.bytes, 0),
        body: {
          batch_results: results,
          batch_count: results.length,
          total_time: round(modelTime + 0.01 * results.length, 3),
          request_id: batchId(kind),
        },
      };
    },
  };
}

/** POST /batch_image: files in the repeated multipart field `images`. */
export const batchImage = batch('image', 'images', (l) => l.batchImages);
/** POST /batch_video: files in the repeated multipart field `videos`. */
export const batchVideo = batch('video', 'videos', (l) => l.batchVideos);
