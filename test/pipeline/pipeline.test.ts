import { describe, expect, it } from 'vitest';
import { CheckError } from '../../src/domain/types.js';
import { t } from '../../src/i18n/i18n.js';
import { STATE_UNAVAILABLE } from '../../src/pipeline/failure.js';
import type { CheckJob, JobRunner } from '../../src/pipeline/jobs.js';
import { StateUnavailableError } from '../../src/state/redis-connection.js';
import { MemoryStateStore } from '../../src/state/memory-store.js';
import { FakePort, pipelineWorld, place, png, trigger, type PipelineWorld } from './fakes.js';

const flagged = (world: PipelineWorld) =>
  world.port.plans().filter((p) => p.kind === 'reply' && p.body.kind === 'report');

describe('de-duplication', () => {
  it('answers a delivery once, however often it arrives, and a delivery sharing any one of its ids too', async () => {
    const world = pipelineWorld();
    const first = trigger({ deliveryKeys: ['event:Ev1', 'envelope:E1'] });
    await world.send(first);
    await world.send(first);
    await world.send({ ...first, deliveryKeys: ['event:Ev1', 'envelope:E2'] });
    expect(world.checker.requests).toHaveLength(1);
    expect(world.port.plans()).toHaveLength(1);
  });
});

describe('auto-scan', () => {
  const autoscan = (world: PipelineWorld, media = [png('0.9.png')]) =>
    world.send(trigger({ kind: 'autoscan', media }));

  it('takes nothing where it is off', async () => {
    const world = pipelineWorld();
    await autoscan(world);
    expect(world.checker.requests).toEqual([]);
    expect(world.port.calls).toEqual([]);
  });

  it('takes only media the bot can check: a GIF alone starts nothing', async () => {
    const world = pipelineWorld();
    await world.settings.update(place(), 'C1', { autoscan: true });
    await autoscan(world, [{ source: 'platform', name: 'party.gif', mimeHint: 'image/gif', locator: {} }]);
    expect(world.checker.requests).toEqual([]);
  });

  it('in `flagged` mode replies without a placeholder to evidence and to failures, and marks the rest', async () => {
    const world = pipelineWorld();
    await world.settings.update(place(), 'C1', { autoscan: true, replyMode: 'flagged' });
    await autoscan(world, [png('0.95.png')]);
    await autoscan(world, [png('0.05.png')]);
    world.checker.withItemError = true;
    await autoscan(world, [png('0.5.png')]);
    expect(world.port.calls.filter((c) => c.call === 'placeholder')).toEqual([]);
    expect(world.port.plans().map((p) => (p.kind === 'reaction' ? `mark:${p.mark}` : p.kind))).toEqual([
      'reply',
      'mark:clean',
      'reply',
    ]);
  });

  it('in `silent` mode only marks, and in `all` mode replies to everything after a placeholder', async () => {
    const world = pipelineWorld();
    await world.settings.update(place(), 'C1', { autoscan: true, replyMode: 'silent' });
    await autoscan(world, [png('0.95.png')]);
    await world.settings.update(place(), 'C1', { replyMode: 'all' });
    await autoscan(world, [png('0.05.png')]);
    expect(world.port.calls.map((c) => c.call)).toEqual(['deliver', 'placeholder', 'deliver']);
    expect(world.port.plans()[0]).toEqual({ kind: 'reaction', mark: 'flagged' });
    expect(world.port.plans()[1]).toMatchObject({ kind: 'reply', placeholder: true });
  });

  it('takes nothing new while the bot drains for a restart, and says nothing', async () => {
    const world = pipelineWorld();
    await world.settings.update(place(), 'C1', { autoscan: true });
    await world.tasks.drain(1000);
    await autoscan(world);
    expect(world.port.calls).toEqual([]);
  });
});

