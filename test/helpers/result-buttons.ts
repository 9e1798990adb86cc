/** A channel result's three button ids (in the order they are shown), by what they do. */
export function threeButtons(ids: readonly string[]): { recheck: string; feedback: string; delete: string } {
  const [recheck, feedback, remove, ...more] = ids;
  if (!recheck || !feedback || !remove || more.length > 0)
    throw new Error(`the result has not its three buttons: ${ids.join(', ')}`);
  return { recheck, feedback, delete: remove };
}
