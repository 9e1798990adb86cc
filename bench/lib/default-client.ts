import { spawnCli, type CliChild } from '../../test/helpers/cli-child.js';

/**
 * The baseline of the Discord scenarios: a discord.js client on its default caches (200 messages a
 * channel, every member, user, emoji and presence), with the bot's intents and partials, that
 * takes every event as discord.js does (building and caching its structures). Run as an ES module
 * from the project root so `discord.js` resolves. On SIGUSR2 it logs the event loop's delay p99
 * since the last report and starts over: the monitor prom-client reads for the bot's
 * `nodejs_eventloop_lag_p99_seconds` (resolution 10 ms), so the two are measured alike.
 */
const DEFAULT_CLIENT = `
import { Client, GatewayIntentBits, Partials } from 'discord.js';
import { monitorEventLoopDelay } from 'node:perf_hooks';
const say = (fields) => process.stdout.write(JSON.stringify({ level: 30, ...fields }) + '\\n');
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
let reports = 0;
process.on('SIGUSR2', () => {
  say({ msg: 'lag', n: ++reports, p99Ms: lag.percentile(99) / 1e6 });
  lag.reset();
});
const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent,
    GatewayIntentBits.GuildMessageReactions, GatewayIntentBits.DirectMessages],
  partials: [Partials.Message, Partials.Channel, Partials.Reaction],
  rest: { api: process.env.DISCORD_API_URL },
  shards: 'auto',
});
client.on('messageCreate', () => {});
client.once('clientReady', () => say({ msg: 'baseline ready' }));
await client.login(process.env.DISCORD_TOKEN);
`;

export interface DefaultClient {
  readonly child: CliChild;
  /** The event loop's delay p99 since the last call, in ms. */
  lagP99Ms(): Promise<number>;
}

/** Starts the default client against the fake Discord whose settings `env` holds, ready. */
export async function startDefaultClient(
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Promise<DefaultClient> {
  const child = spawnCli([], env, { entry: [...nodeArgs, '--input-type=module', '--eval', DEFAULT_CLIENT] });
  await child.waitForLog((l) => l.msg === 'baseline ready', 'the baseline client ready', 60_000);
  let reports = 0;
  return {
    child,
    async lagP99Ms() {
      const n = ++reports;
      child.signal('SIGUSR2');
      const line = await child.waitForLog((l) => l.msg === 'lag' && l.n === n, 'a lag report', 10_000);
      return Number(line.p99Ms);
    },
  };
}
