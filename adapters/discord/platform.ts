import type { PlatformModule } from '../../src/adapter.js';
import { discordConfigOf, discordConfigSlice } from './config.js';
import { describeShards } from './shards.js';

/** Discord as the composition root sees it: its settings, and discord.js loaded only when it runs. */
export const discordPlatform: PlatformModule = {
  name: 'discord',
  config: discordConfigSlice,
  howToEnable: 'set DISCORD_TOKEN; command definitions in manifest/, setup in docs/discord.md',
  describe: (config) => {
    const discord = discordConfigOf(config);
    return discord ? `Discord, ${describeShards(discord.shards)}` : 'Discord';
  },
  async create(deps) {
    return (await import('./adapter.js')).createDiscordAdapter(deps);
  },
  async doctor(config, options) {
    const discord = discordConfigOf(config);
    if (!discord) throw new Error('the doctor asked about Discord, which is not configured');
    const [{ probeDiscord }, { commandDefinitions }] = await Promise.all([
      import('./doctor.js'),
      import('./commands.js'),
    ]);
    return probeDiscord({
      discord,
      expectedCommands: commandDefinitions().map(({ name, type }) => ({ name, type })),
      timeoutMs: options.timeoutMs,
    });
  },
  commands: [
    {
      name: 'register-commands',
      summary: 'Register the Discord slash command and message command',
      load: async () => (await import('./register-commands.js')).registerCommandsCommand,
    },
  ],
};
