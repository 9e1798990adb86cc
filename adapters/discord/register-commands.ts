import { parseArgs } from 'node:util';
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { z } from 'zod';
import { UsageError, type Command, type CommandIO } from '../../src/cli/command.js';
import { environmentWithDotEnv, loadConfig } from '../../src/config.js';
import { commandDefinitions } from './commands.js';
import { discordConfigOf, discordConfigSlice } from './config.js';
import { inviteUrl } from './invite.js';

const USAGE = `Usage: bitmind-bot register-commands [--guild ID] [--print]

Registers the /bitmind slash command and the "Check with BitMind" message command with Discord,
for the application of DISCORD_TOKEN (sent to DISCORD_API_URL). Run it once after inviting the bot,
and again after upgrading.

Options:
  --guild ID  register in one server only: the commands appear at once (handy while testing).
              Without it they are global, and Discord can take up to an hour to show them.
  --print     print the command definitions as JSON and exit (no token needed); this is how
              manifest/discord-commands.json is made.`;

const snowflake = z.string().regex(/^\d{17,20}$/, 'a server id is a number of 17 to 20 digits');
const applicationSchema = z.object({ id: snowflake, name: z.string().optional() });
const registeredSchema = z.array(z.object({ name: z.string() }));

function parseFlags(args: readonly string[]): { guild: string | undefined; print: boolean } {
  let values: { guild?: string; print?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: { guild: { type: 'string' }, print: { type: 'boolean' } },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const guild = values.guild === undefined ? undefined : snowflake.safeParse(values.guild);
  if (guild && !guild.success) throw new UsageError(`--guild: ${guild.error.issues[0]?.message}`);
  return { guild: guild?.data, print: values.print ?? false };
}

function explain(err: unknown): string {
  if (err instanceof DiscordAPIError) {
    if (err.status === 401)
      return 'Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Bot page.';
    if (err.status === 403 || err.code === 50001)
      return `Discord refused (${err.status}): invite the bot to that server with the applications.commands scope first.`;
    return `Discord answered ${err.status}: ${err.message}`;
  }
  if (err instanceof z.ZodError) return 'Discord answered with something that is not what its API documents.';
  return `Could not reach Discord: ${err instanceof Error ? err.message : String(err)}`;
}

async function register(io: CommandIO, guild: string | undefined): Promise<number> {
  const discord = discordConfigOf(loadConfig(environmentWithDotEnv(io.env), [discordConfigSlice]));
  if (!discord) {
    io.stderr.write(
      'DISCORD_TOKEN is not set: put the bot token from the Discord developer portal in .env.\n',
    );
    return 2;
  }
  const rest = new REST({ api: discord.apiUrl }).setToken(discord.token.reveal());
  try {
    const app = applicationSchema.parse(await rest.get(Routes.currentApplication()));
    const route = guild ? Routes.applicationGuildCommands(app.id, guild) : Routes.applicationCommands(app.id);
    const registered = registeredSchema.parse(await rest.put(route, { body: commandDefinitions() }));
    const names = registered.map((c) => c.name).join(', ');
    io.stdout.write(
      guild
        ? `Registered ${registered.length} commands (${names}) in server ${guild}: they are available now.\n`
        : `Registered ${registered.length} global commands (${names}). Discord can take up to an hour to show them everywhere; use --guild ID to try them at once in one server.\n`,
    );
    io.stdout.write(`Invite the bot (if not yet done): ${inviteUrl(app.id)}\n`);
    return 0;
  } catch (err) {
    io.stderr.write(`${explain(err)}\n`);
    return 1;
  }
}

export const registerCommandsCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { guild, print } = parseFlags(args);
    if (print) {
      io.stdout.write(`${JSON.stringify(commandDefinitions(), null, 2)}\n`);
      return 0;
    }
    return register(io, guild);
  },
};
