import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh private directory per test file, as the Checker makes one per process. */
export async function makeTempDir(): Promise<{
  path: string;
  files: () => Promise<string[]>;
  remove: () => Promise<void>;
}> {
  const path = await mkdtemp(join(tmpdir(), 'bitmind-media-test-'));
  return {
    path,
    files: () => readdir(path),
    remove: () => rm(path, { recursive: true, force: true }),
  };
}
