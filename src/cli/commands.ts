import { PLATFORMS } from '../platforms.js';
import type { Command } from './command.js';

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  /** Loaded only when run, so `check` never pays for discord.js or Bolt, in start-up time or memory. */
  load(): Promise<Command>;
}

/** Every command the CLI offers, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'start',
    summary: 'Run the bot (Slack, Discord or both) with its HTTP server',
    load: async () => (await import('./start.js')).startCommand,
  },
  {
    name: 'check',
    summary: 'Check local files or URLs and print the verdicts',
    load: async () => (await import('./check.js')).checkCommand,
  },
  {
    name: 'simulator',
    summary: 'Run the embedded BitMind API simulator alone and print credentials for it',
    load: async () => (await import('./simulator.js')).simulatorCommand,
  },
  ...PLATFORMS.flatMap((p) => p.commands ?? []),
  {
    name: 'audit',
    summary: "Export the audit trail (JSON lines or CSV), or delete one workspace's trail",
    load: async () => (await import('./audit.js')).auditCommand,
  },
  {
    name: 'doctor',
    summary: 'Check the configuration, BitMind and each chat platform, with a fix for each problem',
    load: async () => (await import('./doctor.js')).doctorCommand,
  },
];