describe('a person who asks', () => {
  it('gets a placeholder, then the verdict in its place', async () => {
    const world = pipelineWorld();
    await world.send(trigger());
    expect(world.port.calls).toEqual([
      { call: 'placeholder', count: 1 },
      expect.objectContaining({ call: 'deliver', placeholder: { ts: '1' } }),
    ]);
    expect(flagged(world)).toHaveLength(1);
  });

  it('is told the bot is restarting, privately, while it drains', async () => {
    const world = pipelineWorld();
    await world.tasks.drain(1000);
    await world.send(trigger());
    expect(world.port.plans()).toEqual([{ kind: 'refusal', text: expect.stringMatching(/restarting/) }]);
  });

  it('hears a failure in our words, logged at warn when expected and at error (with a plain apology) when a bug', async () => {
    const world = pipelineWorld();
    world.checker.failWith = new CheckError('blocked_url', 'That address is not allowed.');
    await world.send(trigger());
    world.checker.failWith = new TypeError("Cannot read properties of undefined (reading 'x')");
    await world.send(trigger());
    expect(
      world.port.plans().map((p) => (p.kind === 'reply' && p.body.kind === 'failure' ? p.body.text : p.kind)),
    ).toEqual(['That address is not allowed.', expect.stringMatching(/^Something went wrong/)]);
    const levels = world.logLines
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .filter((l) => l.msg === 'check failed')
      .map((l) => l.level);
    expect(levels).toEqual([40, 50]);
  });

  it('is held to the hourly budget, counted across every platform instance sharing the state', async () => {
    const state = new MemoryStateStore();
    const a = pipelineWorld({ state, userChecksPerHour: 2 });
    const b = pipelineWorld({ state, userChecksPerHour: 2 });
    await a.send(trigger());
    await b.send(trigger());
    await a.send(trigger());
    const last = b.checker.requests.concat(a.checker.requests).find((r) => r.budget?.granted === 0);
    expect(last?.budget).toEqual({ granted: 0, perHour: 2, resetsAt: expect.any(Number) as number });
    const refusal = a.port.plans().at(-1);
    expect(
      refusal?.kind === 'reply' && refusal.body.kind === 'report' && refusal.body.report.items[0],
    ).toMatchObject({
      error: {
        code: 'rate_limited',
        message: expect.stringMatching(/used your 2 checks for this hour.*available at \d\d:\d\d UTC/),
      },
    });
  });
});

describe('a workspace the bot leaves', () => {
  it('loses its settings, budgets, reaction marks and recent checks; another workspace keeps its own', async () => {
    const world = pipelineWorld({ userChecksPerHour: 1 });
    const other = place({ workspace: 'W2' });
    for (const where of [place(), other]) {
      await world.settings.update(where, 'C1', { autoscan: true });
      world.port.messageSpecs = [png('0.9.png')];
      await world.send(
        trigger({ kind: 'reaction', place: where, media: undefined, reaction: ['mag'], deliveryKeys: [] }),
      );
    }
    const kept = async () => (await world.state.entries('')).map(([key]) => key).sort();
    expect((await kept()).filter((k) => k.includes(':W1'))).not.toEqual([]);

    await world.pipeline.forget(place());

    expect((await kept()).filter((k) => k.includes(':W1'))).toEqual([]);
    expect(await world.pipeline.recent('fake', 'W1')).toEqual([]);
    expect(await world.settings.get(place(), 'C1')).toMatchObject({ autoscan: false });
    expect((await kept()).filter((k) => k.includes(':W2')).length).toBeGreaterThan(0);
    expect(await world.pipeline.recent('fake', 'W2')).toHaveLength(1);
    expect(await world.settings.get(other, 'C1')).toMatchObject({ autoscan: true });
  });
});

