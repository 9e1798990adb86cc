import { readFile } from 'node:fs/promises';

/** CPU seconds (user and system) the processes `pids` have used so far, from /proc/<pid>/stat. */
export async function cpuOf(pids: readonly number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS;
}

/** The kernel's USER_HZ: 100 on Linux on every common architecture. */
const CLOCK_TICKS = 100;
