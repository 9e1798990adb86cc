#!/usr/bin/env node
import { main } from './cli/main.js';

let stop: Promise<string> | undefined;
function waitForStop(): Promise<string> {
  stop ??= new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
  return stop;
}

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  waitForStop,
}).then(
  (code) => {
    process.exitCode = code;
    // The command is done (a stopped bot has drained, recorded what it still owed, and flushed its
    // log). Whatever still holds the process, such as a platform client sleeping through a long
    // Retry-After, must not keep it alive past its shutdown: once stdout has drained, the loop gets a
    // moment to end by itself, then the process ends.
    process.stdout.write('', () => setTimeout(() => process.exit(code), 1000).unref());
  },
  (err: unknown) => {
    process.stderr.write(`bitmind-bot: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
