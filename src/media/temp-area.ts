import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every temporary area is named for its process, so a later process can tell whose it was. */
const PREFIX = 'bitmind-bot-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but is someone else's; only ESRCH means no such process.
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes the temporary areas of processes that died without cleaning up (a SIGKILL, an OOM kill),
 * then makes this process's own. Returns the new area and how many dead ones were removed.
 */
export async function openTempArea(base = tmpdir()): Promise<{ dir: string; removed: number }> {
  let removed = 0;
  for (const name of await readdir(base).catch(() => [])) {
    const pid = Number(/^bitmind-bot-(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    await rm(join(base, name), { recursive: true, force: true });
    removed++;
  }
  return { dir: await mkdtemp(join(base, `${PREFIX}${process.pid}-`)), removed };
}
