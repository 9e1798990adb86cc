import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRecord } from '../fakes/discord/index.js';
import { startDiscordRig, type DiscordRig } from '../discord/rig.js';
import { failOnStrayErrors } from '../helpers/no-stray-errors.js';
import { waitFor } from '../helpers/wait.js';
import { uniqueScoredPng } from './support.js';

failOnStrayErrors();

let rig: DiscordRig;
beforeAll(async () => {
  rig = await startDiscordRig();
});
afterAll(() => rig?.close());

/** A person runs `/bitmind check` with an image attached. */
function trigger(score: number): InteractionRecord {
  const { fake } = rig;
  return fake.slashCommand({
    channelId: fake.channels.general.id,
    user: fake.users.alice,
    name: 'bitmind',
    path: ['check'],
    options: { media: { name: 'photo.png', bytes: uniqueScoredPng(score), contentType: 'image/png' } },
  });
}

/**
 * The invariant: the interaction is acknowledged once and answered by exactly one successful edit,
 * carrying the true score, and no follow-up message comes after it.
 */
async function expectOneTrueAnswer(interaction: InteractionRecord, score: number): Promise<void> {
  const { fake } = rig;
  const done = () =>
    fake.interactionCalls(interaction).filter((c) => c.method === 'PATCH' && c.status === 200);
  const [answer] = await waitFor(() => done().length > 0 && done(), {
    what: 'the interaction answer',
    timeoutMs: 15_000,
  });
  const body = answer!.body as Partial<APIMessage>;
  expect(`${body.content ?? ''} ${JSON.stringify(body.embeds ?? [])}`).toContain(
    `${Math.round(score * 100)}%`,
  );
  // Once the bot has taken every event and is idle, nothing more can come.
  await rig.settled();
  const calls = fake.interactionCalls(interaction).filter((c) => c.status === 200 || c.status === 204);
  expect(calls.map((c) => c.method)).toEqual(['POST', 'PATCH']);
  expect(interaction.callbackTypes).toHaveLength(1);
}

async function waitForSession(what: string, done: () => boolean): Promise<void> {
  await waitFor(() => done() && rig.fake.gateway.readySessions === 1, { what, timeoutMs: 15_000 });
}

