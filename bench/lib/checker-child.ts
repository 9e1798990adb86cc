import { expectVerdicts, fileRequest, startWindowedChecker, type SimEndpoint } from './bot.js';

/**
 * One "instance" of the shared-rate-limit scenario in a process of its own: the bot's Checker and
 * BitMind client wired as `buildCore` wires them, with the limiter's window shortened and shared
 * through Redis (`startWindowedChecker`). Driven by `bench/lib/checker-process.ts`: each command
 * checks one message's files and answers once every item has a verdict.
 */
export interface CheckerChildOptions {
  readonly sim: SimEndpoint;
  readonly rateLimit: { readonly limit: number; readonly windowMs: number };
  readonly redis: { REDIS_URL: string; REDIS_PREFIX: string };
}

const options = JSON.parse(process.argv[2] ?? '{}') as CheckerChildOptions;
const bot = await startWindowedChecker(options.sim, options.rateLimit, options.redis);

process.on('message', (message: { id: number; paths: string[] }) => {
  void bot.checker.check(fileRequest(message.paths)).then(
    (report) => {
      let error: string | null = null;
      try {
        expectVerdicts(report);
      } catch (err) {
        error = (err as Error).message;
      }
      process.send?.({ id: message.id, result: error });
    },
    (err: unknown) => process.send?.({ id: message.id, result: String(err) }),
  );
});
process.on('disconnect', () => void bot.close().then(() => process.exit(0)));
process.send?.({ ready: true });
