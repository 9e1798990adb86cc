import { checkableByMime, checkableByName, mediaTypeOfName, type Acceptance } from '../domain/media-types.js';
import type { MediaSpec } from './trigger.js';

/**
 * Whether auto-scan should take a medium: a type this bot can check (as it is, or converted, per
 * `accepts`), by what the platform claims; the bytes decide later. A medium whose type nobody
 * claimed yet (a Slack Connect stub, a name without an extension) is taken: its bytes will say.
 * People who ask explicitly get every image or video, and hear why one could not be checked.
 */
export function isCheckable(spec: MediaSpec, accepts: Acceptance): boolean {
  if (spec.source === 'link') return checkableByName(new URL(spec.url).pathname, accepts);
  if (spec.mimeHint) return checkableByMime(spec.mimeHint, accepts);
  return mediaTypeOfName(spec.name) === undefined
    ? !/\.[a-z0-9]{2,5}$/i.test(spec.name)
    : checkableByName(spec.name, accepts);
}
