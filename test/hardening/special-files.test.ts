import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../helpers/media-samples.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { runInProcess } from '../helpers/run-cli.js';
import { makeTempDir } from '../media/temp-dir.js';

/**
 * Class 8 of issue 13: `bitmind-bot check` on what is not a regular file is refused at once with a
 * clear error. A named pipe with no writer used to hang the command for ever; /dev/zero never ends.
 */
failOnStrayErrors();

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let socketServer: Server;
/** Far below any deadline the command has: a refusal must not wait for one. */
const AT_ONCE_MS = 10_000;

beforeAll(async () => {
  temp = await makeTempDir();
  execFileSync('mkfifo', [join(temp.path, 'pipe.jpg')]);
  writeFileSync(join(temp.path, 'photo.png'), png());
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer.listen(join(temp.path, 'socket.png'), resolve));
});

afterAll(async () => {
  await new Promise((resolve) => socketServer?.close(resolve));
  await temp?.remove();
});

async function checkFile(path: string) {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      runInProcess(['check', '--json', path], { LOG_LEVEL: 'silent' }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`check ${path} did not end`)), AT_ONCE_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe('check on what is not a regular file', () => {
  it.each([
    [
      'a named pipe with no writer',
      'pipe.jpg',
      'it is not a regular file (a pipe, socket, device or directory)',
    ],
    ['a Unix socket', 'socket.png', 'it is not a regular file (a pipe, socket, device or directory)'],
    ['a directory', '.', 'it is a directory'],
  ])('refuses %s at once', async (_, name, why) => {
    const run = await checkFile(join(temp.path, name));
    expect(run.code).toBe(1);
    const [result] = (JSON.parse(run.stdout) as { results: { error: { code: string; message: string } }[] })
      .results;
    expect(result?.error).toEqual({
      code: 'download_failed',
      message: expect.stringContaining(why) as string,
    });
  });

  it('refuses /dev/zero at once instead of reading it for ever', async () => {
    const run = await checkFile('/dev/zero');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('it is not a regular file');
  });

  it('still checks a regular file', async () => {
    const run = await checkFile(join(temp.path, 'photo.png'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"isAI"');
  });
});