describe('the trigger reaction', () => {
  const react = (world: PipelineWorld, user = 'U1', reaction = ['mag']) =>
    world.send(trigger({ kind: 'reaction', media: undefined, user, reaction, deliveryKeys: [] }));

  it('ignores another emoji, and a message without media', async () => {
    const world = pipelineWorld();
    await react(world, 'U1', ['tada']);
    world.port.messageSpecs = [];
    await react(world);
    expect(world.port.calls).toEqual([]);
  });

  it('checks once, re-posts the verdict once within the hour, then stays quiet', async () => {
    const world = pipelineWorld();
    world.port.messageSpecs = [png('0.9.png')];
    await react(world, 'U1');
    await react(world, 'U2');
    await react(world, 'U3');
    expect(world.checker.requests).toHaveLength(1);
    expect(world.port.plans()).toEqual([
      expect.objectContaining({
        kind: 'reply',
        placeholder: true,
        body: expect.objectContaining({ repeat: false }),
      }),
      expect.objectContaining({
        kind: 'reply',
        placeholder: false,
        body: expect.objectContaining({ repeat: true }),
      }),
    ]);
    // The repost is a result of its own: all three buttons, under an id of its own.
    const [first, repost] = world.port.plans().map((p) => (p.kind === 'reply' ? p.result : undefined));
    expect(repost?.actions).toEqual(['recheck', 'feedback', 'delete']);
    expect(repost?.id).not.toBe(first?.id);
  });

  it('never lets a failure block a retry: reacting again makes a new attempt', async () => {
    const world = pipelineWorld();
    const on = (message: string, user: string) =>
      world.send(
        trigger({
          kind: 'reaction',
          media: undefined,
          user,
          reaction: ['mag'],
          deliveryKeys: [],
          place: place({ message }),
        }),
      );
    world.checker.withItemError = true; // BitMind down: every medium failed
    await on('M1', 'U1');
    world.checker.withItemError = false;
    await on('M1', 'U1');
    world.checker.failWith = new Error('boom'); // the whole check threw
    await on('M2', 'U2');
    world.checker.failWith = undefined;
    await on('M2', 'U2');
    expect(world.checker.requests).toHaveLength(4);
    // Once answered, the rule holds again: one repeat, then quiet.
    await on('M2', 'U3');
    await on('M2', 'U4');
    expect(world.checker.requests).toHaveLength(4);
    expect(
      world.port.plans().filter((p) => p.kind === 'reply' && p.body.kind === 'report' && p.body.repeat),
    ).toHaveLength(1);
  });

  it('follows the reaction a channel chose over the platform default', async () => {
    const world = pipelineWorld();
    await world.settings.update(place(), 'C1', { triggerReaction: 'eyes' });
    await react(world, 'U1', ['mag']);
    await react(world, 'U1', ['eyes']);
    expect(world.checker.requests).toHaveLength(1);
  });
});

describe('answers owed across a restart', () => {
  it('keeps an answer the platform refused, and gives it in the same placeholder at the next start', async () => {
    const state = new MemoryStateStore();
    const port = new FakePort();
    port.refuseDeliveries = true;
    const before = pipelineWorld({ state, port });
    await before.send(trigger());
    expect(await state.entries('owed:')).toHaveLength(1);

    port.refuseDeliveries = false;
    const after = pipelineWorld({ state, port });
    expect(await after.pipeline.resume()).toBe(1);
    await after.pipeline.idle();
    expect(port.calls.at(-1)).toMatchObject({
      call: 'deliver',
      placeholder: { ts: '1' },
      plan: { kind: 'reply' },
    });
    expect(await state.entries('owed:')).toEqual([]);
  });

  it('owes nothing once answered', async () => {
    const world = pipelineWorld();
    await world.send(trigger());
    expect(await world.state.entries('owed:')).toEqual([]);
    expect(await world.pipeline.resume()).toBe(0);
  });
});

