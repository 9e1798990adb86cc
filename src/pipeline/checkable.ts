import type { MediaSpec } from './trigger.js';

/** What BitMind reads, by claimed type and by name: auto-scan looks at nothing else. */
const CHECKABLE_MIME = /^(image\/(jpe?g|png|webp)|video\/(mp4|quicktime|x-msvideo|avi))$/i;
const CHECKABLE_NAME = /\.(jpe?g|png|webp|mp4|m4v|mov|avi)$/i;

/**
 * Whether auto-scan should take a medium: a type the bot can check, by what the platform claims
 * (the bytes decide later). A medium whose type nobody claimed yet (a Slack Connect stub) is taken:
 * its bytes will say. People who ask explicitly get every image or video, and hear why one could
 * not be checked.
 */
export function isCheckable(spec: MediaSpec): boolean {
  if (spec.source === 'link') return CHECKABLE_NAME.test(new URL(spec.url).pathname);
  if (spec.mimeHint) return CHECKABLE_MIME.test(spec.mimeHint);
  return CHECKABLE_NAME.test(spec.name) || !/\.[a-z0-9]{2,5}$/i.test(spec.name);
}
