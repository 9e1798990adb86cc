import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderText } from '../../src/check/wording.js';
import type { Locale } from '../../src/i18n/i18n.js';
import type { StoredMessage } from '../fakes/slack/index.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { waitFor } from '../helpers/wait.js';
import { blockText, pngScored, startSlackRig, type SlackRig } from './rig.js';

failOnStrayErrors();

/**
 * Replies in the reader's language through real Bolt and the fake Slack: the adapter asks
 * users.info with `include_locale` (once a day per person, remembered in the state store) and the
 * answer speaks it; Slack names no workspace language, so auto-scan replies stay English.
 */
describe('Slack replies in the language users.info gives', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await startSlackRig({ mode: 'socket' });
    const { workspace } = rig.slack;
    workspace.addUser({ id: 'U0ELENA', name: 'elena', locale: 'es-ES' });
    workspace.addUser({ id: 'U0JOAO', name: 'joao', locale: 'pt-BR' });
    workspace.addUser({ id: 'U0MINJI', name: 'minji', locale: 'ko-KR' });
  });
  afterAll(() => rig?.close());

  const general = () => rig.slack.channels.general;

  function postImage(name: string, score: number, user = rig.slack.users.alice.id): StoredMessage {
    const file = rig.slack.addFile({ name, mimetype: 'image/png', bytes: pngScored(score) });
    return rig.slack.postMessage({ channel: general(), user, files: [file] });
  }

  /** The bot's reply in the message's thread once it is no longer the placeholder (in `locale`). */
  async function finalReplyIn(locale: Locale, message: StoredMessage): Promise<StoredMessage> {
    await rig.idle();
    return waitFor(
      () => {
        const last = rig.slack.threadReplies(general(), message.ts).at(-1);
        return last && last.text !== placeholderText(1, locale) ? last : undefined;
      },
      { what: `the final reply in thread ${message.ts}` },
    );
  }

  const localeLookups = (user: string) =>
    rig.slack
      .callsTo('users.info')
      .filter((c) => c.args.user === user && String(c.args.include_locale) === 'true');

  it('a user whose Slack is in Spanish (es-ES) gets the verdict and the caveat in Spanish', async () => {
    const message = postImage('luna.png', 0.93);
    await rig.slack.command({ user: 'U0ELENA', channel: general(), text: 'check' });
    const text = blockText(await finalReplyIn('es', message));
    expect(text).toContain('*Indicios fuertes de generación por IA* · 93 % de probabilidad estimada');
    expect(text).toContain(
      'La detección de IA es probabilística: tómala como un indicio, no como una prueba.',
    );
    expect(text).toContain('Solicitado por <@U0ELENA>');

    // Asked once, then remembered: a second command looks nothing up.
    const help = await rig.slack.command({ user: 'U0ELENA', channel: general(), text: 'help' });
    await rig.idle();
    const answer = await waitFor(() => rig.slack.responses(help.responseUrl)[0], { what: 'the help answer' });
    expect((answer.args as { text: string }).text).toMatch(/^\*BitMind\* estima la probabilidad/);
    expect(localeLookups('U0ELENA')).toHaveLength(1);
  });

  it('Brazilian Portuguese once, by reaction', async () => {
    const message = postImage('praia.png', 0.62);
    await rig.slack.react({ user: 'U0JOAO', channel: general(), ts: message.ts, reaction: 'mag' });
    const text = blockText(await finalReplyIn('pt-BR', message));
    expect(text).toContain(
      '*Alguns indícios de geração por IA* · 62% de probabilidade estimada de geração por IA',
    );
    expect(text).toContain('Pedido por <@U0JOAO>');
  });

  it('a language the bot does not speak (ko-KR) gets English', async () => {
    const message = postImage('bada.png', 0.08);
    await rig.slack.command({ user: 'U0MINJI', channel: general(), text: 'check' });
    const text = blockText(await finalReplyIn('en', message));
    expect(text).toContain('*Little evidence of AI generation* · 8% estimated likelihood of AI generation');
    expect(text).toContain('AI detection is probabilistic: treat this as one signal, not proof.');
  });
});
