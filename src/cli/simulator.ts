import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startSimulator, type SimulatorOptions } from '../simulator/index.js';
import { UsageError, type Command } from './command.js';
import { cliLogger } from './cli-logger.js';

const USAGE = `Usage: bitmind-bot simulator [options]

Runs the embedded BitMind API simulator alone, on loopback, until Ctrl-C (SIGINT) or SIGTERM, and
prints its address and fresh credentials as environment lines for the bot. Verdicts are simulated:
the same content always gets the same score; a file whose first 64 KiB contain
"bitmind-sim-score=0.93" gets 0.93.

Options:
  --port N             port to listen on (default 0: any free port)
  --host H             address to listen on (default 127.0.0.1)
  --latency MS         added to every API answer
  --latency-per-mb MS  added per MiB uploaded
  --error-rate R       fraction (0..1) of API calls answered with a random 5xx
  --rate-limit N[/U]   at most N API calls per client per unit U: s, min (default) or h
  --token-ttl S        access token lifetime in seconds (default 3600)

LOG_LEVEL=debug logs every request (to stderr).`;

const UNIT_MS = { s: 1000, min: 60_000, h: 3_600_000 } as const;

const Flags = z.object({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
  latency: z.coerce.number().min(0).optional(),
  'latency-per-mb': z.coerce.number().min(0).optional(),
  'error-rate': z.coerce.number().min(0).max(1).optional(),
  'rate-limit': z
    .string()
    .regex(/^[1-9]\d*(\/(s|min|h))?$/, 'expected N, N/s, N/min or N/h')
    .transform((value) => {
      const [count, unit = 'min'] = value.split('/') as [string, (keyof typeof UNIT_MS)?];
      return { limit: Number(count), windowMs: UNIT_MS[unit] };
    })
    .optional(),
  'token-ttl': z.coerce.number().int().min(1).optional(),
});

/** Every flag takes a value; zod reads and checks them all. */
const OPTIONS = Object.fromEntries(
  Object.keys(Flags.shape).map((name) => [name, { type: 'string' as const }]),
);

function parseFlags(args: readonly string[]): SimulatorOptions {
  let values: unknown;
  try {
    ({ values } = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const flags = Flags.safeParse(values);
  if (!flags.success) {
    const issue = flags.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? '?')}: ${issue?.message ?? 'invalid value'}`);
  }
  const f = flags.data;
  return {
    port: f.port,
    host: f.host,
    latencyMs: f.latency,
    latencyPerMbMs: f['latency-per-mb'],
    errorRate: f['error-rate'],
    rateLimit: f['rate-limit'],
    tokenTtlSeconds: f['token-ttl'],
  };
}

export const simulatorCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const options = parseFlags(args);
    const logger = cliLogger(io, io.env.LOG_LEVEL ?? 'info');
    const sim = await startSimulator({ ...options, logger });
    const { url, credentials } = sim;
    io.stdout.write(
      [
        `BitMind API simulator listening on ${url} (simulated verdicts; stop with Ctrl-C)`,
        '# OAuth client credentials:',
        `BITMIND_BASE_URL=${url}`,
        `BITMIND_CLIENT_ID=${credentials.clientId}`,
        `BITMIND_CLIENT_SECRET=${credentials.clientSecret}`,
        '# or, instead of the client id and secret, the legacy API key:',
        `# BITMIND_API_KEY=${credentials.apiKey}`,
        '',
      ].join('\n'),
    );
    const signal = await io.waitForStop();
    await sim.close();
    io.stderr.write(`Simulator stopped (${signal}).\n`);
    return 0;
  },
};
