import type { APIEmbed, APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeFile } from '../fakes/discord/index.js';
import { pngScored, startDiscordRig, type DiscordRig } from './rig.js';

/**
 * A person past their hourly budget hears it in their own language, with when more checks are
 * available: through the real discord.js client and the fake Discord, the interaction's `locale`.
 */
let rig: DiscordRig;
beforeAll(async () => {
  rig = await startDiscordRig({ USER_CHECKS_PER_HOUR: '1' });
});
afterAll(() => rig.close());

const HOUR_MS = 3_600_000;
let scored = 0;
/** A new picture each time, so no verdict comes from the cache. */
const picture = (): FakeFile => ({
  name: `photo-${++scored}.png`,
  bytes: pngScored(0.1 + scored / 1000),
  contentType: 'image/png',
});

async function checkAs(user: APIUser, locale: string): Promise<APIEmbed> {
  const { fake } = rig;
  const interaction = fake.slashCommand({
    channelId: fake.channels.general.id,
    user,
    name: 'bitmind',
    path: ['check'],
    options: { media: picture() },
    locale,
  });
  return (await fake.interactionAnswer(interaction)).embeds![0]!;
}

/** What the check after the one the budget allows says of its file, and the clock time it should name. */
async function pastTheBudget(user: APIUser, locale: string): Promise<{ said: string; at: string }> {
  await checkAs(user, locale);
  const at = new Date(Math.ceil(Date.now() / HOUR_MS) * HOUR_MS).toISOString().slice(11, 16);
  const refused = await checkAs(user, locale);
  return { said: refused.fields![0]!.value, at };
}

describe('the hourly budget’s refusal on Discord', () => {
  it('is French, with the time and the minutes left, for a member whose client is French', async () => {
    const { said, at } = await pastTheBudget(rig.fake.users.alice, 'fr');
    // The embed's whitespace folding makes French's no-break space before "min" an ordinary one.
    expect(said).toMatch(
      new RegExp(
        `^\\*\\*Vérification impossible\\*\\*\\nVous avez utilisé votre 1 vérification de cette heure\\. Les suivantes seront disponibles à ${at} UTC \\(dans \\d+ min\\)\\.$`,
      ),
    );
  });

  it('is Japanese for a member whose client is Japanese', async () => {
    const { said, at } = await pastTheBudget(rig.fake.users.moderator, 'ja');
    expect(said).toMatch(
      new RegExp(
        `この1時間のチェック上限（1回）に達しました。${at} UTC から再びチェックできます（あと \\d+ 分）。`,
      ),
    );
  });
});
