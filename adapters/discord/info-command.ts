import { toItemError } from '../../src/check/item-error.js';
import { caveat, describeError } from '../../src/check/wording.js';
import { t } from '../../src/i18n/i18n.js';
import { commandName, commandSurface } from './commands.js';
import type { DiscordContext } from './context.js';
import { scopeOf, type Invocation } from './invocation.js';

const STATUS_TIMEOUT_MS = 10_000;

/** `/bitmind help`: every way to ask for a check here, with this channel's trigger emoji. */
export async function helpAnswer(ctx: DiscordContext, asked: Invocation): Promise<string> {
  const settings = await ctx.settings.get(scopeOf(asked), asked.settingsChannel);
  const emoji = settings.triggerReaction ?? ctx.discord.triggerReaction;
  const { locale } = asked;
  const surface = commandSurface(locale);
  return [
    t(locale, 'discord.help.intro'),
    t(locale, 'discord.help.check', surface),
    t(locale, 'discord.help.message', { menu: commandName(locale, 'contextMenu'), emoji }),
    t(locale, 'discord.help.autoscan', surface),
    t(locale, 'discord.help.roles', surface),
    t(locale, 'discord.help.modlog', {
      ...surface,
      recheck: t(locale, 'buttons.recheck'),
      feedback: t(locale, 'buttons.feedback'),
      delete: t(locale, 'buttons.delete'),
    }),
    t(locale, 'discord.help.status', surface),
    '',
    `_${caveat(locale)}_`,
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
  const { locale } = asked;
  const yesNo = (allowed: boolean) => t(locale, allowed ? 'discord.status.yes' : 'discord.status.no');
  const lines = [
    health.status === 'fulfilled'
      ? t(locale, 'discord.status.reachable')
      : t(locale, 'discord.status.unreachable', {
          reason: describeError(toItemError(health.reason), locale),
        }),
  ];
  if (permissions.status === 'fulfilled') {
    const p = permissions.value;
    lines.push(
      t(locale, 'discord.status.allowed', {
        image: yesNo(p.image),
        video: yesNo(p.video),
        batch: yesNo(p.batch),
      }),
    );
  }
  if (settings.status === 'fulfilled') {
    lines.push(
      settings.value.autoscan
        ? t(locale, 'discord.status.autoscanOn', { mode: settings.value.replyMode })
        : t(locale, 'discord.status.autoscanOff'),
    );
  }
  return lines.join('\n');
}