describe('Discord faults (a real discord.js client against the fake gateway and REST)', () => {
  it('malformed gateway payloads: none crashes or stops the bot; a readable interaction hears it privately', async () => {
    const { fake } = rig;
    const { general } = fake.channels;
    const user = fake.users.alice;
    const bad = fake.interact(
      { channelId: general.id, user },
      { id: '1', name: 'bitmind', type: 1, options: 'check' },
    );
    fake.interact(
      { channelId: general.id, user },
      {
        id: '1',
        name: 'bitmind',
        type: 1,
        options: [{ name: 'check', type: 1, options: [{ name: 'url', type: 3, value: { $ne: 1 } }] }],
      },
    );
    fake.interact(
      { channelId: general.id, user },
      { id: '1', name: 'Check with BitMind', type: 3, target_id: 'x' },
    );
    const unreadable: Array<[string, unknown]> = [
      ['INTERACTION_CREATE', null],
      ['INTERACTION_CREATE', { id: 7, token: [] }],
      [
        'MESSAGE_CREATE',
        { id: '1', channel_id: general.id, guild_id: fake.world.guild.id, author: null, attachments: 'x' },
      ],
      [
        'MESSAGE_CREATE',
        {
          id: '2',
          channel_id: general.id,
          guild_id: fake.world.guild.id,
          author: { id: user.id },
          type: 0,
          attachments: [{ id: '3', filename: 'a.png', size: 'big', url: 5 }],
        },
      ],
      [
        'MESSAGE_REACTION_ADD',
        {
          user_id: user.id,
          channel_id: general.id,
          message_id: '1',
          guild_id: fake.world.guild.id,
          emoji: null,
        },
      ],
      ['MESSAGE_REACTION_ADD', []],
    ];
    for (const [event, d] of unreadable) fake.gateway.dispatch(event, d as Record<string, unknown>);
    await rig.settled();
    const answer = fake.interactionCalls(bad);
    expect(answer.map((c) => [c.method, c.status])).toEqual([['POST', 204]]);
    expect(answer[0]!.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: expect.stringMatching(/could not read that command/) },
    });
    // Logged at warn, naming the fields but not the token.
    const warnings = rig.logLines.filter((l) => l.includes('could not read'));
    expect(warnings.length).toBeGreaterThanOrEqual(unreadable.length);
    expect(warnings.join('\n')).not.toContain(bad.token);
    expect(rig.adapter.isReady()).toBe(true);
    await expectOneTrueAnswer(trigger(0.52), 0.52);
  });

  it('REST 429 with retry_after on the answer: discord.js waits, and the answer arrives once', async () => {
    const { fake } = rig;
    fake.rest.rateLimitNext({ method: 'PATCH', path: /^\/webhooks\//, retryAfterSeconds: 0.5 });
    const interaction = trigger(0.44);
    await expectOneTrueAnswer(interaction, 0.44);
    const patches = fake.interactionCalls(interaction).filter((c) => c.method === 'PATCH');
    expect(patches.map((c) => c.status)).toEqual([429, 200]);
  });

  it('op 7 (reconnect) while a check is in flight: the answer arrives once, the session resumes, and it carries on', async () => {
    const { fake, core } = rig;
    const resumes = fake.gateway.resumes.length;
    core.sim.setFaults({ latencyMs: 800 });
    const inFlight = trigger(0.36);
    await waitFor(() => fake.interactionCalls(inFlight).some((c) => c.method === 'POST'), {
      what: 'the deferral',
    });
    fake.gateway.reconnect();
    try {
      await expectOneTrueAnswer(inFlight, 0.36);
    } finally {
      core.sim.setFaults({ latencyMs: 0 });
    }
    await waitForSession('a resumed session', () => fake.gateway.resumes.length > resumes);
    await expectOneTrueAnswer(trigger(0.37), 0.37);
  });

  it('close code 4000: the client resumes and carries on', async () => {
    const { fake } = rig;
    const resumes = fake.gateway.resumes.length;
    fake.gateway.closeConnections(4000);
    await waitForSession('a resumed session', () => fake.gateway.resumes.length > resumes);
    await expectOneTrueAnswer(trigger(0.71), 0.71);
  });

  it('op 9 (invalid session, not resumable): the client identifies again and carries on', async () => {
    const { fake } = rig;
    const identifies = fake.gateway.identifies.length;
    // discord.js waits 1 to 5 s, as Discord asks, before identifying again.
    fake.gateway.invalidSession(false);
    await waitForSession('a new session', () => fake.gateway.identifies.length > identifies);
    await expectOneTrueAnswer(trigger(0.19), 0.19);
    expect(rig.adapter.isReady()).toBe(true);
  });

  it('BitMind failing under a Discord trigger: one clear error answer, then verdicts again', async () => {
    const { fake, core } = rig;
    core.sim.setFaults({ errorRate: 1 });
    let interaction: InteractionRecord | undefined;
    try {
      interaction = trigger(0.62);
      const edit = await waitFor(
        () => fake.interactionCalls(interaction!).find((c) => c.method === 'PATCH' && c.status === 200),
        { what: 'the error answer' },
      );
      const text = JSON.stringify(edit.body);
      expect(text).toContain('Could not check');
      expect(text).not.toContain('62%');
    } finally {
      core.sim.setFaults({ errorRate: 0 });
    }
    await expectOneTrueAnswer(trigger(0.63), 0.63);
    expect(fake.interactionCalls(interaction).map((c) => c.method)).toEqual(['POST', 'PATCH']);
  });
});
