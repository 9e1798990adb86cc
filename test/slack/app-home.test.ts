import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { homeView } from '../../adapters/slack/app-home.js';
import { waitFor } from '../helpers/wait.js';
import { blockText, finalReply, pngScored, startSlackRig, type SlackRig } from './rig.js';

/**
 * What Slack accepts in a Home tab of header, section, context and divider blocks (Block Kit's
 * documented limits): at most 100 blocks; header plain text up to 150 characters; section text
 * up to 3000; up to 10 context elements; a block_id, where given, up to 255.
 */
const text = (type: 'plain_text' | 'mrkdwn', max: number) =>
  z.strictObject({ type: z.literal(type), text: z.string().min(1).max(max), emoji: z.boolean().optional() });
const blockId = { block_id: z.string().max(255).optional() };
const homeViewSchema = z.strictObject({
  type: z.literal('home'),
  blocks: z
    .array(
      z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('header'), text: text('plain_text', 150), ...blockId }),
        z.strictObject({ type: z.literal('section'), text: text('mrkdwn', 3000), ...blockId }),
        z.strictObject({
          type: z.literal('context'),
          elements: z.array(text('mrkdwn', 3000)).min(1).max(10),
          ...blockId,
        }),
        z.strictObject({ type: z.literal('divider'), ...blockId }),
      ]),
    )
    .min(1)
    .max(100),
});

it('stays within what Slack accepts for a workspace with very many auto-scan channels', () => {
  const autoscan = Array.from({ length: 130 }, (_, i) => ({
    channel: `C${String(i).padStart(10, '0')}`,
    settings: { autoscan: true, replyMode: 'flagged' as const, triggerReaction: undefined },
  }));
  const view = homeViewSchema.parse(
    homeView('mag', { autoscan, modlog: 'C0MODLOG', activity: undefined }, 'en'),
  );
  const shown = blockText(view);
  expect(shown).toContain('<#C0000000049>: flagged');
  expect(shown).not.toContain('<#C0000000050>');
  expect(shown).toContain('…and 80 more channels.');
  expect(shown).toContain('the audit trail could not be read just now');
});

describe('Slack App Home', () => {
  let rig: SlackRig;
  const MODLOG = 'C0MODLOG';

  beforeAll(async () => {
    rig = await startSlackRig({ mode: 'socket' });
  });
  afterAll(async () => {
    await rig?.close();
  });

  async function opened(user: string) {
    const before = rig.slack.callsTo('views.publish').length;
    await rig.slack.openHome(user);
    await rig.idle();
    await waitFor(() => rig.slack.callsTo('views.publish').length > before, { what: 'views.publish' });
    return homeViewSchema.parse(rig.slack.homeView(user));
  }

  it('shows an admin the auto-scan channels, the mod log and the last 7 days from the audit trail', async () => {
    const { slack } = rig;
    const scope = { platform: 'slack', workspace: slack.workspace.teamId };
    await rig.connected.settings.update(scope, slack.channels.general, { autoscan: true, replyMode: 'all' });
    await rig.connected.settings.update(scope, slack.channels.random, { autoscan: false });
    await rig.connected.settings.updateWorkspace(scope, { modlog: MODLOG });
    // Two checks: auto-scan finds evidence; a reaction in another channel finds little.
    const shared = await slack.shareFiles({
      channel: slack.channels.general,
      user: slack.users.alice.id,
      files: [slack.addFile({ name: 'a.png', mimetype: 'image/png', bytes: pngScored(0.93) })],
    });
    await finalReply(slack, slack.channels.general, shared.message.ts);
    const posted = slack.postMessage({
      channel: slack.channels.random,
      user: slack.users.alice.id,
      files: [slack.addFile({ name: 'b.png', mimetype: 'image/png', bytes: pngScored(0.1) })],
    });
    await slack.react({
      user: slack.users.alice.id,
      channel: slack.channels.random,
      ts: posted.ts,
      reaction: 'mag',
    });
    await finalReply(slack, slack.channels.random, posted.ts);
    await rig.idle();
    // A "wrong result?" report, as the moderation buttons record it.
    await rig.connected.audit.record({
      type: 'feedback',
      at: new Date().toISOString(),
      ...scope,
      channel: slack.channels.general,
      resultId: 'r1',
      by: slack.users.alice.id,
      band: 'strong',
    });

    const home = await opened(slack.users.admin.id);
    const shown = blockText(home);
    expect(home.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'BitMind for admins', emoji: true },
    });
    expect(shown).toContain(`<#${slack.channels.general}>: all`);
    expect(shown).not.toContain(`<#${slack.channels.random}>`);
    expect(shown).toContain(`*Mod log*: <#${MODLOG}>`);
    expect(shown).toContain('• 2 checks, 1 with evidence of AI generation');
    expect(shown).toContain('• 1 "wrong result" report');
    expect(shown).toContain('• By trigger: autoscan 1 · reaction 1');
    // The how-to follows for admins too.
    expect(shown).toContain('React with :mag:');
  });

  it('speaks the viewer’s language: an admin whose Slack is in Spanish (es-ES) gets it all in Spanish', async () => {
    const { slack } = rig;
    slack.workspace.addUser({ id: 'U0ELENA', name: 'elena', is_admin: true, locale: 'es-ES' });
    const home = await opened('U0ELENA');
    const shown = blockText(home);
    expect(home.blocks[0]).toMatchObject({ type: 'header', text: { text: 'BitMind para administradores' } });
    // What the first test set up and counted, in Spanish.
    expect(shown).toContain(
      `*Análisis automático*\n• <#${slack.channels.general}>: all (responde a cada imagen y vídeo)`,
    );
    expect(shown).toContain(
      `*Registro de moderación*: <#${MODLOG}> recibe los resultados con indicios de generación por IA y los avisos de "resultado erróneo".`,
    );
    expect(shown).toContain('*Últimos 7 días*\n• 2 comprobaciones, 1 con indicios de generación por IA');
    expect(shown).toContain('• 1 aviso de "resultado erróneo"');
    expect(shown).toContain('• Por origen: análisis automático 1 · reacción 1');
    expect(shown).toContain('• Reacciona con :mag: a un mensaje con una imagen o un vídeo');
    expect(shown).toContain(
      'La detección de IA es probabilística: tómala como un indicio, no como una prueba.',
    );
    expect(shown).not.toMatch(/Mod log|Last 7 days|React with/);
    const asked = slack
      .callsTo('users.info')
      .filter((c) => c.args.user === 'U0ELENA' && String(c.args.include_locale) === 'true');
    expect(asked).toHaveLength(1);
  });

  it('shows everyone else how to use the bot, and nothing of the workspace', async () => {
    const home = await opened(rig.slack.users.alice.id);
    const shown = blockText(home);
    expect(home.blocks[0]).toMatchObject({ type: 'header', text: { text: 'BitMind' } });
    expect(shown).toContain('React with :mag: to a message with an image or video');
    expect(shown).toContain('`/bitmind check <link>`');
    expect(shown).not.toMatch(/Mod log|Last 7 days|<#C/);
  });

  it('answers only the Home tab, and an event it cannot read with one log line, not a crash', async () => {
    const before = rig.slack.callsTo('views.publish').length;
    await rig.slack.sendEvent({ type: 'app_home_opened', user: rig.slack.users.alice.id, tab: 'messages' });
    await rig.slack.sendEvent({ type: 'app_home_opened', tab: 'home' });
    await rig.idle();
    expect(rig.slack.callsTo('views.publish')).toHaveLength(before);
  });
});
