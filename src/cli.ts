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
  },
  (err: unknown) => {
    process.stderr.write(`bitmind-bot: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
