import { checkCommand } from './check.js';
import type { Command } from './command.js';
import { doctorCommand } from './doctor.js';
import { simulatorCommand } from './simulator.js';
import { registerCommandsCommand } from './register-commands.js';
import { startCommand } from './start.js';

/** Every command the CLI offers, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  startCommand,
  checkCommand,
  simulatorCommand,
  registerCommandsCommand,
  doctorCommand,
];
