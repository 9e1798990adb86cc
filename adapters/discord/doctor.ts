import { ApplicationCommandType, ApplicationFlags, DiscordAPIError, REST, Routes } from 'discord.js';
import { z } from 'zod';
import { fail, pass, skip, type Finding, type Section } from '../../src/doctor/checklist.js';
import { messageOf, withDeadline } from '../../src/doctor/deadline.js';
import type { DiscordConfig } from './config.js';
import type { ShardPlan } from './shards.js';

/** A command the bot registers: its name and type (1 slash, 3 message context menu). */
export interface ExpectedCommand {
  readonly name: string;
  readonly type?: number;
}

export interface DiscordProbeTarget {
  readonly discord: DiscordConfig;
  readonly expectedCommands: readonly ExpectedCommand[];
  readonly timeoutMs: number;
}

const applicationShape = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  flags: z.number().int().optional(),
});
const gatewayBotShape = z.looseObject({ shards: z.number().int().positive() });
/** Discord's recommendation is about one shard per this many servers… */
const SERVERS_PER_RECOMMENDED_SHARD = 1000;
/** …and it refuses a shard with more than this many. */
const SERVERS_PER_SHARD_LIMIT = 2500;
const commandsShape = z.array(z.looseObject({ name: z.string(), type: z.number().int().optional() }));

/** Discord's default command type: a slash command. */
const SLASH: number = ApplicationCommandType.ChatInput;

/** The portal's Message Content switch sets one of these, depending on whether the app is verified. */
const MESSAGE_CONTENT =
  ApplicationFlags.GatewayMessageContent | ApplicationFlags.GatewayMessageContentLimited;

/** Discord: the token (GET /applications/@me), the Message Content intent, the registered commands. */
export async function probeDiscord(target: DiscordProbeTarget): Promise<Section> {
  const { discord, timeoutMs } = target;
  const rest = new REST({
    api: discord.apiUrl,
    timeout: timeoutMs,
    retries: 0,
    rejectOnRateLimit: () => true,
  });
  rest.setToken(discord.token.reveal());
  const findings: Finding[] = [];
  const section = (): Section => ({ name: 'Discord', findings });

  let app: z.output<typeof applicationShape>;
  try {
    app = applicationShape.parse(
      await withDeadline(timeoutMs, 'Discord GET /applications/@me', (signal) =>
        rest.get(Routes.currentApplication(), { signal }),
      ),
    );
  } catch (err) {
    findings.push(
      tokenFailure(err, discord.apiUrl),
      skip('Message Content intent not read: GET /applications/@me failed'),
      skip('Shards not checked: GET /applications/@me failed'),
      skip('Commands not read: GET /applications/@me failed'),
    );
    return section();
  }
  findings.push(pass(`Bot token valid (application "${app.name ?? app.id}")`));
  findings.push(
    ((app.flags ?? 0) & MESSAGE_CONTENT) !== 0
      ? pass('Message Content intent enabled')
      : fail(
          'Message Content intent is off',
          'turn on Message Content Intent under Privileged Gateway Intents on the Bot page of the developer portal.',
          'The bot asks for it, so Discord refuses its connection (close code 4014, "Disallowed intents").',
        ),
  );

  findings.push(await shardsFinding(rest, discord.shards, timeoutMs));

  try {
    const registered = commandsShape.parse(
      await withDeadline(timeoutMs, 'Discord GET /applications/{id}/commands', (signal) =>
        rest.get(Routes.applicationCommands(app.id), { signal }),
      ),
    );
    findings.push(commandsFinding(target.expectedCommands, registered));
  } catch (err) {
    findings.push(
      fail(
        'Commands could not be read',
        'run the doctor again; if it persists, see what Discord said.',
        messageOf(err),
      ),
    );
  }
  return section();
}

/**
 * The shard count against Discord's recommendation (GET /gateway/bot: about one shard per 1,000
 * servers). Discord closes a shard that would carry more than 2,500 servers (4011, "Sharding
 * required"), so a count that leaves the average shard above that fails; one merely below the
 * recommendation passes with the figures.
 */
async function shardsFinding(rest: REST, plan: ShardPlan, timeoutMs: number): Promise<Finding> {
  let recommended: number;
  try {
    recommended = gatewayBotShape.parse(
      await withDeadline(timeoutMs, 'Discord GET /gateway/bot', (signal) =>
        rest.get(Routes.gatewayBot(), { signal }),
      ),
    ).shards;
  } catch (err) {
    return fail(
      'Shards not checked: GET /gateway/bot failed',
      'run the doctor again; if it persists, see what Discord said.',
      messageOf(err),
    );
  }
  if (plan.count === 'auto')
    return pass(`Shards: ${recommended}, as Discord recommends (DISCORD_SHARD_COUNT=auto)`);
  const runs = `this process runs ${plan.ids.length === plan.count ? 'all of them' : `shards ${plan.ids.join(',')}`}`;
  if (plan.count >= recommended)
    return pass(`Shards: ${plan.count} (Discord recommends ${recommended}); ${runs}`);
  if (plan.count * (SERVERS_PER_SHARD_LIMIT / SERVERS_PER_RECOMMENDED_SHARD) >= recommended)
    return pass(
      `Shards: ${plan.count}, below Discord's recommendation of ${recommended}; ${runs}`,
      `Each shard carries about ${Math.round((recommended * SERVERS_PER_RECOMMENDED_SHARD) / plan.count)} servers; Discord refuses more than ${SERVERS_PER_SHARD_LIMIT}.`,
    );
  return fail(
    `Shards: DISCORD_SHARD_COUNT=${plan.count} is far below Discord's recommendation of ${recommended}`,
    `set DISCORD_SHARD_COUNT to ${recommended} (or auto) in every process of the bot, and divide DISCORD_SHARD_IDS between them (docs/discord.md, "Running a large bot").`,
    `Each shard would carry more than the ${SERVERS_PER_SHARD_LIMIT} servers Discord allows: it closes such a shard (4011, "Sharding required").`,
  );
}

function tokenFailure(err: unknown, apiUrl: string): Finding {
  if (err instanceof DiscordAPIError && err.status === 401) {
    return fail(
      'Bot token (DISCORD_TOKEN) not accepted',
      'copy the token again from the Bot page of your application in the Discord developer portal (Reset Token) into DISCORD_TOKEN.',
      'Discord answered 401 Unauthorized.',
    );
  }
  return fail(
    'Bot token (DISCORD_TOKEN) not checked: no usable answer from Discord',
    `check DISCORD_API_URL (${apiUrl}) and that this machine can reach Discord.`,
    messageOf(err),
  );
}

function commandsFinding(
  expected: readonly ExpectedCommand[],
  registered: z.output<typeof commandsShape>,
): Finding {
  const typeOf = (c: { type?: number | undefined }): number => c.type ?? SLASH;
  const label = (c: ExpectedCommand) =>
    typeOf(c) === SLASH ? `/${c.name}` : `"${c.name}" (message command)`;
  const missing = expected.filter(
    (e) => !registered.some((r) => r.name === e.name && typeOf(r) === typeOf(e)),
  );
  if (missing.length === 0) return pass(`Commands registered: ${expected.map(label).join(', ')}`);
  return fail(
    `Commands not registered: ${missing.map(label).join(', ')}`,
    'run bitmind-bot register-commands (Discord can take up to an hour to show global commands).',
    'This checks global commands; commands registered with --guild in one server are not seen here.',
  );
}
