import { constants, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { MediaRef } from '../domain/types.js';
import { DownloadError } from './errors.js';
import { MEMORY_LIMITS } from './memory-budget.js';
import type { MediaFetcher } from './types.js';
import { displayUrl } from './url-rules.js';

/** A link a person pasted; its name is the URL without credentials or a (possibly signed) query. */
export function urlMediaRef(url: string, fetcher: MediaFetcher): MediaRef {
  return { name: nameOfUrl(url), open: (signal) => fetcher.openUrl(url, signal) };
}

function nameOfUrl(raw: string): string {
  let shown: string;
  try {
    shown = displayUrl(new URL(raw));
  } catch {
    return 'an invalid link';
  }
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}

const NOT_REGULAR = 'it is not a regular file (a pipe, socket, device or directory)';

const READ_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTREG: NOT_REGULAR,
  // What open(2) says of a Unix socket.
  ENXIO: NOT_REGULAR,
};

/** Reads of 256 KB: with the default 64 KB, the thread-pool round trips cost a 1 MB image up to 1 ms more. */
const FILE_CHUNK_BYTES = 256 * 1024;

/**
 * How much of a file is read at once: a file small enough to be held in memory in one read (it will
 * be held whole anyway, and each read is a thread-pool round trip and a chunk for every stage after
 * it), a larger one in chunks of 256 KB.
 */
const readSize = (size: number): number =>
  size <= MEMORY_LIMITS.perItemBytes ? Math.max(size, FILE_CHUNK_BYTES) : FILE_CHUNK_BYTES;

/** A local file (the CLI's `check ./photo.jpg`): named by its base name, sized by `stat`. */
export function fileMediaRef(path: string): MediaRef {
  const name = basename(path);
  let sizeHint: number | undefined;
  try {
    const stats = statSync(path);
    if (stats.isFile()) sizeHint = stats.size;
  } catch {
    // `open` reports the problem, as one item's error rather than a crash of the whole command.
  }
  return {
    name,
    sizeHint,
    async open(): Promise<Readable> {
      try {
        // Non-blocking: opening a named pipe with no writer would otherwise wait for one for ever,
        // holding a thread of the pool. What is not a regular file (a pipe, a socket, /dev/zero, a
        // terminal) is refused here, at once; the Checker's deadline bounds reading a regular file.
        const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
        const stats = await handle.stat();
        if (!stats.isFile()) {
          await handle.close();
          const code = stats.isDirectory() ? 'EISDIR' : 'ENOTREG';
          throw Object.assign(new Error('not a regular file'), { code });
        }
        return handle.createReadStream({ highWaterMark: readSize(stats.size) });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        throw new DownloadError(
          `Cannot read ${name}: ${READ_PROBLEMS[code] ?? 'the file could not be opened'}.`,
          {
            cause: err,
          },
        );
      }
    },
  };
}
