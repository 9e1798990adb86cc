import type { APIMessage, APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeFile } from '../fakes/discord/index.js';
import { user } from '../fakes/discord/payloads.js';
import { waitFor } from '../helpers/wait.js';
import { buttonsOf, press as pressOn } from './buttons.js';
import { pngScored, startDiscordRig, type DiscordRig } from './rig.js';

/**
 * The moderation tools in each reader's language, through the real discord.js client and the fake
 * Discord, in a guild whose preferred_locale is German: the mod log, which every moderator there
 * reads, is German; a button's answer is the presser's alone, in their client's language (the
 * MESSAGE_COMPONENT interaction's `locale`); a command's answer is the asker's.
 */
let rig: DiscordRig;
let bob: APIUser;
beforeAll(async () => {
  rig = await startDiscordRig();
  bob = user('bob');
  rig.fake.world.addMember(bob);
  // The guild's preferred_locale arrives with GUILD_CREATE when the bot connects.
  rig.fake.world.preferredLocale = 'de';
  await rig.restart();
});
afterAll(() => rig.close());

const suspicious = (name: string): FakeFile => ({ name, bytes: pngScored(0.93), contentType: 'image/png' });

async function command(
  by: APIUser,
  locale: string,
  path: string[],
  options: Record<string, string> = {},
): Promise<string> {
  const { fake } = rig;
  const interaction = fake.slashCommand({
    channelId: fake.channels.general.id,
    user: by,
    name: 'bitmind',
    path,
    options,
    locale,
  });
  const answer = await fake.interactionAnswer(interaction);
  return answer.content ?? '';
}

/** Presses a button as a member whose client speaks `locale`; returns what the presser alone was told. */
const press = (by: APIUser, locale: string, message: APIMessage, customId: string) =>
  pressOn(rig, by, message, customId, locale);

const modlogPosts = () =>
  rig.fake
    .callsTo('POST', new RegExp(`^/channels/${rig.fake.channels.random.id}/messages$`))
    .map((c) => (c.body as { embeds: NonNullable<APIMessage['embeds']> }).embeds[0]!);
const fields = (embed: NonNullable<APIMessage['embeds']>[number]) =>
  Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));

describe('Discord moderation in the reader’s language', () => {
  let flagged: APIMessage;

  it('answers the mod log command in the asker’s language', async () => {
    const { fake } = rig;
    const random = fake.channels.random.id;
    expect(await command(fake.users.moderator, 'fr', ['modlog', 'set'], { channel: random })).toBe(
      `Le journal de modération est désormais <#${random}> : les résultats avec des indices de génération par IA et les signalements de résultats erronés y sont publiés.`,
    );
    expect(await command(fake.users.alice, 'ja', ['modlog', 'status'])).toBe(
      `モデレーションログは <#${random}> です。`,
    );
    expect(await command(fake.users.alice, 'pt-BR', ['roles', 'add'], { role: '123456789' })).toBe(
      'Só membros com a permissão Gerenciar servidor podem escolher os cargos de moderação.',
    );
    await command(fake.users.moderator, 'en-US', ['autoscan', 'enable']);
  });

  it('posts a German guild’s mod log in German', async () => {
    const { fake } = rig;
    const original = fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      files: [suspicious('mond.png')],
    });
    await rig.settled();
    [flagged] = fake.answersTo(original.id) as [APIMessage];
    const [entry, ...more] = modlogPosts();
    expect(more).toEqual([]);
    expect(entry!.title).toBe('⚠️ Hinweise auf KI-Generierung');
    expect(entry!.description).toBe('starke Hinweise auf KI-Generierung');
    expect(fields(entry!)).toEqual({
      Einschätzung:
        '[simuliert] BitMind: Starke Hinweise auf KI-Generierung (93 % geschätzte Wahrscheinlichkeit einer KI-Generierung) (starke Hinweise auf KI-Generierung)',
      'Gepostet von': `<@${fake.users.alice.id}>`,
      'Angefordert von': 'automatische Prüfung',
      Auslöser: 'automatische Prüfung',
      'Ursprüngliche Nachricht': `[Ursprüngliche Nachricht](https://discord.com/channels/${fake.world.guild.id}/${fake.channels.general.id}/${original.id})`,
    });
  });

  it('thanks a French presser in French, and reports the wrong result to the mod log in German', async () => {
    expect(await press(bob, 'fr', flagged, buttonsOf(flagged).feedback)).toEqual([
      'Merci : votre signalement de ce résultat comme erroné a été enregistré, et les modérateurs ont été prévenus.',
    ]);
    expect(await press(bob, 'fr', flagged, buttonsOf(flagged).feedback)).toEqual([
      'Vous avez déjà signalé ce résultat. Merci.',
    ]);
    const report = modlogPosts().at(-1)!;
    expect(report.title).toBe('💬 Ein Ergebnis wurde als falsch gemeldet');
    expect(fields(report)['Gemeldet von']).toBe(`<@${bob.id}>`);
    // The summary was kept in the guild's language when the result was made.
    expect(fields(report).Einschätzung).toMatch(/^\[simuliert\] BitMind: Starke Hinweise/);
  });

  it('tells a French presser in French, reason and all, that a Recheck got no verdict', async () => {
    rig.core.sim.setFaults({ errorRate: 1 });
    try {
      const told = await press(bob, 'fr', flagged, buttonsOf(flagged).recheck);
      expect(told).toEqual([
        'La revérification n’a pas pu être faite, le résultat reste donc tel quel : BitMind est indisponible pour le moment ; réessayez dans une minute.',
      ]);
    } finally {
      rig.core.sim.setFaults({ errorRate: 0 });
    }
  });

  it('tells whoever set an unreachable mod log in their own language, though Discord says it outside any interaction', async () => {
    const { fake } = rig;
    const thread = fake.channels.thread.id;
    await command(fake.users.moderator, 'ja', ['modlog', 'set'], { channel: thread });
    fake.rest.failNext({
      method: 'POST',
      path: new RegExp(`^/channels/${thread}/messages$`),
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    fake.postMessage({
      channelId: fake.channels.general.id,
      author: fake.users.alice,
      files: [suspicious('zwei.png')],
    });
    await rig.settled();
    const said = await waitFor(
      () =>
        fake
          .callsTo('POST', /^\/channels\/\d+\/messages$/)
          .map((c) => String((c.body as { content?: string }).content))
          .find((text) => text.includes(`<#${thread}>`)),
      { what: 'the private word to the setter' },
    );
    expect(said).toBe(
      `<#${thread}> にモデレーションログを投稿できません。私をそのチャンネルに招待（またはメッセージ送信の権限を付与）してから、もう一度設定してください。それまでモデレーションログは一時停止します。`,
    );
  });

  it('lists the moderation commands in the asker’s help, with the names their client shows', async () => {
    const help = await command(rig.fake.users.alice, 'fr', ['help']);
    expect(help).toContain(
      '• `/bitmind rôles ajouter|retirer|liste` : rôles dont les membres peuvent aussi modifier l’analyse automatique (Gérer le serveur).',
    );
    expect(help).toContain(
      'Chaque résultat a les boutons « Revérifier », « Résultat erroné ? » et « Supprimer ».',
    );
  });
});
