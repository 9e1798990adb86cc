import type { APIEmbed, APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeFile, InteractionRecord } from '../fakes/discord/index.js';
import { pngScored, startDiscordRig, type DiscordRig } from './rig.js';

/**
 * Replies in the reader's language (the simulator answers, so each title is marked simulated), through the real discord.js client and the fake Discord: an
 * interaction speaks its `locale`; a message event (auto-scan) has none and speaks the guild's
 * `preferred_locale`, which the adapter reads from discord.js's guild cache (GUILD_CREATE).
 */
let rig: DiscordRig;
beforeAll(async () => {
  rig = await startDiscordRig();
});
afterAll(() => rig.close());

const suspicious = (name: string): FakeFile => ({ name, bytes: pngScored(0.93), contentType: 'image/png' });

const answerOf = (interaction: InteractionRecord) => rig.fake.interactionAnswer(interaction);

function checkAs(locale: string, file: FakeFile): InteractionRecord {
  const { fake } = rig;
  return fake.slashCommand({
    channelId: fake.channels.general.id,
    user: fake.users.alice,
    name: 'bitmind',
    path: ['check'],
    options: { media: file },
    locale,
  });
}

const embedOf = (body: { embeds?: APIEmbed[] | null }): APIEmbed => body.embeds![0]!;

describe('Discord replies in the language of the interaction', () => {
  it('a member whose client is French gets the verdict, the percentage and the caveat in French', async () => {
    const embed = embedOf(await answerOf(checkAs('fr', suspicious('chat.png'))));
    // French puts a space before the percent sign (Intl.NumberFormat's narrow no-break space,
    // which the renderer's whitespace folding makes an ordinary one in embeds).
    expect(embed.title).toBe(
      '[simulé] BitMind : Indices forts de génération par IA (93 % de probabilité estimée de génération par IA)',
    );
    expect(embed.fields![0]!.value).toMatch(/^\*\*Indices forts de génération par IA\*\*\n93 % /);
    expect(embed.description).toContain(`Demandé par <@${rig.fake.users.alice.id}>`);
    expect(embed.footer?.text).toBe(
      'La détection d’IA est probabiliste : c’est un indice parmi d’autres, pas une preuve.',
    );
  });

  it('Japanese once', async () => {
    const embed = embedOf(await answerOf(checkAs('ja', suspicious('neko.png'))));
    expect(embed.title).toBe(
      '[シミュレーション] BitMind: AI生成の強い兆候があります（AI生成の推定確率 93%）',
    );
    expect(embed.footer?.text).toBe(
      'AI検出は確率的なものです。証拠ではなく、判断材料の一つとして扱ってください。',
    );
  });

  it('a language the bot does not speak (Korean) gets English', async () => {
    const embed = embedOf(await answerOf(checkAs('ko', suspicious('goyangi.png'))));
    expect(embed.title).toBe(
      '[simulated] BitMind: Strong evidence of AI generation (93% estimated likelihood of AI generation)',
    );
    expect(embed.footer?.text).toBe('AI detection is probabilistic: treat this as one signal, not proof.');
  });

  it('a locale that cannot be read is as none: the command is answered, in English', async () => {
    const embed = embedOf(await answerOf(checkAs('x'.repeat(100), suspicious('odd.png'))));
    expect(embed.footer?.text).toBe('AI detection is probabilistic: treat this as one signal, not proof.');
  });

  it('answers help and refusals in the asker’s language too', async () => {
    const { fake } = rig;
    const help = fake.slashCommand({
      channelId: fake.channels.general.id,
      user: fake.users.alice,
      name: 'bitmind',
      path: ['help'],
      locale: 'pt-BR',
    });
    const helpText = (await answerOf(help)).content;
    expect(helpText).toMatch(/^O \*\*BitMind\*\* procura sinais de geração por IA/);
    expect(helpText).toContain('• `/bitmind verificar` com `arquivo` (um arquivo) ou `link` (um link)');
    expect(helpText).toContain('**Apps → Verificar com BitMind**');
    const empty = fake.slashCommand({
      channelId: fake.channels.general.id,
      user: fake.users.alice,
      name: 'bitmind',
      path: ['check'],
      locale: 'es-ES',
    });
    expect((await answerOf(empty)).content).toBe(
      // The option names as a Spanish client shows them.
      'Dame algo que comprobar: adjunta un archivo con la opción `archivo` o pega un enlace en `enlace`.',
    );
  });
});

describe('Discord auto-scan replies in the guild’s language', () => {
  beforeAll(async () => {
    // The guild's preferred_locale arrives with GUILD_CREATE when the bot connects.
    rig.fake.world.preferredLocale = 'de';
    await rig.restart();
  });

  it('a German guild’s auto-scan reply is German, whoever posted', async () => {
    const { fake } = rig;
    const enable = fake.slashCommand({
      channelId: fake.channels.general.id,
      user: fake.users.moderator,
      name: 'bitmind',
      path: ['autoscan', 'enable'],
      options: { mode: 'all' },
      // The moderator's own client is English: their private answer is English.
      locale: 'en-US',
    });
    expect((await answerOf(enable)).content).toMatch(/^Auto-scan is \*\*on\*\*/);

    const message = fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      files: [suspicious('mond.png')],
    });
    await rig.settled();
    const answers: APIMessage[] = fake.answersTo(message.id);
    expect(answers).toHaveLength(1);
    const embed = embedOf(answers[0]!);
    expect(embed.title).toBe(
      '[simuliert] BitMind: Starke Hinweise auf KI-Generierung (93 % geschätzte Wahrscheinlichkeit einer KI-Generierung)',
    );
    expect(embed.description).toContain(`Automatische Prüfung einer Nachricht von <@${fake.users.alice.id}>`);
    expect(embed.footer?.text).toBe(
      'KI-Erkennung ist eine Wahrscheinlichkeitsaussage: Nimm das als ein Indiz, nicht als Beweis.',
    );
  });
});
