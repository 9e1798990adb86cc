/** "mag::skin-tone-2" asks the same as "mag". */
export function baseReaction(reaction: string): string {
  return reaction.split('::')[0] ?? reaction;
}

/**
 * The ids naming one delivery: event_id (Events API) or trigger_id (commands, shortcuts), and the
 * Socket Mode envelope id. A retry carries the same event id with a new envelope; a redelivered
 * envelope carries the same envelope id: either makes it a duplicate.
 */
export function deliveryKeys(
  ids: { eventId?: string; triggerId?: string },
  context: Record<string, unknown>,
): string[] {
  const keys: string[] = [];
  if (ids.eventId) keys.push(`event:${ids.eventId}`);
  if (ids.triggerId) keys.push(`trigger:${ids.triggerId}`);
  if (typeof context.envelopeId === 'string') keys.push(`envelope:${context.envelopeId}`);
  return keys;
}
