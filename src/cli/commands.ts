import { checkCommand } from './check.js';
import type { Command } from './command.js';
import { simulatorCommand } from './simulator.js';
import { registerCommandsCommand } from './register-commands.js';

/** Every command the CLI offers, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [checkCommand, simulatorCommand, registerCommandsCommand];