describe('a durable queue (the shared mode)', () => {
  /** A queue that only keeps what it is given, as BullMQ would until a worker takes it. */
  function queued(fail?: Error) {
    const jobs: CheckJob[] = [];
    const runner: JobRunner = {
      durable: true,
      submit: (job) => (fail ? Promise.reject(fail) : Promise.resolve(void jobs.push(job))),
    };
    return { jobs, runner };
  }

  it('is the owed list: nothing owed is written, and resume leaves the queue to its workers', async () => {
    const { jobs, runner } = queued();
    const world = pipelineWorld({ jobs: runner });
    await world.send(trigger());
    expect(jobs).toHaveLength(1);
    expect(await world.state.entries('owed:')).toEqual([]);
    expect(await world.pipeline.resume()).toBe(0);
  });

  it('answers a job run twice (its first instance died after delivering) once', async () => {
    const { jobs, runner } = queued();
    const world = pipelineWorld({ jobs: runner });
    await world.send(trigger());
    expect(await world.pipeline.execute(jobs[0]!)).toBe('answered');
    expect(await world.pipeline.execute(jobs[0]!)).toBe('answered');
    expect(world.port.calls.map((c) => c.call)).toEqual(['placeholder', 'deliver']);
    expect(world.checker.requests).toHaveLength(1);
  });

  it('hands a job back without answering when its instance goes away', async () => {
    const { jobs, runner } = queued();
    const world = pipelineWorld({ jobs: runner });
    await world.send(trigger());
    const away = new AbortController();
    away.abort(new Error('shutting down'));
    expect(await world.pipeline.execute(jobs[0]!, away.signal)).toBe('handed back');
    expect(world.port.calls.map((c) => c.call)).toEqual(['placeholder']);
    // Another instance then answers it.
    expect(await world.pipeline.execute(jobs[0]!)).toBe('answered');
    expect(world.port.calls.map((c) => c.call)).toEqual(['placeholder', 'deliver']);
  });

  it('tells the asker once, in their language, when the queue gives up on their job', async () => {
    const { jobs, runner } = queued();
    const world = pipelineWorld({ jobs: runner });
    await world.send(trigger({ locale: 'fr' }));
    await world.pipeline.abandon(jobs[0]!);
    await world.pipeline.abandon(jobs[0]!);
    expect(world.port.calls.map((c) => c.call)).toEqual(['placeholder', 'deliver']);
    expect(world.port.plans()).toEqual([
      { kind: 'reply', placeholder: true, body: { kind: 'failure', text: t('fr', 'failure.gaveUp') } },
    ]);
    // Nothing answers it after that, not even a late run.
    expect(await world.pipeline.execute(jobs[0]!)).toBe('answered');
    expect(world.checker.requests).toHaveLength(0);
  });

  it('leaves a job another run answered alone when the queue gives up on it', async () => {
    const { jobs, runner } = queued();
    const world = pipelineWorld({ jobs: runner });
    await world.send(trigger());
    expect(await world.pipeline.execute(jobs[0]!)).toBe('answered');
    await world.pipeline.abandon(jobs[0]!);
    expect(world.port.calls.map((c) => c.call)).toEqual(['placeholder', 'deliver']);
  });

  it('charges a job handed back and run again once, and a Recheck of it anew', async () => {
    const { jobs, runner } = queued();
    const world = pipelineWorld({ jobs: runner, userChecksPerHour: 1 });
    await world.send(trigger());
    const away = new AbortController();
    away.abort(new Error('shutting down'));
    expect(await world.pipeline.execute(jobs[0]!, away.signal)).toBe('handed back');
    expect(await world.pipeline.execute(jobs[0]!)).toBe('answered');
    // A Recheck is its presser's new request: the hour's one check is spent.
    await world.pipeline.execute({ ...jobs[0]!, recheckBy: 'U1' });
    expect(world.checker.requests.map((r) => r.budget?.granted)).toEqual([1, 1, 0]);
  });

  it('says "try again in a moment" in place of the placeholder when the queue cannot take the job', async () => {
    const { runner } = queued(new StateUnavailableError(new Error('connection closed')));
    const world = pipelineWorld({ jobs: runner });
    await world.send(trigger());
    expect(world.port.calls.map((c) => c.call)).toEqual(['placeholder', 'deliver']);
    expect(world.port.plans()).toEqual([
      { kind: 'reply', placeholder: true, body: { kind: 'failure', text: STATE_UNAVAILABLE } },
    ]);
  });
});

describe('a platform that fails before the check', () => {
  it("releases a reaction's claim on its message when the placeholder cannot be posted, so a retry works", async () => {
    const port = new FakePort();
    const world = pipelineWorld({ port });
    const placeholder = port.placeholder.bind(port);
    let refuse = true;
    port.placeholder = (t, count) =>
      refuse ? Promise.reject(new Error('Slack said no')) : placeholder(t, count);
    const react = () =>
      world.send(trigger({ kind: 'reaction', media: undefined, reaction: ['mag'], deliveryKeys: [] }));
    await react();
    expect(world.checker.requests).toHaveLength(0);
    refuse = false;
    await react();
    expect(world.checker.requests).toHaveLength(1);
  });
});

describe('shared state out of reach', () => {
  it('refuses a person with "try again in a moment", and leaves auto-scan silent', async () => {
    const state = new MemoryStateStore();
    const world = pipelineWorld({ state });
    await world.settings.update(place(), 'C1', { autoscan: true });
    state.setIfAbsent = () => Promise.reject(new StateUnavailableError(new Error('ECONNREFUSED')));
    await world.send(trigger());
    await world.send(trigger({ kind: 'autoscan' }));
    expect(world.port.plans()).toEqual([{ kind: 'refusal', text: STATE_UNAVAILABLE }]);
    expect(world.checker.requests).toEqual([]);
  });
});

describe('events the pipeline passes over', () => {
  it('writes nothing to the state store for a message where auto-scan is off or a reaction that is not the trigger', async () => {
    const state = new MemoryStateStore();
    const world = pipelineWorld({ state });
    await world.send(trigger({ kind: 'autoscan', deliveryKeys: ['message:1'] }));
    await world.send(
      trigger({ kind: 'reaction', media: undefined, reaction: ['tada'], deliveryKeys: ['event:2'] }),
    );
    expect(state.size).toBe(0);
    expect(world.port.calls).toEqual([]);
  });
});
