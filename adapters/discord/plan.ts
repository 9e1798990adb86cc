import type { APIEmbed } from 'discord.js';

/** What an interaction is answered with, by editing its deferred response. */
export interface Answer {
  readonly content?: string;
  readonly embeds?: APIEmbed[];
}

/**
 * How to answer one interaction: whether only the asker sees it (decided before deferring, since
 * the defer fixes it) and the work whose result replaces the "thinking…" state.
 */
export interface Plan {
  readonly ephemeral: boolean;
  run(): Promise<Answer>;
}

export function immediate(ephemeral: boolean, answer: Answer): Plan {
  return { ephemeral, run: () => Promise.resolve(answer) };
}
