import { discordPlatform } from '../adapters/discord/platform.js';
import { slackPlatform } from '../adapters/slack/platform.js';
import type { PlatformModule } from './adapter.js';
import { ENV_VARS, loadConfig, type Config, type VarSpec } from './config.js';

/**
 * Every platform the bot can run: the one place in src/ that names the adapters (the boundary test
 * holds it so). Adding a platform is a folder under adapters/ and a line here.
 */
export const PLATFORMS: readonly PlatformModule[] = [slackPlatform, discordPlatform];

/** The configuration with every platform's slice: what the CLI's commands read. */
export function loadBotConfig(env: Record<string, string | undefined>): Config {
  return loadConfig(
    env,
    PLATFORMS.map((p) => p.config),
  );
}

/** Every variable, the core's and each platform's, for the docs and `.env.example`. */
export const ALL_ENV_VARS: Readonly<Record<string, VarSpec>> = Object.assign(
  {},
  ENV_VARS,
  ...PLATFORMS.map((p) => p.config.vars),
) as Record<string, VarSpec>;

/** The platforms a configuration turns on. */
export function configuredPlatforms(config: Config): PlatformModule[] {
  return PLATFORMS.filter((p) => config.platforms[p.name] !== undefined);
}
