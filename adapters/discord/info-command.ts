import { toItemError } from '../../src/check/item-error.js';
import { CAVEAT } from '../../src/check/wording.js';
import { COMMAND, CONTEXT_MENU } from './commands.js';
import type { DiscordContext } from './context.js';
import { scopeOf, type Invocation } from './invocation.js';
import { ROLES_WORDING } from './roles-wording.js';

const STATUS_TIMEOUT_MS = 10_000;

/** `/bitmind help`: every way to ask for a check here, with this channel's trigger emoji. */
export async function helpAnswer(ctx: DiscordContext, asked: Invocation): Promise<string> {
  const settings = await ctx.settings.get(scopeOf(asked), asked.settingsChannel);
  const emoji = settings.triggerReaction ?? ctx.discord.triggerReaction;
  return [
    '**BitMind** looks for signs of AI generation in images and videos.',
    `• \`/${COMMAND} check\` with \`media\` (a file) or \`url\` (a link); add \`private: True\` to see the result alone.`,
    `• On a message: **Apps → ${CONTEXT_MENU}**, or react with ${emoji}.`,
    `• \`/${COMMAND} autoscan enable|disable|status\`: check every new file in this channel (Manage Server). Modes: \`flagged\`, \`all\`, \`silent\`.`,
    ROLES_WORDING.helpLine(COMMAND),
    `• \`/${COMMAND} modlog set|off|status\`: a channel where results with evidence and reports of wrong results are also posted (Manage Server). Every result has Recheck, Wrong result? and Delete buttons.`,
    `• \`/${COMMAND} status\`: is BitMind reachable?`,
    '',
    `_${CAVEAT}_`,
  ].join('\n');
}

/** `/bitmind status`: BitMind's reachability and permissions, and auto-scan in this channel. */
export async function statusAnswer(ctx: DiscordContext, asked: Invocation): Promise<string> {
  const signal = AbortSignal.timeout(STATUS_TIMEOUT_MS);
  const [health, permissions, settings] = await Promise.allSettled([
    ctx.bitmind.health({ signal }),
    ctx.bitmind.permissions({ signal }),
    ctx.settings.get(scopeOf(asked), asked.settingsChannel),
  ]);
  const yesNo = (allowed: boolean) => (allowed ? 'yes' : 'no');
  const lines = [
    health.status === 'fulfilled'
      ? '✅ BitMind is reachable.'
      : `⚠️ BitMind is not reachable right now: ${toItemError(health.reason).message}`,
  ];
  if (permissions.status === 'fulfilled') {
    const p = permissions.value;
    lines.push(
      `Allowed checks: images ${yesNo(p.image)}, videos ${yesNo(p.video)}, batches ${yesNo(p.batch)}.`,
    );
  }
  if (settings.status === 'fulfilled') {
    lines.push(
      settings.value.autoscan
        ? `Auto-scan here: on (mode \`${settings.value.replyMode}\`).`
        : 'Auto-scan here: off.',
    );
  }
  return lines.join('\n');
}
